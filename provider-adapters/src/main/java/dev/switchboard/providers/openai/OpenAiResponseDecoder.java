package dev.switchboard.providers.openai;

import dev.switchboard.contracts.chat.ChatResponse;
import dev.switchboard.contracts.chat.ContentPart;
import dev.switchboard.contracts.chat.FinishReason;
import dev.switchboard.contracts.chat.ResolvedModel;
import dev.switchboard.contracts.chat.TokenUsage;
import dev.switchboard.contracts.error.ErrorCategory;
import dev.switchboard.contracts.error.GatewayException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;

/**
 * Decodes one whole {@code chat.completion} (provider-protocols §1.5) into a {@link ChatResponse}, bound to records in
 * one pass (no tree). Finish reason, usage and tool-call ids follow the same rules as {@link OpenAiStreamDecoder}
 * ({@link OpenAiOutcome}, {@link ToolIds}), so a collected stream and a whole answer agree. A 200 whose body is an
 * {@code error} object (OpenRouter) fails like an in-stream error. No I/O.
 */
final class OpenAiResponseDecoder {

    private static final ObjectReader COMPLETION = OpenAiWire.JSON.readerFor(OpenAiWire.Completion.class);

    private final String provider;
    private final String targetModel;
    private final ToolIds ids;
    private final OpenAiErrorMapper errors;

    OpenAiResponseDecoder(String provider, String targetModel, ToolIds ids, OpenAiErrorMapper errors) {
        this.provider = provider;
        this.targetModel = targetModel;
        this.ids = ids;
        this.errors = errors;
    }

    ChatResponse decode(byte[] body) {
        OpenAiWire.Completion completion = parse(body);
        if (completion.error() != null && !completion.error().isNull()) {
            throw errors.inStream(completion.error());
        }
        OpenAiWire.CompletionChoice choice = first(completion.choices());
        OpenAiWire.ResponseMessage message = choice.message();
        List<ContentPart> calls = message == null ? List.of() : toolCalls(message.toolCalls());
        boolean anyCall = calls.stream().anyMatch(ContentPart.ToolCall.class::isInstance);
        @Nullable FinishReason reported = choice.finishReason() == null ? null
                : OpenAiOutcome.finishReason(choice.finishReason(), errors);
        OpenAiWire.@Nullable Usage usage = OpenAiOutcome.reported(completion.usage(), completion.xGroq());
        @Nullable TokenUsage tokens = usage == null ? null : OpenAiOutcome.normalise(usage);
        var outcome = new ChatResponse.Outcome(OpenAiOutcome.settle(reported, anyCall), tokens);
        String id = completion.id() != null ? completion.id() : "chatcmpl-" + UUID.randomUUID();
        var model = new ResolvedModel(provider, completion.model() != null ? completion.model() : targetModel);
        List<ContentPart> content = new ArrayList<>(calls.size() + 2);
        String reasoning = reasoning(message);
        if (!reasoning.isEmpty()) {
            content.add(new ContentPart.Reasoning(reasoning, null, null));
        }
        String text = orEmpty(message == null ? null : message.content());
        if (!text.isEmpty()) {
            content.add(new ContentPart.Text(text));
        }
        content.addAll(calls);
        return new ChatResponse(id, model, content, outcome);
    }

    private OpenAiWire.CompletionChoice first(@Nullable List<OpenAiWire.CompletionChoice> choices) {
        if (choices == null || choices.isEmpty()) {
            throw malformed("no choices");
        }
        for (OpenAiWire.CompletionChoice choice : choices) {
            if (choice.index() == 0) {
                return choice;
            }
        }
        return choices.getFirst();
    }

    /** The calls, each after the Gemini thought signature it carried, if any. */
    private List<ContentPart> toolCalls(@Nullable List<OpenAiWire.ToolCall> wire) {
        if (wire == null || wire.isEmpty()) {
            return List.of();
        }
        List<ContentPart> calls = new ArrayList<>(wire.size());
        int index = 0;
        for (OpenAiWire.ToolCall call : wire) {
            OpenAiWire.FunctionCall function = call.function();
            String name = function == null || function.name() == null ? "" : function.name();
            String arguments = function == null ? "" : arguments(function.arguments());
            String signature = OpenAiWire.thoughtSignature(call.extraContent());
            if (signature != null) {
                calls.add(new ContentPart.Reasoning("", signature, OpenAiWire.GEMINI));
            }
            calls.add(new ContentPart.ToolCall(ids.fromWire(call.id(), index++), name, arguments));
        }
        return calls;
    }

    /** A JSON string per the spec; an object some upstreams send instead is kept as its JSON text. */
    private static String arguments(@Nullable JsonNode arguments) {
        if (arguments == null || arguments.isNull() || arguments.isMissingNode()) {
            return "";
        }
        return arguments.isString() ? arguments.asString() : arguments.toString();
    }

    private static String reasoning(OpenAiWire.@Nullable ResponseMessage message) {
        if (message == null) {
            return "";
        }
        return orEmpty(message.reasoningContent() != null ? message.reasoningContent() : message.reasoning());
    }

    private static String orEmpty(@Nullable String text) {
        return text == null ? "" : text;
    }

    private OpenAiWire.Completion parse(byte[] body) {
        try {
            OpenAiWire.Completion completion = COMPLETION.readValue(body);
            if (completion == null) {
                throw malformed("empty body");
            }
            return completion;
        } catch (JacksonException e) {
            throw malformed(e.getOriginalMessage());
        }
    }

    private GatewayException malformed(String detail) {
        return new GatewayException(ErrorCategory.UPSTREAM_UNAVAILABLE,
                provider + ": malformed chat completion (" + detail + ")",
                GatewayException.Origin.upstream(provider, 200, null));
    }
}
