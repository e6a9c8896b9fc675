package dev.switchboard.benchmarks;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;

/**
 * The value of a synchronous {@link Mono}, without {@code block()}'s latch: the sources here have answered when
 * {@code subscribe} returns.
 */
final class Completion<T> implements CoreSubscriber<T> {

    private @Nullable T value;
    private @Nullable Throwable error;

    static <T> T of(Mono<T> mono) {
        var completion = new Completion<T>();
        mono.subscribe(completion);
        if (completion.error != null) {
            throw new IllegalStateException("the completion failed", completion.error);
        }
        if (completion.value == null) {
            throw new IllegalStateException("the completion did not answer synchronously");
        }
        return completion.value;
    }

    @Override
    public void onSubscribe(Subscription subscription) {
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(T next) {
        value = next;
    }

    @Override
    public void onError(Throwable t) {
        error = t;
    }

    @Override
    public void onComplete() {
    }
}
