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
 * @param thoughtSignatures Gemini thought signatures go back on assistant tool calls as
 *        {@code extra_content.google.thought_signature} (Gemini's compatibility endpoint)
 */
public record OpenAiDialect(String kind, @Nullable URI defaultBaseUrl, Capabilities capabilities,
                            String maxTokensField, boolean streamUsage, String systemRole, ToolIdRule toolIds,
                            Set<String> droppedFields, String seedField, String requiredToolChoice,
                            boolean assistantAfterTool, boolean badKeyAs400, boolean thoughtSignatures) {

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
                ToolIdRule.ANY, Set.of(), "seed", "required", false, false, false);
    }

    boolean drops(String field) {
        return droppedFields.contains(field);
    }

    Builder toBuilder() {
        return new Builder(this);
    }

    /** Changes some fields of a dialect (presets from the OpenAI baseline, settings on top of a preset). */
    static final class Builder {
        private final String kind;
        private final @Nullable URI defaultBaseUrl;
        private Capabilities capabilities;
        private String maxTokensField;
        private boolean streamUsage;
        private String systemRole;
        private ToolIdRule toolIds;
        private Set<String> droppedFields;
        private String seedField;
        private String requiredToolChoice;
        private boolean assistantAfterTool;
        private boolean badKeyAs400;
        private boolean thoughtSignatures;

        private Builder(OpenAiDialect d) {
            kind = d.kind;
            defaultBaseUrl = d.defaultBaseUrl;
            capabilities = d.capabilities;
            maxTokensField = d.maxTokensField;
            streamUsage = d.streamUsage;
            systemRole = d.systemRole;
            toolIds = d.toolIds;
            droppedFields = d.droppedFields;
            seedField = d.seedField;
            requiredToolChoice = d.requiredToolChoice;
            assistantAfterTool = d.assistantAfterTool;
            badKeyAs400 = d.badKeyAs400;
            thoughtSignatures = d.thoughtSignatures;
        }

        Builder capabilities(Capabilities value) {
            capabilities = value;
            return this;
        }

        Builder maxTokensField(String value) {
            maxTokensField = value;
            return this;
        }

        Builder streamUsage(boolean value) {
            streamUsage = value;
            return this;
        }

        Builder systemRole(String value) {
            systemRole = value;
            return this;
        }

        Builder toolIds(ToolIdRule value) {
            toolIds = value;
            return this;
        }

        Builder droppedFields(Set<String> value) {
            droppedFields = value;
            return this;
        }

        Builder seedField(String value) {
            seedField = value;
            return this;
        }

        Builder requiredToolChoice(String value) {
            requiredToolChoice = value;
            return this;
        }

        Builder assistantAfterTool(boolean value) {
            assistantAfterTool = value;
            return this;
        }

        Builder badKeyAs400(boolean value) {
            badKeyAs400 = value;
            return this;
        }

        Builder thoughtSignatures(boolean value) {
            thoughtSignatures = value;
            return this;
        }

        OpenAiDialect build() {
            return new OpenAiDialect(kind, defaultBaseUrl, capabilities, maxTokensField, streamUsage, systemRole,
                    toolIds, droppedFields, seedField, requiredToolChoice, assistantAfterTool, badKeyAs400,
                    thoughtSignatures);
        }
    }
}
