package dev.switchboard.providers.gemini;

import dev.switchboard.contracts.chat.ChatEvent;
import dev.switchboard.contracts.chat.FinishReason;
import dev.switchboard.contracts.chat.ResolvedModel;
import dev.switchboard.contracts.chat.TokenUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Turns the GenerateContentResponses of one answer (SSE chunks, or the one whole body) into canonical events
 * (provider-protocols §5.9 C), so both paths agree. Thought parts are reasoning; a thought signature becomes a
 * {@link ChatEvent.ReasoningSignature} of kind {@code gemini} just before the part it was on (after the thought text
 * when on a thought); each function call arrives whole and gets the next tool index. Usage and the finish reason are
 * held until {@link #end()}. Per-answer state, no I/O.
 */
final class GeminiEventDecoder {

    /** The protocol kind that can verify our signatures; they are only ever sent back to it. */
    static final String SIGNATURE_KIND = "gemini";

    private final String provider;
    private final String targetModel;
    private final GeminiErrorMapper errors;
    private @Nullable String responseId;
    private int toolCalls;
    private @Nullable String finishReason;
    private boolean blocked;
    private @Nullable TokenUsage usage;

    GeminiEventDecoder(String provider, String targetModel, GeminiErrorMapper errors) {
        this.provider = provider;
        this.targetModel = targetModel;
        this.errors = errors;
    }

    List<ChatEvent> onResponse(GeminiWire.Response response) {
        if (response.error() != null && !response.error().isNull()) {
            throw errors.inStream(response.error());
        }
        List<ChatEvent> out = new ArrayList<>(2);
        if (responseId == null) {
            responseId = response.responseId() != null ? response.responseId() : "gemini-" + UUID.randomUUID();
            String model = response.modelVersion() != null ? response.modelVersion() : targetModel;
            out.add(new ChatEvent.Started(responseId, new ResolvedModel(provider, model)));
        }
        if (response.usageMetadata() != null) {
            usage = GeminiOutcome.usage(response.usageMetadata());
        }
        GeminiWire.Candidate candidate = first(response.candidates());
        if (candidate == null) {
            blocked |= response.promptFeedback() != null && response.promptFeedback().blockReason() != null;
            return out;
        }
        if (candidate.content() != null && candidate.content().parts() != null) {
            candidate.content().parts().forEach(part -> part(part, out));
        }
        if (candidate.finishReason() != null) {
            finishReason = candidate.finishReason();
        }
        return out;
    }

    boolean started() {
        return responseId != null;
    }

    /** Whether the upstream said how the answer ended: a finish reason, or a blocked prompt. */
    boolean finished() {
        return finishReason != null || blocked;
    }

    /** Usage (when reported) and the finish; an answer without a finish reason is taken as a plain stop. */
    List<ChatEvent> end() {
        FinishReason reason = finishReason == null && blocked ? FinishReason.CONTENT_FILTER
                : GeminiOutcome.finishReason(finishReason == null ? "STOP" : finishReason, toolCalls > 0);
        return usage == null ? List.of(new ChatEvent.Finished(reason))
                : List.of(new ChatEvent.UsageReported(usage), new ChatEvent.Finished(reason));
    }

    private void part(GeminiWire.Part part, List<ChatEvent> out) {
        String text = part.text() == null ? "" : part.text();
        if (part.thought() && part.functionCall() == null) {
            if (!text.isEmpty()) {
                out.add(new ChatEvent.ReasoningDelta(text));
            }
            sign(part, out);
            return;
        }
        sign(part, out);
        if (!text.isEmpty()) {
            out.add(new ChatEvent.TextDelta(text));
        }
        if (part.functionCall() != null) {
            call(part.functionCall(), out);
        }
    }

    private static void sign(GeminiWire.Part part, List<ChatEvent> out) {
        if (part.thoughtSignature() != null && !part.thoughtSignature().isEmpty()) {
            out.add(new ChatEvent.ReasoningSignature(part.thoughtSignature(), SIGNATURE_KIND));
        }
    }

    private void call(GeminiWire.FunctionCall call, List<ChatEvent> out) {
        int index = toolCalls++;
        String id = call.id() != null && !call.id().isEmpty() ? call.id() : GeminiToolIds.mint(responseId, index);
        out.add(new ChatEvent.ToolCallStarted(index, id, call.name() == null ? "" : call.name()));
        String args = call.args() == null || call.args().isNull() ? "{}" : call.args().toString();
        out.add(new ChatEvent.ToolCallArgumentsDelta(index, args));
    }

    private static GeminiWire.@Nullable Candidate first(@Nullable List<GeminiWire.Candidate> candidates) {
        if (candidates == null || candidates.isEmpty()) {
            return null;
        }
        for (GeminiWire.Candidate candidate : candidates) {
            if (candidate.index() == 0) {
                return candidate;
            }
        }
        return candidates.getFirst();
    }
}
