package dev.switchboard.router.routing;

import static java.util.Objects.requireNonNull;

import dev.switchboard.contracts.chat.ChatRequest;
import dev.switchboard.contracts.chat.ContentPart;
import dev.switchboard.contracts.chat.Message;
import dev.switchboard.contracts.chat.ResponseFormat;
import dev.switchboard.contracts.chat.ToolSpec;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What routing may look at besides the request: who asks ({@code keyName}), the {@code x-switchboard-task} header,
 * the caller's request metadata, and facts derived once from the request (estimated input tokens, tools, images,
 * structured output, requested output tokens).
 */
public record CallContext(String keyName, @Nullable String task, Map<String, String> metadata,
                          long estimatedInputTokens, Needs needs) {

    public CallContext {
        requireNonNull(keyName, "keyName");
        metadata = Map.copyOf(metadata);
        requireNonNull(needs, "needs");
    }

    /** What a deployment must support to serve the request. */
    public record Needs(boolean tools, boolean images, boolean jsonSchema, long outputTokens) {}

    public static CallContext of(String keyName, @Nullable String task, Map<String, String> metadata,
                                 ChatRequest request) {
        long chars = 0;
        boolean images = false;
        for (Message message : request.messages()) {
            for (ContentPart part : message.parts()) {
                switch (part) {
                    case ContentPart.Text t -> chars += t.text().length();
                    case ContentPart.ToolCall c -> chars += c.argumentsJson().length() + c.name().length();
                    case ContentPart.ToolResult r -> chars += r.content().length();
                    case ContentPart.Reasoning r -> chars += r.text().length();
                    case ContentPart.ImageRef i -> images = true;
                    case ContentPart.RedactedReasoning r -> chars += r.data().length() / 4;
                    case ContentPart.CacheBreakpoint b -> { }
                }
            }
        }
        for (ToolSpec tool : request.tools()) {
            chars += tool.name().length() + (tool.parametersJson() == null ? 0 : tool.parametersJson().length());
        }
        Integer max = request.sampling().maxOutputTokens();
        var needs = new Needs(!request.tools().isEmpty(), images,
                request.options().responseFormat() instanceof ResponseFormat.JsonSchema, max == null ? 0 : max);
        return new CallContext(keyName, task, metadata, (chars + 3) / 4 + 4L * request.messages().size(), needs);
    }

    /** For calls without a chat request (embeddings). */
    public static CallContext simple(String keyName) {
        return new CallContext(keyName, null, Map.of(), 0, new Needs(false, false, false, 0));
    }
}
