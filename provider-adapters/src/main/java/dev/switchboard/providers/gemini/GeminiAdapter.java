package dev.switchboard.providers.gemini;

import static java.util.Objects.requireNonNull;

import dev.switchboard.contracts.chat.ChatEvent;
import dev.switchboard.contracts.chat.ChatRequest;
import dev.switchboard.contracts.chat.ChatResponse;
import dev.switchboard.contracts.embedding.EmbeddingRequest;
import dev.switchboard.contracts.embedding.EmbeddingResponse;
import dev.switchboard.providers.Capabilities;
import dev.switchboard.providers.EmbeddingAdapter;
import dev.switchboard.providers.NonStreamingChat;
import dev.switchboard.providers.ProviderAdapter;
import dev.switchboard.providers.TokenCounting;
import dev.switchboard.providers.UpstreamTarget;
import dev.switchboard.providers.http.UpstreamClient;
import java.net.URI;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Wiring only for Google's native Gemini API: request JSON ({@link GeminiRequestMapper}) → {@link UpstreamClient} →
 * {@link GeminiStreamDecoder} or {@link GeminiResponseDecoder}, with {@link GeminiErrorMapper} for failures. The key
 * goes in {@code x-goog-api-key}, never in the URL, where it would leak into logs.
 */
public final class GeminiAdapter implements ProviderAdapter, NonStreamingChat, TokenCounting, EmbeddingAdapter {

    static final URI DEFAULT_BASE_URL = URI.create("https://generativelanguage.googleapis.com/v1beta");

    private final UpstreamClient http;

    public GeminiAdapter(UpstreamClient http) {
        this.http = requireNonNull(http, "http");
    }

    @Override
    public String kind() {
        return "gemini";
    }

    @Override
    public Capabilities capabilities() {
        return Capabilities.ALL;
    }

    @Override
    public Flux<ChatEvent> stream(ChatRequest request, UpstreamTarget target) {
        return Flux.defer(() -> {
            var errors = errors(target);
            var decoder = new GeminiStreamDecoder(target.provider(), model(target), errors);
            return http.postSse(endpoint(target, ":streamGenerateContent?alt=sse"), headers(target, "text/event-stream"),
                            GeminiRequestMapper.toWire(request, model(target)), target.timeout(), errors)
                    .concatMapIterable(decoder::onEvent)
                    .concatWith(Flux.defer(() -> Flux.fromIterable(decoder.onEnd())));
        });
    }

    @Override
    public Mono<ChatResponse> complete(ChatRequest request, UpstreamTarget target) {
        return Mono.defer(() -> {
            var errors = errors(target);
            var decoder = new GeminiResponseDecoder(target.provider(), model(target), errors);
            return http.postJson(endpoint(target, ":generateContent"), headers(target, "application/json"),
                            GeminiRequestMapper.toWire(request, model(target)), target.timeout(), errors)
                    .defaultIfEmpty(new byte[0])
                    .map(decoder::decode);
        });
    }

    @Override
    public Mono<Long> countInputTokens(ChatRequest request, UpstreamTarget target) {
        return Mono.defer(() -> http.postJson(endpoint(target, ":countTokens"), headers(target, "application/json"),
                        GeminiRequestMapper.countTokens(request, model(target)), target.timeout(), errors(target))
                .defaultIfEmpty(new byte[0])
                .map(body -> GeminiCounts.totalTokens(body, target.provider())));
    }

    @Override
    public Mono<EmbeddingResponse> embed(EmbeddingRequest request, UpstreamTarget target) {
        return Mono.defer(() -> http.postJson(endpoint(target, ":batchEmbedContents"), headers(target, "application/json"),
                        GeminiEmbeddings.toWire(request, model(target)), target.timeout(), errors(target))
                .defaultIfEmpty(new byte[0])
                .map(body -> GeminiEmbeddings.fromWire(body, target.provider(), model(target))));
    }

    /** The bare model id: the API names models {@code models/<id>}, and callers sometimes copy that form. */
    private static String model(UpstreamTarget target) {
        return target.model().startsWith("models/") ? target.model().substring("models/".length()) : target.model();
    }

    private static URI endpoint(UpstreamTarget target, String method) {
        String base = (target.baseUrl() != null ? target.baseUrl() : DEFAULT_BASE_URL).toString();
        return URI.create((base.endsWith("/") ? base : base + "/") + "models/" + model(target) + method);
    }

    private static Map<String, String> headers(UpstreamTarget target, String accept) {
        return target.apiKey() == null
                ? Map.of("Content-Type", "application/json", "Accept", accept)
                : Map.of("x-goog-api-key", target.apiKey(), "Content-Type", "application/json", "Accept", accept);
    }

    private static GeminiErrorMapper errors(UpstreamTarget target) {
        return new GeminiErrorMapper(target.provider(), target.apiKey());
    }
}
