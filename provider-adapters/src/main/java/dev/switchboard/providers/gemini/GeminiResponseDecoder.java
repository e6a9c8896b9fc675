package dev.switchboard.providers.gemini;

import dev.switchboard.contracts.chat.ChatEvent;
import dev.switchboard.contracts.chat.ChatEvents;
import dev.switchboard.contracts.chat.ChatResponse;
import dev.switchboard.contracts.error.ErrorCategory;
import dev.switchboard.contracts.error.GatewayException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;

/**
 * Decodes one whole {@code generateContent} answer as the collected stream of its events ({@link GeminiEventDecoder}),
 * so a streamed and a whole answer cannot disagree: signatures sit right before the part they were on, thought text
 * is reasoning. No I/O.
 */
final class GeminiResponseDecoder {

    private final String provider;
    private final String targetModel;
    private final GeminiErrorMapper errors;

    GeminiResponseDecoder(String provider, String targetModel, GeminiErrorMapper errors) {
        this.provider = provider;
        this.targetModel = targetModel;
        this.errors = errors;
    }

    ChatResponse decode(byte[] body) {
        GeminiWire.Response response = parse(body);
        var decoder = new GeminiEventDecoder(provider, targetModel, errors);
        List<ChatEvent> events = new ArrayList<>(decoder.onResponse(response));
        events.addAll(decoder.end());
        return ChatEvents.collect(events);
    }

    private GeminiWire.Response parse(byte[] body) {
        try {
            GeminiWire.Response response = body.length == 0 ? null
                    : GeminiWire.JSON.readValue(body, GeminiWire.Response.class);
            if (response == null) {
                throw malformed("empty body");
            }
            return response;
        } catch (JacksonException e) {
            throw malformed(e.getOriginalMessage());
        }
    }

    private GatewayException malformed(String detail) {
        return new GatewayException(ErrorCategory.UPSTREAM_UNAVAILABLE,
                provider + ": malformed generateContent response (" + detail + ")",
                GatewayException.Origin.upstream(provider, 200, null));
    }
}
