package dev.switchboard.testkit;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/** How {@link FakeUpstream} writes a response body onto the socket. */
public sealed interface Delivery {

    /** The body in one write. */
    record Verbatim() implements Delivery {}

    /** The body cut at random byte boundaries (1..64 bytes), each piece flushed on its own. */
    record Rechunked(long seed) implements Delivery {}

    /** The body one line at a time (terminators kept), pausing before each piece. */
    record SlowDrip(Duration perPiece) implements Delivery {
        public SlowDrip { requireNonNull(perPiece, "perPiece"); }
    }

    /** Headers and the first {@code bytes} body bytes, then the socket is closed without finishing. */
    record DisconnectAfter(int bytes) implements Delivery {}
}
