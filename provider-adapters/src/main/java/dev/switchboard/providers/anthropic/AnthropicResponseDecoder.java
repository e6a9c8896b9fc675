package dev.switchboard.providers.anthropic;

import dev.switchboard.contracts.chat.ChatResponse;
import dev.switchboard.contracts.chat.ContentPart;
import dev.switchboard.contracts.chat.ResolvedModel;
import dev.switchboard.contracts.error.ErrorCategory;
import dev.switchboard.contracts.error.GatewayException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;

/**
 * Decodes one whole Anthropic {@code message} (provider-protocols §2.5, §5.6) into a {@link ChatResponse} whose
 * content keeps the blocks' order, agreeing with {@link AnthropicStreamDecoder} collected: empty text blocks are left
 * out and adjacent ones joined, tool input is its compact JSON text, and a signature carries the provenance. No I/O.
 */
final class AnthropicResponseDecoder {

    private static final ObjectReader MESSAGE = AnthropicWire.JSON.readerFor(AnthropicWire.Message.class);

    private final String provider;
    private final AnthropicErrorMapper errors;

    AnthropicResponseDecoder(String provider, AnthropicErrorMapper errors) {
        this.provider = provider;
        this.errors = errors;
    }

    ChatResponse decode(byte[] body) {
        AnthropicWire.Message message = parse(body);
        if ("error".equals(message.type())) {
            throw errors.inBand(message.error());
        }
        if (message.id() == null || message.model() == null) {
            throw malformed("message without id or model");
        }
        var outcome = new ChatResponse.Outcome(AnthropicOutcome.finishReason(message.stopReason()),
                message.usage() == null ? null : AnthropicUsage.normalise(message.usage()),
                AnthropicOutcome.stopSequence(message.stopReason(), message.stopSequence()));
        return new ChatResponse(message.id(), new ResolvedModel(provider, message.model()), content(message.content()),
                outcome);
    }

    private static List<ContentPart> content(@Nullable List<AnthropicWire.Block> blocks) {
        List<ContentPart> parts = new ArrayList<>();
        for (AnthropicWire.Block block : blocks == null ? List.<AnthropicWire.Block>of() : blocks) {
            ContentPart part = part(block);
            if (part == null) {
                continue;
            }
            if (part instanceof ContentPart.Text(String text) && !parts.isEmpty()
                    && parts.getLast() instanceof ContentPart.Text(String before)) {
                parts.set(parts.size() - 1, new ContentPart.Text(before + text));
            } else {
                parts.add(part);
            }
        }
        return parts;
    }

    private static @Nullable ContentPart part(AnthropicWire.Block block) {
        String provenance = AnthropicMessageWriter.PROVIDER;
        return switch (block.type() == null ? "" : block.type()) {
            case "text" -> block.text() == null || block.text().isEmpty() ? null : new ContentPart.Text(block.text());
            case "thinking" -> new ContentPart.Reasoning(orEmpty(block.thinking()), block.signature(),
                    block.signature() == null ? null : provenance);
            case "redacted_thinking" -> new ContentPart.RedactedReasoning(orEmpty(block.data()), provenance);
            case "tool_use" -> new ContentPart.ToolCall(orEmpty(block.id()), orEmpty(block.name()), input(block.input()));
            default -> null; // server tool blocks and later additions
        };
    }

    private static String input(@Nullable JsonNode input) {
        return input == null || input.isNull() || input.isMissingNode() ? "{}" : input.toString();
    }

    private static String orEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }

    private AnthropicWire.Message parse(byte[] body) {
        try {
            AnthropicWire.Message message = MESSAGE.readValue(body);
            if (message == null) {
                throw malformed("empty body");
            }
            return message;
        } catch (JacksonException e) {
            throw malformed(e.getOriginalMessage());
        }
    }

    private GatewayException malformed(String detail) {
        return new GatewayException(ErrorCategory.UPSTREAM_UNAVAILABLE, provider + ": malformed message (" + detail
                + ", upstream 200)", GatewayException.Origin.upstream(provider, 200, null));
    }
}
