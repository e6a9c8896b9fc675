package dev.switchboard.providers.openai;

import dev.switchboard.providers.Capabilities;
import java.net.URI;
import java.util.List;
import java.util.Set;

/**
 * The dialect of each OpenAI-compatible kind we ship (provider-protocols §4, §3.7). Each becomes its own
 * adapter kind; nothing else in the code knows provider names.
 */
public final class OpenAiPresets {

    private OpenAiPresets() {}

    public static OpenAiDialect openai() {
        return OpenAiDialect.openAi("openai", URI.create("https://api.openai.com/v1"));
    }

    /** A generic OpenAI-compatible server: the target must give a base URL; settings tune the rest. */
    public static OpenAiDialect openaiCompatible() {
        return OpenAiDialect.openAi("openai-compatible", null);
    }

    /** Groq: 400 on messages[].name (and logprobs, logit_bias, which we never send); usage in x_groq. */
    public static OpenAiDialect groq() {
        return OpenAiDialect.openAi("groq", URI.create("https://api.groq.com/openai/v1"))
                .toBuilder()
                .capabilities(Capabilities.ALL.withEmbeddings(false))
                .droppedFields(Set.of("messages[].name"))
                .build();
    }

    /** Cerebras: penalties and parallel_tool_calls reportedly rejected with 400, no embeddings. */
    public static OpenAiDialect cerebras() {
        return OpenAiDialect.openAi("cerebras", URI.create("https://api.cerebras.ai/v1"))
                .toBuilder()
                .capabilities(new Capabilities(true, false, true, false, true, false))
                .droppedFields(Set.of("presence_penalty", "frequency_penalty", "parallel_tool_calls"))
                .build();
    }

    /** DeepInfra: FastAPI-style {detail} errors, handled by the shared envelope parser. */
    public static OpenAiDialect deepinfra() {
        return OpenAiDialect.openAi("deepinfra", URI.create("https://api.deepinfra.com/v1/openai"));
    }

    /** Mistral: max_tokens, random_seed, tool_choice any, 9-char ids, no user right after tool, usage by default. */
    public static OpenAiDialect mistral() {
        return OpenAiDialect.openAi("mistral", URI.create("https://api.mistral.ai/v1"))
                .toBuilder()
                .maxTokensField("max_tokens")
                .streamUsage(false)
                .toolIds(OpenAiDialect.ToolIdRule.ALNUM_9)
                .seedField("random_seed")
                .requiredToolChoice("any")
                .assistantAfterTool(true)
                .build();
    }

    /** xAI: invalid key answered with 400; completion_tokens excluding reasoning is normalised by the decoder. */
    public static OpenAiDialect xai() {
        return OpenAiDialect.openAi("xai", URI.create("https://api.x.ai/v1"))
                .toBuilder()
                .badKeyAs400(true)
                .build();
    }

    /** OpenRouter: keep-alive comments and in-stream errors are handled by the shared parser and decoder. */
    public static OpenAiDialect openrouter() {
        return OpenAiDialect.openAi("openrouter", URI.create("https://openrouter.ai/api/v1"))
                .toBuilder()
                .capabilities(Capabilities.ALL.withEmbeddings(false))
                .build();
    }

    /**
     * Gemini's OpenAI-compatible endpoint: index-less whole tool calls, stop for tool turns, 400 on bad keys, thought
     * signatures on tool calls.
     */
    public static OpenAiDialect geminiOpenAi() {
        return OpenAiDialect.openAi("gemini-openai", URI.create("https://generativelanguage.googleapis.com/v1beta/openai"))
                .toBuilder()
                .badKeyAs400(true)
                .thoughtSignatures(true)
                .build();
    }

    public static List<OpenAiDialect> all() {
        return List.of(openai(), openaiCompatible(), groq(), cerebras(), deepinfra(), mistral(), xai(), openrouter(),
                geminiOpenAi());
    }
}
