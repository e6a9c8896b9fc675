package dev.switchboard.router.anthropic;

import dev.switchboard.contracts.chat.ChatEvent;
import dev.switchboard.contracts.chat.ChatRequest;
import dev.switchboard.contracts.chat.ChatResponse;
import dev.switchboard.contracts.chat.ResolvedModel;
import dev.switchboard.contracts.error.ErrorCategory;
import dev.switchboard.contracts.error.GatewayException;
import dev.switchboard.providers.TokenCounting;
import dev.switchboard.router.principal.PrincipalFilter;
import dev.switchboard.router.routing.Deployment;
import dev.switchboard.router.routing.FallbackChain;
import dev.switchboard.router.routing.LiveRoutingTable;
import dev.switchboard.router.web.RequestIds;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /v1/messages} and {@code /v1/messages/count_tokens}, for Anthropic's SDKs and Claude Code-style
 * clients, served by whichever provider the model's route names. As on the OpenAI route, status and headers wait for
 * the first event: a failure before any output is a plain HTTP error in Anthropic's envelope, a later one an
 * {@code error} event. A caller that disconnects cancels the upstream call.
 */
public final class MessagesHandler {

    private static final String PROVIDER_HEADER = "x-switchboard-provider";
    private static final String MODEL_HEADER = "x-switchboard-model";
    private static final String BETA_HEADER = "anthropic-beta";

    private final JsonMapper json;
    private final AnthropicRequestDecoder decoder;
    private final AnthropicResponseEncoder responseEncoder;
    private final LiveRoutingTable routes;
    private final FallbackChain fallback;

    public MessagesHandler(JsonMapper json, LiveRoutingTable routes, FallbackChain fallback) {
        this.json = json;
        this.decoder = new AnthropicRequestDecoder(json);
        this.responseEncoder = new AnthropicResponseEncoder(json);
        this.routes = routes;
        this.fallback = fallback;
    }

    public Mono<ServerResponse> messages(ServerRequest request) {
        return request.bodyToMono(byte[].class).defaultIfEmpty(new byte[0]).flatMap(body -> {
            AnthropicCall call = decoder.decode(body);
            ChatRequest chat = AnthropicBetas.apply(call.request(), request.headers().firstHeader(BETA_HEADER));
            var route = routes.resolve(chat.model(), PrincipalFilter.principal(request.exchange()));
            String requestId = RequestIds.of(request.exchange());
            return call.stream() ? streamed(fallback.stream(chat, route), request, requestId)
                    : whole(fallback.complete(chat, route), requestId);
        });
    }

    public Mono<ServerResponse> countTokens(ServerRequest request) {
        return request.bodyToMono(byte[].class).defaultIfEmpty(new byte[0]).flatMap(body -> {
            ChatRequest chat = AnthropicBetas.apply(decoder.decodeCount(body), request.headers().firstHeader(BETA_HEADER));
            var route = routes.resolve(chat.model(), PrincipalFilter.principal(request.exchange()));
            Deployment first = route.deployments().getFirst();
            Mono<Long> count = first.adapter() instanceof TokenCounting counting
                    ? counting.countInputTokens(chat.withModel(first.target().model()), first.target())
                    : Mono.fromSupplier(() -> TokenEstimate.inputTokens(chat));
            return count.flatMap(tokens -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(json.createObjectNode().put("input_tokens", tokens).toString()));
        });
    }

    private Mono<ServerResponse> whole(Mono<ChatResponse> completion, String requestId) {
        return completion.flatMap(response -> ServerResponse.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .headers(h -> servedBy(h, response.model(), requestId))
                .bodyValue(responseEncoder.encode(response)));
    }

    private Mono<ServerResponse> streamed(Flux<ChatEvent> events, ServerRequest request, String requestId) {
        DataBufferFactory buffers = request.exchange().getResponse().bufferFactory();
        var encoder = new AnthropicSseEncoder(json);
        return events.switchOnFirst((first, all) -> {
            if (!first.hasValue()) {
                return first.hasError() ? Flux.error(first.getThrowable()) : Flux.error(noOutput());
            }
            if (!(first.get() instanceof ChatEvent.Started started)) {
                return Flux.error(new IllegalStateException("stream did not begin with Started: " + first.get()));
            }
            Flux<DataBuffer> body = all.<DataBuffer>handle((event, sink) -> {
                byte[] bytes = encoder.encode(event);
                if (bytes.length > 0) {
                    sink.next(buffers.wrap(bytes));
                }
            }).onErrorResume(GatewayException.class, e -> Mono.just(buffers.wrap(encoder.error(e))));
            return ServerResponse.ok()
                    .contentType(MediaType.TEXT_EVENT_STREAM)
                    .header("cache-control", "no-cache")
                    .headers(h -> servedBy(h, started.model(), requestId))
                    .body(BodyInserters.fromDataBuffers(body));
        }, false).single();
    }

    private static GatewayException noOutput() {
        return new GatewayException(ErrorCategory.UPSTREAM_UNAVAILABLE, "the upstream ended without a response");
    }

    private static void servedBy(HttpHeaders headers, ResolvedModel model, String requestId) {
        headers.set(PROVIDER_HEADER, model.provider());
        headers.set(MODEL_HEADER, model.model());
        headers.set("request-id", requestId);
    }
}
