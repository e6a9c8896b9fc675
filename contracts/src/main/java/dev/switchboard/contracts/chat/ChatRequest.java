package dev.switchboard.contracts.chat;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The canonical chat request every ingress decodes into. It says what to generate, never who asks:
 * tenant, principal and trace travel beside it.
 *
 * @param model the model name as the caller wrote it (an alias until resolved)
 * @param tools the functions offered, possibly empty
 * @param options tool behaviour, output format and the {@code user} tag
 */
public record ChatRequest(String model, List<Message> messages, List<ToolSpec> tools, Sampling sampling,
                          Options options) {

    public ChatRequest {
        requireNonNull(model, "model");
        messages = List.copyOf(messages);
        tools = List.copyOf(tools);
        requireNonNull(sampling, "sampling");
        requireNonNull(options, "options");
    }

    public static ChatRequest of(String model, List<Message> messages) {
        return new ChatRequest(model, messages, List.of(), Sampling.DEFAULT, Options.DEFAULT);
    }

    public ChatRequest withModel(String newModel) {
        return new ChatRequest(newModel, messages, tools, sampling, options);
    }

    /**
     * Tool behaviour, output format, reasoning and the end-user tag.
     *
     * @param thinking {@code null} when the caller did not ask for or against reasoning
     * @param user the caller's end-user id (OpenAI {@code user}, Anthropic {@code metadata.user_id})
     * @param betas opt-in protocol features the caller named and the ingress judged safe to forward (Anthropic's
     *              {@code anthropic-beta} values); upstreams that know them send them, the others ignore them
     */
    public record Options(ToolChoice toolChoice, boolean parallelToolCalls, ResponseFormat responseFormat,
                          @Nullable Thinking thinking, @Nullable String user, List<String> betas) {
        public static final Options DEFAULT = new Options(ToolChoice.AUTO, true, ResponseFormat.TEXT, null, null);

        public Options {
            requireNonNull(toolChoice, "toolChoice");
            requireNonNull(responseFormat, "responseFormat");
            betas = List.copyOf(betas);
        }

        public Options(ToolChoice toolChoice, boolean parallelToolCalls, ResponseFormat responseFormat,
                       @Nullable Thinking thinking, @Nullable String user) {
            this(toolChoice, parallelToolCalls, responseFormat, thinking, user, List.of());
        }

        public Options(ToolChoice toolChoice, boolean parallelToolCalls, ResponseFormat responseFormat) {
            this(toolChoice, parallelToolCalls, responseFormat, null, null);
        }
    }

    /**
     * How much the model should reason. {@code enabled=false} asks for no reasoning. A budget comes from Anthropic's
     * {@code budget_tokens} or Gemini's {@code thinkingBudget}; an effort ({@code minimal}, {@code low},
     * {@code medium}, {@code high}, ...) from OpenAI's {@code reasoning_effort} or Anthropic's
     * {@code output_config.effort}. Writers translate whichever is set into their provider's knob.
     */
    public record Thinking(boolean enabled, @Nullable Integer budgetTokens, @Nullable String effort) {
        public static final Thinking OFF = new Thinking(false, null, null);

        /** The budget to send to a provider that takes tokens, from the effort when no budget was given. */
        public int budgetOr(int lowDefault) {
            if (budgetTokens != null) {
                return budgetTokens;
            }
            return switch (effort == null ? "" : effort) {
                case "minimal" -> 512;
                case "medium" -> 2048;
                case "high" -> 4096;
                case "xhigh", "max" -> 8192;
                default -> lowDefault;
            };
        }

        /** The effort to send to a provider that takes levels, from the budget when no effort was given. */
        public String effortOr(String fallback) {
            if (effort != null) {
                return effort;
            }
            if (budgetTokens == null) {
                return fallback;
            }
            return budgetTokens <= 1024 ? "low" : budgetTokens <= 8192 ? "medium" : "high";
        }
    }
}
