package dev.switchboard.router.routing;

import dev.switchboard.contracts.error.ErrorCategory;
import dev.switchboard.contracts.error.GatewayException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Ends a request that outlives its route's total deadline with {@code UPSTREAM_TIMEOUT}, whatever it is doing. */
final class Deadline {

    private Deadline() {
    }

    static <T> Flux<T> bound(Flux<T> work, Duration total, String route) {
        return Flux.defer(() -> {
            var expired = new AtomicBoolean();
            return work.takeUntilOther(Mono.delay(total).doOnNext(tick -> expired.set(true)))
                    .concatWith(Mono.defer(() -> expired.get()
                            ? Mono.error(new GatewayException(ErrorCategory.UPSTREAM_TIMEOUT, "route '" + route
                                    + "' did not finish within its deadline of " + total.toMillis() + " ms"))
                            : Mono.empty()));
        });
    }
}
