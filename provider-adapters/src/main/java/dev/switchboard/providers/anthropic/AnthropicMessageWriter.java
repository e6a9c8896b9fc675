package dev.switchboard.providers.anthropic;

import dev.switchboard.contracts.chat.ContentPart;
import dev.switchboard.contracts.chat.Message;
import dev.switchboard.contracts.chat.Role;
import dev.switchboard.contracts.error.GatewayException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Canonical messages → Anthropic {@code system} blocks and {@code messages} (provider-protocols §5.1, §5.2, §2.3).
 * System messages are hoisted in order. The rest become strictly alternating user/assistant turns: tool messages are
 * user turns, consecutive same-role messages merge, and messages left empty vanish. Within a turn, tool results (user)
 * and thinking blocks (assistant) go first, as Anthropic requires. A first assistant turn gets a placeholder user
 * turn before it. One instance per request.
 */
final class AnthropicMessageWriter {

    /** The user turn put before a conversation that starts with the assistant (Anthropic wants a user turn first). */
    static final String PLACEHOLDER_USER_TEXT = ".";
    static final String PROVIDER = "anthropic";

    private final ArrayNode system = AnthropicWire.JSON.createArrayNode();
    private final List<Turn> turns = new ArrayList<>();
    private @Nullable ObjectNode lastBlock;

    void add(Message message) {
        if (message.role() == Role.SYSTEM) {
            message.parts().forEach(this::system);
            return;
        }
        var turn = new Turn(message.role() == Role.ASSISTANT ? "assistant" : "user");
        message.parts().forEach(part -> part(part, turn));
        if (turn.isEmpty()) {
            return;
        }
        if (!turns.isEmpty() && turns.getLast().role.equals(turn.role)) {
            turns.getLast().absorb(turn);
        } else {
            turns.add(turn);
        }
    }

    /** Appends an instruction after every system block the caller sent. */
    void addSystemText(String text) {
        system.add(text(text));
    }

    ArrayNode system() {
        return system;
    }

    ArrayNode messages() {
        if (turns.isEmpty()) {
            throw GatewayException.invalid("messages",
                    "the request has no user or assistant content (expected at least one non-empty message)");
        }
        ArrayNode out = AnthropicWire.JSON.createArrayNode();
        if (turns.getFirst().role.equals("assistant")) {
            out.add(message("user", List.of(text(PLACEHOLDER_USER_TEXT))));
        }
        for (Turn turn : turns) {
            List<ObjectNode> blocks = new ArrayList<>(turn.leading);
            blocks.addAll(turn.rest);
            out.add(message(turn.role, blocks));
        }
        return out;
    }

    private void system(ContentPart part) {
        switch (part) {
            case ContentPart.Text(String text) when !text.isEmpty() -> system.add(remember(text(text)));
            case ContentPart.CacheBreakpoint(String ttl) -> cacheControl(ttl);
            default -> { } // Anthropic's system takes text only
        }
    }

    private void part(ContentPart part, Turn turn) {
        switch (part) {
            case ContentPart.Text(String text) -> {
                if (!text.isEmpty()) { // Anthropic rejects empty text blocks
                    turn.rest.add(remember(text(text)));
                }
            }
            case ContentPart.ImageRef image -> turn.rest.add(remember(AnthropicImages.block(image.url())));
            case ContentPart.ToolCall call -> turn.rest.add(remember(toolUse(call)));
            case ContentPart.ToolResult result -> turn.leading.add(remember(toolResult(result)));
            case ContentPart.Reasoning r -> {
                // only Anthropic can verify an Anthropic signature; anything else would be rejected
                if (PROVIDER.equals(r.provider()) && r.signature() != null) {
                    turn.leading.add(block("thinking").put("thinking", r.text()).put("signature", r.signature()));
                }
            }
            case ContentPart.RedactedReasoning r -> {
                if (PROVIDER.equals(r.provider())) {
                    turn.leading.add(block("redacted_thinking").put("data", r.data()));
                }
            }
            case ContentPart.CacheBreakpoint(String ttl) -> cacheControl(ttl);
        }
    }

    private static ObjectNode toolUse(ContentPart.ToolCall call) {
        ObjectNode block = block("tool_use").put("id", ToolUseIds.sanitise(call.id())).put("name", call.name());
        block.set("input", ToolInputs.parse(call));
        return block;
    }

    private static ObjectNode toolResult(ContentPart.ToolResult result) {
        ObjectNode block = block("tool_result").put("tool_use_id", ToolUseIds.sanitise(result.callId()));
        if (!result.content().isEmpty()) { // content is optional, and an empty text is what Anthropic rejects
            block.put("content", result.content());
        }
        if (result.isError()) {
            block.put("is_error", true);
        }
        return block;
    }

    /** Marks the block just written as the end of a cacheable prefix; a breakpoint with nothing before it is moot. */
    private void cacheControl(@Nullable String ttl) {
        if (lastBlock == null) {
            return;
        }
        ObjectNode control = lastBlock.putObject("cache_control").put("type", "ephemeral");
        if (ttl != null) {
            control.put("ttl", ttl);
        }
    }

    private ObjectNode remember(ObjectNode block) {
        lastBlock = block;
        return block;
    }

    private static ObjectNode text(String text) {
        return block("text").put("text", text);
    }

    static ObjectNode block(String type) {
        return AnthropicWire.JSON.createObjectNode().put("type", type);
    }

    private static ObjectNode message(String role, List<ObjectNode> blocks) {
        ObjectNode message = AnthropicWire.JSON.createObjectNode().put("role", role);
        message.putArray("content").addAll(blocks);
        return message;
    }

    /** One user or assistant turn being built; {@code leading} blocks must come before the others. */
    private static final class Turn {
        final String role;
        final List<ObjectNode> leading = new ArrayList<>();
        final List<ObjectNode> rest = new ArrayList<>();

        Turn(String role) {
            this.role = role;
        }

        boolean isEmpty() {
            return leading.isEmpty() && rest.isEmpty();
        }

        void absorb(Turn next) {
            leading.addAll(next.leading);
            rest.addAll(next.rest);
        }
    }
}
