package dev.switchboard.providers.gemini;

import dev.switchboard.contracts.chat.ChatEvent;
import dev.switchboard.contracts.error.ErrorCategory;
import dev.switchboard.contracts.error.GatewayException;
import dev.switchboard.providers.sse.SseEvent;
import java.util.List;
import tools.jackson.core.JacksonException;

/**
 * Decodes one {@code streamGenerateContent?alt=sse} stream (provider-protocols §3.5): every {@code data:} is a
 * GenerateContentResponse, there is no {@code [DONE]}, and the stream ends at EOF. An EOF before any finish reason
 * (or blocked prompt) means the stream was cut and fails as UPSTREAM_UNAVAILABLE. Per-stream state, no I/O.
 */
final class GeminiStreamDecoder {

    private final String provider;
    private final GeminiEventDecoder events;

    GeminiStreamDecoder(String provider, String targetModel, GeminiErrorMapper errors) {
        this.provider = provider;
        this.events = new GeminiEventDecoder(provider, targetModel, errors);
    }

    List<ChatEvent> onEvent(SseEvent event) {
        if (event.data().isBlank()) {
            return List.of();
        }
        try {
            return events.onResponse(GeminiWire.JSON.readValue(event.data(), GeminiWire.Response.class));
        } catch (JacksonException e) {
            throw unavailable("malformed stream chunk (" + e.getOriginalMessage() + ")");
        }
    }

    List<ChatEvent> onEnd() {
        if (!events.started()) {
            throw unavailable("stream ended without any chunk");
        }
        if (!events.finished()) {
            throw unavailable("stream ended before the upstream finished (no finishReason)");
        }
        return events.end();
    }

    private GatewayException unavailable(String detail) {
        return new GatewayException(ErrorCategory.UPSTREAM_UNAVAILABLE, provider + ": " + detail,
                GatewayException.Origin.upstream(provider, 200, null));
    }
}
