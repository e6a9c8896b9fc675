package dev.switchboard.router.anthropic;

import dev.switchboard.contracts.chat.ChatRequest;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The caller's {@code anthropic-beta} values that are safe to forward: ones that change how the same request is
 * served (tool streaming, interleaved thinking, longer context or output, cache TTLs, context management). Betas for
 * features Switchboard does not translate (files, MCP, code execution, computer use) or for another kind of
 * credential (Claude Code's {@code oauth-*}) are dropped.
 */
final class AnthropicBetas {

    private static final List<String> SAFE_PREFIXES = List.of("fine-grained-tool-streaming-", "interleaved-thinking-",
            "context-1m-", "token-efficient-tools-", "output-128k-", "extended-cache-ttl-", "prompt-caching-",
            "context-management-", "effort-", "structured-outputs-");

    private AnthropicBetas() {
    }

    static ChatRequest apply(ChatRequest request, @Nullable String header) {
        List<String> safe = safe(header);
        if (safe.isEmpty()) {
            return request;
        }
        var o = request.options();
        return new ChatRequest(request.model(), request.messages(), request.tools(), request.sampling(),
                new ChatRequest.Options(o.toolChoice(), o.parallelToolCalls(), o.responseFormat(), o.thinking(), o.user(),
                        safe));
    }

    static List<String> safe(@Nullable String header) {
        if (header == null || header.isBlank()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String beta : header.split(",")) {
            String name = beta.trim();
            if (SAFE_PREFIXES.stream().anyMatch(name::startsWith) && !out.contains(name)) {
                out.add(name);
            }
        }
        return out;
    }
}
