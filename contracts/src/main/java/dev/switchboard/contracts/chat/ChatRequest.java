package dev.switchboard.contracts.chat;

import static java.util.Objects.requireNonNull;

import java.util.List;

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

    /** Tool behaviour and output format. */
    public record Options(ToolChoice toolChoice, boolean parallelToolCalls, ResponseFormat responseFormat) {
        public static final Options DEFAULT = new Options(ToolChoice.AUTO, true, ResponseFormat.TEXT);

        public Options {
            requireNonNull(toolChoice, "toolChoice");
            requireNonNull(responseFormat, "responseFormat");
        }
    }
}
