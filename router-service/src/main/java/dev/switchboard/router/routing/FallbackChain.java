package dev.switchboard.router.routing;

import dev.switchboard.contracts.chat.ChatEvent;
import dev.switchboard.contracts.chat.ChatEvents;
import dev.switchboard.contracts.chat.ChatRequest;
import dev.switchboard.contracts.chat.ChatResponse;
import dev.switchboard.contracts.embedding.EmbeddingRequest;
import dev.switchboard.contracts.embedding.EmbeddingResponse;
import dev.switchboard.contracts.error.ErrorCategory;
import dev.switchboard.contracts.error.GatewayException;
import dev.switchboard.providers.EmbeddingAdapter;
import dev.switchboard.providers.NonStreamingChat;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Tries a route's deployments in order. An attempt that fails before it produced anything, with a category the
 * route falls back on, moves to the next deployment; once a stream has produced an event it is never switched
 * and the failure reaches the caller. Unexpected exceptions become {@link ErrorCategory#INTERNAL}.
 */
public final class FallbackChain {

    private static final Logger log = LoggerFactory.getLogger(FallbackChain.class);

    /** A streamed completion. */
    public Flux<ChatEvent> stream(ChatRequest request, Route route) {
        return streamAttempt(request, route, 0).onErrorMap(e -> !(e instanceof GatewayException), FallbackChain::internal);
    }

    /** A whole completion, from one non-streaming upstream call where the adapter offers it. */
    public Mono<ChatResponse> complete(ChatRequest request, Route route) {
        return once(route, 0, deployment -> {
            ChatRequest forTarget = request.withModel(deployment.target().model());
            if (deployment.adapter() instanceof NonStreamingChat whole) {
                return whole.complete(forTarget, deployment.target());
            }
            return deployment.adapter().stream(forTarget, deployment.target())
                    .collect(ChatEvents::new, ChatEvents::accept).map(ChatEvents::result);
        }).onErrorMap(e -> !(e instanceof GatewayException), FallbackChain::internal);
    }

    /** Embeddings, from the first deployment that can embed. */
    public Mono<EmbeddingResponse> embed(EmbeddingRequest request, Route route) {
        return once(route, 0, deployment -> deployment.adapter() instanceof EmbeddingAdapter embeddings
                ? embeddings.embed(request.withModel(deployment.target().model()), deployment.target()) : null)
                .onErrorMap(e -> !(e instanceof GatewayException), FallbackChain::internal);
    }

    private Flux<ChatEvent> streamAttempt(ChatRequest request, Route route, int index) {
        Deployment deployment = route.deployments().get(index);
        var produced = new AtomicBoolean();
        ChatRequest forTarget = request.withModel(deployment.target().model());
        return Flux.defer(() -> deployment.adapter().stream(forTarget, deployment.target()))
                .doOnNext(event -> produced.lazySet(true))
                .onErrorResume(GatewayException.class, e -> !produced.get() && fallsBack(route, index, e)
                        ? streamAttempt(request, route, index + 1) : Flux.error(e));
    }

    /**
     * One call per deployment until one succeeds; {@code call} answers {@code null} for a deployment that cannot
     * serve the request, which is skipped.
     */
    private <T> Mono<T> once(Route route, int index, Function<Deployment, @Nullable Mono<T>> call) {
        if (index >= route.deployments().size()) {
            return Mono.error(new GatewayException(ErrorCategory.UNSUPPORTED_CAPABILITY,
                    "model '" + route.name() + "' has no deployment that can serve this request"));
        }
        Mono<T> attempt = call.apply(route.deployments().get(index));
        if (attempt == null) {
            return once(route, index + 1, call);
        }
        return attempt.onErrorResume(GatewayException.class, e -> fallsBack(route, index, e)
                ? once(route, index + 1, call) : Mono.error(e));
    }

    private static boolean fallsBack(Route route, int index, GatewayException e) {
        boolean next = index + 1 < route.deployments().size() && route.fallbackOn().contains(e.category());
        if (next) {
            log.info("route {}: {} failed with {} ({}), falling back to {}", route.name(),
                    route.deployments().get(index).target().provider(), e.category(), e.getMessage(),
                    route.deployments().get(index + 1).target().provider());
        }
        return next;
    }

    private static GatewayException internal(Throwable e) {
        log.error("unexpected failure on the completion path", e);
        return new GatewayException(ErrorCategory.INTERNAL, "internal error; the request id identifies it in the logs");
    }
}
