package dev.switchboard.contracts.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OpenAiErrorEnvelopeTest {

    @Test
    void writesOpenAiEnvelopeWithParamAndCode() {
        var body = OpenAiErrorEnvelope.body(GatewayException.invalid("messages", "messages: expected an array"));
        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo(
                "{\"error\":{\"message\":\"messages: expected an array\",\"type\":\"invalid_request_error\","
                        + "\"param\":\"messages\",\"code\":\"invalid_request\"}}");
    }

    @Test
    void everyCategoryHasATypeAndCode() {
        for (ErrorCategory category : ErrorCategory.values()) {
            assertThat(OpenAiErrorEnvelope.type(category)).isNotBlank();
            assertThat(OpenAiErrorEnvelope.code(category)).isNotBlank();
        }
        assertThat(OpenAiErrorEnvelope.type(ErrorCategory.UNAUTHENTICATED)).isEqualTo("authentication_error");
        assertThat(OpenAiErrorEnvelope.type(ErrorCategory.RATE_LIMITED)).isEqualTo("rate_limit_error");
    }
}
