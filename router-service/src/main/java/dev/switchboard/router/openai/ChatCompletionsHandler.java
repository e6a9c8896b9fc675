package dev.switchboard.router.openai;

import dev.switchboard.contracts.chat.ChatEvent;
import dev.switchboard.contracts.chat.ChatResponse;
import dev.switchboard.contracts.events.CompletionEvent;
import dev.switchboard.router.admission.Admission;
import dev.switchboard.router.events.Completion;
import dev.switchboard.router.events.Completions;
import dev.switchboard.router.policy.Caller;
import dev.switchboard.router.principal.PrincipalFilter;
import dev.switchboard.router.routing.Routing;
import dev.switchboard.router.web.EventStreams;
import java.time.Clock;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /v1/chat/completions}. The status and headers wait for the first event, so a failure before any
 * output (after fallback) is a plain HTTP error in OpenAI's envelope, streaming or not; a failure after it ends the
 * stream with an error event. A caller that disconnects cancels the upstream call. Each decoded request has one
 * {@link Completion} (its {@code metadata} are feature tags); the caller's budgets are reserved after routing and
 * before any upstream call ({@link Admission}). When the caller's team keeps bodies, the completion keeps the request
 * as received and the whole answer as sent (a stream's answer it assembles itself).
 */
public final class ChatCompletionsHandler {

    private final OpenAiRequestDecoder decoder;
    private final OpenAiResponseEncoder responseEncoder;
    private final JsonMapper json;
    private final Routing routing;
    private final Clock clock;
    private final Completions completions;
    private final Admission admission;

    public ChatCompletionsHandler(JsonMapper json, Routing routing, Clock clock, Completions completions,
                                  Admission admission) {
        this.json = json;
        this.decoder = new OpenAiRequestDecoder(json);
        this.responseEncoder = new OpenAiResponseEncoder(json);
        this.routing = routing;
        this.clock = clock;
        this.completions = completions;
        this.admission = admission;
    }

    public Mono<ServerResponse> handle(ServerRequest request) {
        return request.bodyToMono(byte[].class).defaultIfEmpty(new byte[0]).flatMap(body -> {
            OpenAiChatCall call = decoder.decode(body);
            Completion completion = completions.begin(request.exchange(),
                    new CompletionEvent.RequestInfo("openai", call.request().model(), call.stream()),
                    call.request().options().user(), call.metadata());
            completion.keepRequestBody(body);
            Caller caller = PrincipalFilter.caller(request.exchange());
            Routing.Call routed = routing.route(call.request(), call.metadata(), call.stream(), caller,
                    request.headers().firstHeader(Routing.TASK_HEADER));
            completion.routed(routed);
            return admission.chat(caller, routed, completion, () -> call.stream()
                    ? streamed(completion.track(routing.stream(call.request(), routed)), call, request, routed)
                    : whole(completion.whole(routing.complete(call.request(), routed)), routed, completion));
        });
    }

    private Mono<ServerResponse> whole(Mono<ChatResponse> answer, Routing.Call routed, Completion completion) {
        return answer.flatMap(response -> ServerResponse.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .headers(h -> routed.servedBy(h::set, response.model()))
                .bodyValue(completion.keepResponseBody(responseEncoder.encode(response,
                        clock.instant().getEpochSecond()))));
    }

    private Mono<ServerResponse> streamed(Flux<ChatEvent> events, OpenAiChatCall call, ServerRequest request,
                                          Routing.Call routed) {
        return EventStreams.respond(events, request, new OpenAiSseEncoder(json, call.includeUsage(), clock.instant().getEpochSecond()),
                (h, model) -> routed.servedBy(h::set, model));
    }

}
