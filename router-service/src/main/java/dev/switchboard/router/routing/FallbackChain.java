package dev.switchboard.router.routing;

import dev.switchboard.contracts.chat.ChatEvent;
import dev.switchboard.contracts.chat.ChatRequest;
import dev.switchboard.contracts.error.ErrorCategory;
import dev.switchboard.contracts.embedding.EmbeddingRequest;
import dev.switchboard.contracts.embedding.EmbeddingResponse;
import dev.switchboard.contracts.error.GatewayException;
import dev.switchboard.providers.EmbeddingAdapter;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Tries a route's deployments in order. An attempt that fails before it produced any event, with a category the
 * route falls back on, moves to the next deployment; once an event has been produced the stream is never switched
 * and the failure reaches the caller. Unexpected exceptions become {@link ErrorCategory#INTERNAL}.
 */
public final class FallbackChain {

    private static final Logger log = LoggerFactory.getLogger(FallbackChain.class);

    public Flux<ChatEvent> stream(ChatRequest request, Route route) {
        return attempt(request, route, 0).onErrorMap(e -> !(e instanceof GatewayException), FallbackChain::internal);
    }

    private Flux<ChatEvent> attempt(ChatRequest request, Route route, int index) {
        Deployment deployment = route.deployments().get(index);
        var produced = new AtomicBoolean();
        ChatRequest forTarget = request.withModel(deployment.target().model());
        return Flux.defer(() -> deployment.adapter().stream(forTarget, deployment.target()))
                .doOnNext(event -> produced.lazySet(true))
                .onErrorResume(GatewayException.class, e -> {
                    boolean next = !produced.get() && index + 1 < route.deployments().size()
                            && route.fallbackOn().contains(e.category());
                    if (!next) {
                        return Flux.error(e);
                    }
                    log.info("route {}: {} failed with {} ({}), falling back to {}", route.name(),
                            deployment.target().provider(), e.category(), e.getMessage(),
                            route.deployments().get(index + 1).target().provider());
                    return attempt(request, route, index + 1);
                });
    }

    /** Embeds with the first deployment that can, falling back on the route's categories. */
    public Mono<EmbeddingResponse> embed(EmbeddingRequest request, Route route) {
        return embedAttempt(request, route, 0).onErrorMap(e -> !(e instanceof GatewayException), FallbackChain::internal);
    }

    private Mono<EmbeddingResponse> embedAttempt(EmbeddingRequest request, Route route, int index) {
        if (index >= route.deployments().size()) {
            return Mono.error(new GatewayException(ErrorCategory.UNSUPPORTED_CAPABILITY,
                    "model '" + route.name() + "' has no deployment that serves embeddings"));
        }
        Deployment deployment = route.deployments().get(index);
        if (!(deployment.adapter() instanceof EmbeddingAdapter embeddings)) {
            return embedAttempt(request, route, index + 1);
        }
        return Mono.defer(() -> embeddings.embed(request.withModel(deployment.target().model()), deployment.target()))
                .onErrorResume(GatewayException.class, e -> index + 1 < route.deployments().size()
                        && route.fallbackOn().contains(e.category())
                        ? embedAttempt(request, route, index + 1) : Mono.error(e));
    }

    private static GatewayException internal(Throwable e) {
        log.error("unexpected failure on the chat path", e);
        return new GatewayException(ErrorCategory.INTERNAL, "internal error; the request id identifies it in the logs");
    }
}
