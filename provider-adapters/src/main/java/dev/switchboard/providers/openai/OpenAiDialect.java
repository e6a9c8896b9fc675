package dev.switchboard.providers.openai;

import static java.util.Objects.requireNonNull;

import dev.switchboard.providers.Capabilities;
import java.net.URI;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * How one OpenAI-compatible upstream deviates from OpenAI, as data (provider-protocols §4). A preset per kind
 * lives in {@link OpenAiPresets}; {@code kind: openai-compatible} targets override fields with kebab-case
 * settings (see {@link DialectSettings}).
 *
 * @param defaultBaseUrl used when the target names none; {@code null} means the target must name one
 * @param maxTokensField {@code max_completion_tokens} or {@code max_tokens}
 * @param streamUsage whether to send {@code stream_options.include_usage:true}
 * @param systemRole the wire role for system instructions ({@code system} or {@code developer})
 * @param toolIds which tool-call ids the upstream accepts
 * @param droppedFields request fields never sent: {@code presence_penalty}, {@code frequency_penalty},
 *        {@code parallel_tool_calls}, {@code seed}, {@code stop}, {@code messages[].name}
 * @param seedField {@code seed} or Mistral's {@code random_seed}
 * @param requiredToolChoice the wire value for "must call a tool" ({@code required}, Mistral {@code any})
 * @param assistantAfterTool insert a short assistant turn between a tool result and a user message (Mistral)
 * @param badKeyAs400 a 400 whose message mentions the API key is an auth failure (xAI, Gemini)
 */
public record OpenAiDialect(String kind, @Nullable URI defaultBaseUrl, Capabilities capabilities,
                            String maxTokensField, boolean streamUsage, String systemRole, ToolIdRule toolIds,
                            Set<String> droppedFields, String seedField, String requiredToolChoice,
                            boolean assistantAfterTool, boolean badKeyAs400) {

    public OpenAiDialect {
        requireNonNull(kind, "kind");
        requireNonNull(capabilities, "capabilities");
        requireNonNull(maxTokensField, "maxTokensField");
        requireNonNull(systemRole, "systemRole");
        requireNonNull(toolIds, "toolIds");
        droppedFields = Set.copyOf(droppedFields);
        requireNonNull(seedField, "seedField");
        requireNonNull(requiredToolChoice, "requiredToolChoice");
    }

    /** Which tool-call ids an upstream accepts. */
    public enum ToolIdRule {
        /** Any string: ids pass through. */
        ANY,
        /** Exactly nine ASCII letters or digits (Mistral): other ids are rewritten and mapped back. */
        ALNUM_9
    }

    /** OpenAI itself: the baseline every preset starts from. */
    public static OpenAiDialect openAi(String kind, @Nullable URI defaultBaseUrl) {
        return new OpenAiDialect(kind, defaultBaseUrl, Capabilities.ALL, "max_completion_tokens", true, "system",
                ToolIdRule.ANY, Set.of(), "seed", "required", false, false);
    }

    boolean drops(String field) {
        return droppedFields.contains(field);
    }

    OpenAiDialect withCapabilities(Capabilities value) {
        return new OpenAiDialect(kind, defaultBaseUrl, value, maxTokensField, streamUsage, systemRole, toolIds,
                droppedFields, seedField, requiredToolChoice, assistantAfterTool, badKeyAs400);
    }

    OpenAiDialect withMaxTokensField(String value) {
        return new OpenAiDialect(kind, defaultBaseUrl, capabilities, value, streamUsage, systemRole, toolIds,
                droppedFields, seedField, requiredToolChoice, assistantAfterTool, badKeyAs400);
    }

    OpenAiDialect withStreamUsage(boolean value) {
        return new OpenAiDialect(kind, defaultBaseUrl, capabilities, maxTokensField, value, systemRole, toolIds,
                droppedFields, seedField, requiredToolChoice, assistantAfterTool, badKeyAs400);
    }

    OpenAiDialect withSystemRole(String value) {
        return new OpenAiDialect(kind, defaultBaseUrl, capabilities, maxTokensField, streamUsage, value, toolIds,
                droppedFields, seedField, requiredToolChoice, assistantAfterTool, badKeyAs400);
    }

    OpenAiDialect withToolIds(ToolIdRule value) {
        return new OpenAiDialect(kind, defaultBaseUrl, capabilities, maxTokensField, streamUsage, systemRole, value,
                droppedFields, seedField, requiredToolChoice, assistantAfterTool, badKeyAs400);
    }

    OpenAiDialect withDroppedFields(Set<String> value) {
        return new OpenAiDialect(kind, defaultBaseUrl, capabilities, maxTokensField, streamUsage, systemRole, toolIds,
                value, seedField, requiredToolChoice, assistantAfterTool, badKeyAs400);
    }

    OpenAiDialect withSeedField(String value) {
        return new OpenAiDialect(kind, defaultBaseUrl, capabilities, maxTokensField, streamUsage, systemRole, toolIds,
                droppedFields, value, requiredToolChoice, assistantAfterTool, badKeyAs400);
    }

    OpenAiDialect withRequiredToolChoice(String value) {
        return new OpenAiDialect(kind, defaultBaseUrl, capabilities, maxTokensField, streamUsage, systemRole, toolIds,
                droppedFields, seedField, value, assistantAfterTool, badKeyAs400);
    }

    OpenAiDialect withAssistantAfterTool(boolean value) {
        return new OpenAiDialect(kind, defaultBaseUrl, capabilities, maxTokensField, streamUsage, systemRole, toolIds,
                droppedFields, seedField, requiredToolChoice, value, badKeyAs400);
    }

    OpenAiDialect withBadKeyAs400(boolean value) {
        return new OpenAiDialect(kind, defaultBaseUrl, capabilities, maxTokensField, streamUsage, systemRole, toolIds,
                droppedFields, seedField, requiredToolChoice, assistantAfterTool, value);
    }
}
