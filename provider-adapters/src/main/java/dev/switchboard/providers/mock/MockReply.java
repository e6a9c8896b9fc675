package dev.switchboard.providers.mock;

import dev.switchboard.contracts.chat.ChatRequest;
import dev.switchboard.contracts.chat.ContentPart;
import dev.switchboard.contracts.chat.FinishReason;
import dev.switchboard.contracts.chat.Message;
import dev.switchboard.contracts.chat.ResponseFormat;
import dev.switchboard.contracts.chat.Role;
import dev.switchboard.contracts.chat.ToolChoice;
import dev.switchboard.contracts.chat.ToolSpec;
import dev.switchboard.contracts.error.ErrorCategory;
import dev.switchboard.contracts.error.GatewayException;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/** What the mock answers to a request, decided up front and deterministically. */
record MockReply(String text, List<ContentPart.ToolCall> toolCalls, FinishReason finish) {

    private static final String[] LOREM = ("lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor "
            + "incididunt ut labore et dolore magna aliqua ut enim ad minim veniam quis nostrud exercitation ullamco "
            + "laboris nisi ut aliquip ex ea commodo consequat").split(" ");

    MockReply {
        toolCalls = List.copyOf(toolCalls);
    }

    static MockReply plan(ChatRequest request, String model, MockSettings settings) {
        Message last = request.messages().isEmpty() ? null : request.messages().getLast();
        String userText = lastUserText(request);
        if (last != null && last.role() == Role.TOOL) {
            return text(toolResults(request.messages()));
        }
        if (!request.tools().isEmpty() && !(request.options().toolChoice() instanceof ToolChoice.None)
                && last != null && last.role() == Role.USER) {
            return new MockReply("", calls(request, userText), FinishReason.TOOL_CALLS);
        }
        if (request.options().responseFormat() instanceof ResponseFormat.JsonSchema schema) {
            return text(MockArguments.fill(schema.schemaJson(), userText));
        }
        if (model.equals("lorem")) {
            return text(lorem(settings.words(), request.sampling().maxOutputTokens()));
        }
        return text(userText.isEmpty() ? "(empty)" : userText);
    }

    private static MockReply text(String text) {
        return new MockReply(text, List.of(), FinishReason.STOP);
    }

    private static List<ContentPart.ToolCall> calls(ChatRequest request, String userText) {
        List<ToolSpec> chosen = switch (request.options().toolChoice()) {
            case ToolChoice.Named(String name) -> List.of(request.tools().stream()
                    .filter(t -> t.name().equals(name)).findFirst()
                    .orElseThrow(() -> GatewayException.invalid("tool_choice", "tool_choice names '" + name
                            + "' but no such tool was offered")));
            default -> request.options().parallelToolCalls() ? request.tools() : List.of(request.tools().getFirst());
        };
        List<ContentPart.ToolCall> calls = new ArrayList<>(chosen.size());
        for (ToolSpec tool : chosen) {
            calls.add(new ContentPart.ToolCall("call_mock_" + (calls.size() + 1), tool.name(),
                    MockArguments.fill(tool.parametersJson(), userText)));
        }
        return calls;
    }

    private static String toolResults(List<Message> messages) {
        List<String> contents = new ArrayList<>();
        for (int i = messages.size() - 1; i >= 0 && messages.get(i).role() == Role.TOOL; i--) {
            List<String> here = new ArrayList<>();
            messages.get(i).parts().forEach(p -> {
                if (p instanceof ContentPart.ToolResult r) {
                    here.add(r.content());
                }
            });
            contents.addAll(0, here);
        }
        return "Tool results: " + String.join("; ", contents);
    }

    private static String lastUserText(ChatRequest request) {
        for (Message m : request.messages().reversed()) {
            if (m.role() == Role.USER) {
                return m.text();
            }
        }
        return "";
    }

    static String lorem(int words, @Nullable Integer maxOutputTokens) {
        int count = maxOutputTokens == null ? words : Math.min(words, maxOutputTokens);
        var joiner = new StringJoiner(" ");
        for (int i = 0; i < count; i++) {
            joiner.add(LOREM[i % LOREM.length]);
        }
        return joiner.toString();
    }
}
