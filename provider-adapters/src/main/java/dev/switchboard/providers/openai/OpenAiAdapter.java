package dev.switchboard.providers.openai;

import static java.util.Objects.requireNonNull;

import dev.switchboard.contracts.chat.ChatEvent;
import dev.switchboard.contracts.chat.ChatRequest;
import dev.switchboard.contracts.chat.ChatResponse;
import dev.switchboard.contracts.embedding.EmbeddingRequest;
import dev.switchboard.contracts.embedding.EmbeddingResponse;
import dev.switchboard.contracts.error.ErrorCategory;
import dev.switchboard.contracts.error.GatewayException;
import dev.switchboard.providers.Capabilities;
import dev.switchboard.providers.EmbeddingAdapter;
import dev.switchboard.providers.NonStreamingChat;
import dev.switchboard.providers.ProviderAdapter;
import dev.switchboard.providers.UpstreamTarget;
import dev.switchboard.providers.http.UpstreamClient;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Wiring only: dialect → request JSON → {@link UpstreamClient} → decoder, streamed ({@link OpenAiStreamDecoder}) or
 * whole ({@link OpenAiResponseDecoder}). One instance per dialect preset.
 */
public final class OpenAiAdapter implements ProviderAdapter, NonStreamingChat, EmbeddingAdapter {

    private final UpstreamClient http;
    private final OpenAiDialect dialect;

    public OpenAiAdapter(UpstreamClient http, OpenAiDialect dialect) {
        this.http = requireNonNull(http, "http");
        this.dialect = requireNonNull(dialect, "dialect");
    }

    @Override
    public String kind() {
        return dialect.kind();
    }

    @Override
    public Capabilities capabilities() {
        return dialect.capabilities();
    }

    @Override
    public Flux<ChatEvent> stream(ChatRequest request, UpstreamTarget target) {
        return Flux.defer(() -> {
            var call = new Call(target);
            byte[] body = OpenAiRequestMapper.toWire(request, target.model(), call.dialect, call.ids, true);
            var decoder = new OpenAiStreamDecoder(target.provider(), target.model(), call.ids, call.errors);
            return http.postSse(endpoint(target, "chat/completions"), headers(target, "text/event-stream"), body,
                            target.timeout(), call.errors)
                    .concatMapIterable(decoder::onEvent)
                    .concatWith(Flux.defer(() -> Flux.fromIterable(decoder.onEnd())));
        });
    }

    @Override
    public Mono<ChatResponse> complete(ChatRequest request, UpstreamTarget target) {
        return Mono.defer(() -> {
            var call = new Call(target);
            byte[] body = OpenAiRequestMapper.toWire(request, target.model(), call.dialect, call.ids, false);
            var decoder = new OpenAiResponseDecoder(target.provider(), target.model(), call.ids, call.errors);
            return http.postJson(endpoint(target, "chat/completions"), headers(target, "application/json"), body,
                            target.timeout(), call.errors)
                    .defaultIfEmpty(new byte[0])
                    .map(decoder::decode);
        });
    }

    @Override
    public Mono<EmbeddingResponse> embed(EmbeddingRequest request, UpstreamTarget target) {
        return Mono.defer(() -> {
            var call = new Call(target);
            return http.postJson(endpoint(target, "embeddings"), headers(target, "application/json"),
                            OpenAiEmbeddings.toWire(request, target.model()), target.timeout(), call.errors)
                    .map(bytes -> OpenAiEmbeddings.fromWire(bytes, target.provider(), target.model()));
        });
    }

    private URI endpoint(UpstreamTarget target, String path) {
        URI base = target.baseUrl() != null ? target.baseUrl() : dialect.defaultBaseUrl();
        if (base == null) {
            throw new GatewayException(ErrorCategory.INTERNAL, "provider '" + target.provider() + "' of kind '"
                    + dialect.kind() + "' has no base-url (expected base-url in its switchboard.yaml entry)");
        }
        String text = base.toString();
        return URI.create((text.endsWith("/") ? text : text + "/") + path);
    }

    private static Map<String, String> headers(UpstreamTarget target, String accept) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (target.apiKey() != null) {
            headers.put("Authorization", "Bearer " + target.apiKey());
        }
        headers.put("Content-Type", "application/json");
        headers.put("Accept", accept);
        return headers;
    }

    /** Per-request state: the preset with the target's overrides, its tool ids and its error mapper. */
    private final class Call {
        final OpenAiDialect dialect;
        final ToolIds ids;
        final OpenAiErrorMapper errors;

        Call(UpstreamTarget target) {
            dialect = DialectSettings.apply(OpenAiAdapter.this.dialect, target.settings(), target.provider());
            ids = new ToolIds(dialect.toolIds());
            errors = new OpenAiErrorMapper(target.provider(), dialect, target.apiKey());
        }
    }
}
