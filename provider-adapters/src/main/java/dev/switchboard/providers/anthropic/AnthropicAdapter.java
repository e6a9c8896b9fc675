package dev.switchboard.providers.anthropic;

import static java.util.Objects.requireNonNull;

import dev.switchboard.contracts.chat.ChatEvent;
import dev.switchboard.contracts.chat.ChatRequest;
import dev.switchboard.contracts.chat.ChatResponse;
import dev.switchboard.providers.Capabilities;
import dev.switchboard.providers.NonStreamingChat;
import dev.switchboard.providers.ProviderAdapter;
import dev.switchboard.providers.TokenCounting;
import dev.switchboard.providers.UpstreamTarget;
import dev.switchboard.providers.anthropic.AnthropicRequestMapper.Purpose;
import dev.switchboard.providers.http.UpstreamClient;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Wiring only: request JSON ({@link AnthropicRequestMapper}) → {@link UpstreamClient} → decoder, streamed
 * ({@link AnthropicStreamDecoder}) or whole ({@link AnthropicResponseDecoder}); plus {@code count_tokens}.
 * Settings are read by {@link AnthropicSettings}.
 */
public final class AnthropicAdapter implements ProviderAdapter, NonStreamingChat, TokenCounting {

    static final URI DEFAULT_BASE_URL = URI.create("https://api.anthropic.com");
    static final String API_VERSION = "2023-06-01";
    private static final Capabilities CAPABILITIES = Capabilities.ALL.withEmbeddings(false);

    private final UpstreamClient http;

    public AnthropicAdapter(UpstreamClient http) {
        this.http = requireNonNull(http, "http");
    }

    @Override
    public String kind() {
        return "anthropic";
    }

    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public Flux<ChatEvent> stream(ChatRequest request, UpstreamTarget target) {
        return Flux.defer(() -> {
            var settings = AnthropicSettings.of(target);
            var errors = new AnthropicErrorMapper(target.provider(), target.apiKey());
            byte[] body = AnthropicRequestMapper.toWire(request, target.model(), settings, Purpose.STREAM);
            var decoder = new AnthropicStreamDecoder(target.provider(), errors);
            return http.postSse(endpoint(target, "v1/messages"), headers(target, settings, request, "text/event-stream"), body,
                            target.timeout(), errors)
                    .concatMapIterable(decoder::onEvent)
                    .concatWith(Flux.defer(() -> Flux.fromIterable(decoder.onEnd())));
        });
    }

    @Override
    public Mono<ChatResponse> complete(ChatRequest request, UpstreamTarget target) {
        return Mono.defer(() -> {
            var settings = AnthropicSettings.of(target);
            var errors = new AnthropicErrorMapper(target.provider(), target.apiKey());
            byte[] body = AnthropicRequestMapper.toWire(request, target.model(), settings, Purpose.WHOLE);
            var decoder = new AnthropicResponseDecoder(target.provider(), errors);
            return http.postJson(endpoint(target, "v1/messages"), headers(target, settings, request, "application/json"), body,
                            target.timeout(), errors)
                    .defaultIfEmpty(new byte[0])
                    .map(decoder::decode);
        });
    }

    @Override
    public Mono<Long> countInputTokens(ChatRequest request, UpstreamTarget target) {
        return Mono.defer(() -> {
            var settings = AnthropicSettings.of(target);
            var errors = new AnthropicErrorMapper(target.provider(), target.apiKey());
            byte[] body = AnthropicRequestMapper.toWire(request, target.model(), settings, Purpose.COUNT);
            return http.postJson(endpoint(target, "v1/messages/count_tokens"),
                            headers(target, settings, request, "application/json"), body, target.timeout(), errors)
                    .defaultIfEmpty(new byte[0])
                    .map(bytes -> AnthropicTokenCount.decode(bytes, target.provider()));
        });
    }

    /** The configured betas, then the caller's, each once. */
    static String betas(AnthropicSettings settings, ChatRequest request) {
        var all = new LinkedHashSet<String>();
        for (String beta : settings.betas().split(",")) {
            if (!beta.isBlank()) {
                all.add(beta.trim());
            }
        }
        all.addAll(request.options().betas());
        return String.join(",", all);
    }

    private static URI endpoint(UpstreamTarget target, String path) {
        String base = (target.baseUrl() != null ? target.baseUrl() : DEFAULT_BASE_URL).toString();
        return URI.create((base.endsWith("/") ? base : base + "/") + path);
    }

    private static Map<String, String> headers(UpstreamTarget target, AnthropicSettings settings, ChatRequest request,
                                               String accept) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (target.apiKey() != null) {
            headers.put("x-api-key", target.apiKey());
        }
        headers.put("anthropic-version", API_VERSION);
        String betas = betas(settings, request);
        if (!betas.isEmpty()) {
            headers.put("anthropic-beta", betas);
        }
        headers.put("Content-Type", "application/json");
        headers.put("Accept", accept);
        return headers;
    }
}
