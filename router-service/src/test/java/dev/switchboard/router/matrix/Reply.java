package dev.switchboard.router.matrix;

import java.util.List;

/**
 * What the upstream answers, independent of its protocol; {@link UpstreamWire} writes it in each. Token counts follow
 * the OpenAI convention ({@code input} includes {@code cached}, {@code output} includes {@code reasoningTokens}).
 * {@code errorStatus} > 0 makes it a failure before any output instead.
 */
record Reply(String reasoning, String text, List<Call> calls, Finish finish, int input, int output, int cached,
             int reasoningTokens, int errorStatus) {

    enum Finish { STOP, LENGTH, TOOL_CALLS }

    record Call(String id, String name, String argumentsJson) {}

    static Reply text(String text) {
        return new Reply("", text, List.of(), Finish.STOP, 12, 5, 0, 0, 0);
    }

    static Reply calls(Call... calls) {
        return new Reply("", "", List.of(calls), Finish.TOOL_CALLS, 30, 12, 0, 0, 0);
    }

    static Reply rateLimited() {
        return new Reply("", "", List.of(), Finish.STOP, 0, 0, 0, 0, 429);
    }

    Reply withReasoning(String thought, int tokens) {
        return new Reply(thought, text, calls, finish, input, output, cached, tokens, errorStatus);
    }

    Reply withUsage(int in, int out, int cachedIn) {
        return new Reply(reasoning, text, calls, finish, in, out, cachedIn, reasoningTokens, errorStatus);
    }

    Reply withFinish(Finish reason) {
        return new Reply(reasoning, text, calls, reason, input, output, cached, reasoningTokens, errorStatus);
    }
}
