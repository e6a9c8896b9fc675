package dev.switchboard.router.matrix;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** What a caller asks, independent of the protocol it speaks; {@link IngressWire} writes it in each. */
record Spec(@Nullable String system, List<Turn> turns, boolean tools, boolean jsonSchema, boolean thinking) {

    static final String IMAGE_B64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

    static Spec ask(String text) {
        return new Spec(null, List.of(new Turn.User(text, false)), false, false, false);
    }

    Spec withSystem(String text) {
        return new Spec(text, turns, tools, jsonSchema, thinking);
    }

    Spec withTurns(Turn... all) {
        return new Spec(system, List.of(all), tools, jsonSchema, thinking);
    }

    Spec withTools() {
        return new Spec(system, turns, true, jsonSchema, thinking);
    }

    Spec withJsonSchema() {
        return new Spec(system, turns, tools, true, thinking);
    }

    Spec withThinking() {
        return new Spec(system, turns, tools, jsonSchema, true);
    }

    /** One turn of the conversation. */
    sealed interface Turn {
        record User(String text, boolean image) implements Turn {}
        record Assistant(String text) implements Turn {}
        record AssistantCall(String id, String name, String argumentsJson) implements Turn {}
        record ToolResult(String callId, String content) implements Turn {}
    }
}
