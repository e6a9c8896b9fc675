package dev.switchboard.router.anthropic;

import dev.switchboard.contracts.chat.ChatRequest;
import dev.switchboard.contracts.chat.ContentPart;
import dev.switchboard.contracts.chat.Message;
import dev.switchboard.contracts.chat.ToolSpec;

/**
 * An approximate input token count for upstreams without a counting endpoint: about four characters per token over
 * the text, tool calls, results and tool definitions, plus a few tokens per message and ~85 per image.
 */
final class TokenEstimate {

    private static final int PER_MESSAGE = 4;
    private static final int PER_IMAGE = 85;

    private TokenEstimate() {
    }

    static long inputTokens(ChatRequest request) {
        long chars = 0;
        long fixed = 0;
        for (Message message : request.messages()) {
            fixed += PER_MESSAGE;
            for (ContentPart part : message.parts()) {
                switch (part) {
                    case ContentPart.Text t -> chars += t.text().length();
                    case ContentPart.ToolCall c -> chars += c.name().length() + c.argumentsJson().length();
                    case ContentPart.ToolResult r -> chars += r.content().length();
                    case ContentPart.Reasoning r -> chars += r.text().length();
                    case ContentPart.ImageRef i -> fixed += PER_IMAGE;
                    case ContentPart.RedactedReasoning r -> { }
                    case ContentPart.CacheBreakpoint b -> { }
                }
            }
        }
        for (ToolSpec tool : request.tools()) {
            chars += tool.name().length() + (tool.description() == null ? 0 : tool.description().length())
                    + (tool.parametersJson() == null ? 0 : tool.parametersJson().length());
        }
        return fixed + (chars + 3) / 4;
    }
}
