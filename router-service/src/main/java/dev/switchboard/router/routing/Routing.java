package dev.switchboard.router.routing;

import static java.util.Objects.requireNonNull;

import dev.switchboard.contracts.chat.ChatEvent;
import dev.switchboard.contracts.chat.ChatRequest;
import dev.switchboard.contracts.chat.ChatResponse;
import dev.switchboard.contracts.chat.ResolvedModel;
import dev.switchboard.contracts.embedding.EmbeddingRequest;
import dev.switchboard.contracts.embedding.EmbeddingResponse;
import dev.switchboard.router.policy.Caller;
import java.util.Map;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What the ingress handlers call: resolve and plan a model for the caller, run the plan, and say who served it in
 * the response headers ({@code x-switchboard-provider}, {@code -model}, {@code -route}, {@code -attempts}).
 */
public final class Routing {

    public static final String TASK_HEADER = "x-switchboard-task";

    private final LiveRoutingTable routes;
    private final Planner planner;
    private final FallbackChain chain;

    public Routing(LiveRoutingTable routes, Planner planner, FallbackChain chain) {
        this.routes = routes;
        this.planner = planner;
        this.chain = chain;
    }

    /** Resolves (404/403) and plans; nothing is sent upstream yet. */
    public Call route(ChatRequest request, Map<String, String> metadata, boolean stream, Caller caller,
                      @Nullable String task) {
        CallContext context = CallContext.of(caller.keyName(), task, metadata, request);
        return new Call(routes.plan(request.model(), caller, context, stream, planner), new Attempts(), context);
    }

    public Call routeEmbeddings(String model, Caller caller) {
        CallContext context = CallContext.simple(caller.keyName());
        return new Call(routes.plan(model, caller, context, false, planner), new Attempts(), context);
    }

    public Flux<ChatEvent> stream(ChatRequest request, Call call) {
        return chain.stream(request, call.plan(), call.attempts());
    }

    public Mono<ChatResponse> complete(ChatRequest request, Call call) {
        return chain.complete(request, call.plan(), call.attempts());
    }

    public Mono<EmbeddingResponse> embed(EmbeddingRequest request, Call call) {
        return chain.embed(request, call.plan(), call.attempts());
    }

    /** One routed call: its plan, the attempts made for it and what routing knew of the request. */
    public record Call(Plan plan, Attempts attempts, CallContext context) {
        public Call {
            requireNonNull(plan, "plan");
            requireNonNull(attempts, "attempts");
            requireNonNull(context, "context");
        }

        public Call(Plan plan, Attempts attempts) {
            this(plan, attempts, CallContext.simple(""));
        }

        /** The served-by headers, written when the response starts. */
        public void servedBy(BiConsumer<String, String> header, ResolvedModel model) {
            header.accept("x-switchboard-provider", model.provider());
            header.accept("x-switchboard-model", model.model());
            header.accept("x-switchboard-route", plan.route().name());
            header.accept("x-switchboard-attempts", Integer.toString(Math.max(1, attempts.started())));
        }
    }
}
