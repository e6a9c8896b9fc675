package dev.switchboard.router.routing;

import dev.switchboard.contracts.chat.ChatEvent;
import reactor.core.publisher.Flux;

/**
 * Holds a stream's {@code Started} back until the next event (its first output, or the end), so nothing reaches the
 * caller, and no status is committed, until an attempt has really answered. Costs nothing per chunk.
 */
final class Holding {

    private Holding() {
    }

    static Flux<ChatEvent> untilOutput(Flux<ChatEvent> attempt) {
        return attempt.switchOnFirst((first, all) -> {
            if (!(first.get() instanceof ChatEvent.Started started)) {
                return all;
            }
            return all.skip(1).switchOnFirst((second, rest) -> second.hasValue()
                    ? Flux.concat(Flux.just(started), rest) : rest, false);
        }, false);
    }
}
