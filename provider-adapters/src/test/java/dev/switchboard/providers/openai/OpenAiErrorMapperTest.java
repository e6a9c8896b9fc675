package dev.switchboard.providers.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.error.ErrorCategory;
import dev.switchboard.contracts.error.GatewayException;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class OpenAiErrorMapperTest {

    private final OpenAiErrorMapper mapper = new OpenAiErrorMapper("p", OpenAiPresets.openai(), "sk-secret-123");

    private GatewayException map(int status, String body) {
        return mapper.map(status, new DefaultHttpHeaders(), body.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource({"400,INVALID_REQUEST", "401,UPSTREAM_AUTH_FAILED", "403,UPSTREAM_AUTH_FAILED", "404,MODEL_NOT_FOUND",
            "408,UPSTREAM_TIMEOUT", "409,UPSTREAM_UNAVAILABLE", "413,PAYLOAD_TOO_LARGE", "422,INVALID_REQUEST",
            "429,RATE_LIMITED", "498,UPSTREAM_UNAVAILABLE", "500,UPSTREAM_UNAVAILABLE", "502,UPSTREAM_UNAVAILABLE",
            "503,UPSTREAM_UNAVAILABLE", "504,UPSTREAM_TIMEOUT", "529,UPSTREAM_UNAVAILABLE", "402,UPSTREAM_REJECTED",
            "418,UPSTREAM_REJECTED", "507,UPSTREAM_UNAVAILABLE"})
    void mapsStatusToCategory(int status, ErrorCategory category) {
        GatewayException e = map(status, "{\"error\":{\"message\":\"nope\"}}");
        assertThat(e.category()).isEqualTo(category);
        assertThat(e.upstreamStatus()).isEqualTo(status);
        assertThat(e.provider()).isEqualTo("p");
        assertThat(e.getMessage()).isEqualTo("p: nope (upstream " + status + ")");
    }

    @Test
    void detectsContextOverflowByPhrase() {
        assertThat(map(400, "{\"error\":{\"message\":\"Please reduce the length of the messages.\"}}").category())
                .isEqualTo(ErrorCategory.CONTEXT_LENGTH_EXCEEDED);
        assertThat(map(400, "{\"message\":\"input token count 9000 exceeds the maximum number of tokens\"}").category())
                .isEqualTo(ErrorCategory.CONTEXT_LENGTH_EXCEEDED);
    }

    @Test
    void neverRepeatsTheApiKeyOrARawNonJsonBody() {
        assertThat(map(401, "{\"error\":{\"message\":\"bad key sk-secret-123\"}}").getMessage())
                .isEqualTo("p: bad key *** (upstream 401)");
        assertThat(map(502, "<html>Bad gateway</html>").getMessage()).isEqualTo("p: no error message (upstream 502)");
    }

    @Test
    void treatsA400AboutTheApiKeyAsAuthFailureOnlyWhereTheDialectSaysSo() {
        String body = "{\"code\":\"x\",\"error\":\"Incorrect API key provided\"}";
        assertThat(map(400, body).category()).isEqualTo(ErrorCategory.INVALID_REQUEST);
        var xai = new OpenAiErrorMapper("x", OpenAiPresets.xai(), null);
        assertThat(xai.map(400, new DefaultHttpHeaders(), body.getBytes(StandardCharsets.UTF_8)).category())
                .isEqualTo(ErrorCategory.UPSTREAM_AUTH_FAILED);
    }
}
