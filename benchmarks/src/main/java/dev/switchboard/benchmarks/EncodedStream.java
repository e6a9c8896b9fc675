package dev.switchboard.benchmarks;

import dev.switchboard.contracts.chat.ChatEvent;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.infra.Blackhole;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;

/**
 * Subscribes to an event stream, encodes each event as the handlers do (empty results are not written) and hands the
 * bytes to a {@link Blackhole}. The sources here are synchronous, so the stream has ended when {@code subscribe}
 * returns; {@link #finished()} checks that it did, and without error.
 */
final class EncodedStream implements CoreSubscriber<ChatEvent> {

    private static final byte[] NONE = new byte[0];

    private final Function<ChatEvent, byte[]> encoder;
    private final Blackhole sink;
    private int chunks;
    private long bytes;
    private byte[] first = NONE;
    private byte[] last = NONE;
    private @Nullable Throwable error;
    private boolean done;

    EncodedStream(Function<ChatEvent, byte[]> encoder, Blackhole sink) {
        this.encoder = encoder;
        this.sink = sink;
    }

    @Override
    public void onSubscribe(Subscription subscription) {
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(ChatEvent event) {
        byte[] chunk = encoder.apply(event);
        if (chunk.length == 0) {
            return;
        }
        if (chunks++ == 0) {
            first = chunk;
        }
        last = chunk;
        bytes += chunk.length;
        sink.consume(chunk);
    }

    @Override
    public void onError(Throwable t) {
        error = t;
        done = true;
    }

    @Override
    public void onComplete() {
        done = true;
    }

    /** This, once the stream has completed; a failure or a stream still running is an error. */
    EncodedStream finished() {
        if (error != null) {
            throw new IllegalStateException("the stream failed", error);
        }
        if (!done) {
            throw new IllegalStateException("the stream did not complete synchronously");
        }
        return this;
    }

    /** The non-empty writes. */
    int chunks() {
        return chunks;
    }

    long bytes() {
        return bytes;
    }

    byte[] first() {
        return first;
    }

    byte[] last() {
        return last;
    }
}
