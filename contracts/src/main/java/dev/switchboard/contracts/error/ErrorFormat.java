package dev.switchboard.contracts.error;

/** The error envelope a caller gets, chosen by the API it called: Anthropic's on {@code /v1/messages}, else OpenAI's. */
public enum ErrorFormat {
    OPENAI,
    ANTHROPIC;

    public static ErrorFormat forPath(String path) {
        return path.startsWith("/v1/messages") ? ANTHROPIC : OPENAI;
    }

    public int status(ErrorCategory category) {
        return this == ANTHROPIC ? AnthropicErrorEnvelope.status(category) : category.status();
    }

    public byte[] body(GatewayException e) {
        return this == ANTHROPIC ? AnthropicErrorEnvelope.body(e) : OpenAiErrorEnvelope.body(e);
    }
}
