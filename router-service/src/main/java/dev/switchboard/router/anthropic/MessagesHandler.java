package dev.switchboard.router.anthropic;

import dev.switchboard.contracts.chat.ChatEvent;
import dev.switchboard.contracts.chat.ChatRequest;
import dev.switchboard.contracts.chat.ChatResponse;
import dev.switchboard.contracts.chat.ResolvedModel;
import dev.switchboard.contracts.events.CompletionEvent;
import dev.switchboard.providers.TokenCounting;
import dev.switchboard.router.admission.Admission;
import dev.switchboard.router.events.Completion;
import dev.switchboard.router.events.Completions;
import dev.switchboard.router.policy.Caller;
import dev.switchboard.router.principal.PrincipalFilter;
import dev.switchboard.router.routing.Deployment;
import dev.switchboard.router.routing.Routing;
import dev.switchboard.router.web.EventStreams;
import dev.switchboard.router.web.RequestIds;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /v1/messages} and {@code /v1/messages/count_tokens}, for Anthropic's SDKs and Claude Code-style
 * clients, served by whichever provider the model's route names. As on the OpenAI route, status and headers wait for
 * the first event: a failure before any output is a plain HTTP error in Anthropic's envelope, a later one an
 * {@code error} event. A caller that disconnects cancels the upstream call. Each decoded {@code messages} request has
 * one {@link Completion} and is held to the caller's budgets ({@link Admission}); {@code count_tokens} has none.
 * Bodies are kept for the request log as on the OpenAI route, when the caller's team asks for them.
 */
public final class MessagesHandler {

    private static final String BETA_HEADER = "anthropic-beta";

    private final JsonMapper json;
    private final AnthropicRequestDecoder decoder;
    private final AnthropicResponseEncoder responseEncoder;
    private final Routing routing;
    private final Completions completions;
    private final Admission admission;

    public MessagesHandler(JsonMapper json, Routing routing, Completions completions, Admission admission) {
        this.json = json;
        this.decoder = new AnthropicRequestDecoder(json);
        this.responseEncoder = new AnthropicResponseEncoder(json);
        this.routing = routing;
        this.completions = completions;
        this.admission = admission;
    }

    public Mono<ServerResponse> messages(ServerRequest request) {
        return request.bodyToMono(byte[].class).defaultIfEmpty(new byte[0]).flatMap(body -> {
            AnthropicCall call = decoder.decode(body);
            ChatRequest chat = AnthropicBetas.apply(call.request(), request.headers().firstHeader(BETA_HEADER));
            Completion completion = completions.begin(request.exchange(),
                    new CompletionEvent.RequestInfo("anthropic", chat.model(), call.stream()), chat.options().user(),
                    Map.of());
            completion.keepRequestBody(body);
            Caller caller = PrincipalFilter.caller(request.exchange());
            Routing.Call routed = routing.route(chat, Map.of(), call.stream(), caller,
                    request.headers().firstHeader(Routing.TASK_HEADER));
            completion.routed(routed);
            String requestId = RequestIds.of(request.exchange());
            return admission.chat(caller, routed, completion, () -> call.stream()
                    ? streamed(completion.track(routing.stream(chat, routed)), request, requestId, routed)
                    : whole(completion.whole(routing.complete(chat, routed)), requestId, routed, completion));
        });
    }

    public Mono<ServerResponse> countTokens(ServerRequest request) {
        return request.bodyToMono(byte[].class).defaultIfEmpty(new byte[0]).flatMap(body -> {
            ChatRequest chat = AnthropicBetas.apply(decoder.decodeCount(body), request.headers().firstHeader(BETA_HEADER));
            Routing.Call routed = routing.route(chat, Map.of(), false, PrincipalFilter.caller(request.exchange()),
                    null);
            Deployment first = routed.plan().order().getFirst();
            Mono<Long> count = first.adapter() instanceof TokenCounting counting
                    ? counting.countInputTokens(chat.withModel(first.target().model()), first.target())
                    : Mono.fromSupplier(() -> TokenEstimate.inputTokens(chat));
            return count.flatMap(tokens -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(json.createObjectNode().put("input_tokens", tokens).toString()));
        });
    }

    private Mono<ServerResponse> whole(Mono<ChatResponse> answer, String requestId, Routing.Call routed,
                                       Completion completion) {
        return answer.flatMap(response -> ServerResponse.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .headers(h -> servedBy(h, routed, response.model(), requestId))
                .bodyValue(completion.keepResponseBody(responseEncoder.encode(response))));
    }

    private Mono<ServerResponse> streamed(Flux<ChatEvent> events, ServerRequest request, String requestId,
                                          Routing.Call routed) {
        return EventStreams.respond(events, request, new AnthropicSseEncoder(json),
                (h, model) -> servedBy(h, routed, model, requestId));
    }


    private static void servedBy(HttpHeaders headers, Routing.Call routed, ResolvedModel model, String requestId) {
        routed.servedBy(headers::set, model);
        headers.set("request-id", requestId);
    }
}
