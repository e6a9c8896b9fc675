package dev.switchboard.providers.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.providers.ProviderAdapter;
import dev.switchboard.providers.gemini.GeminiAdapter;
import dev.switchboard.providers.http.UpstreamClient;
import dev.switchboard.testkit.Fixture;
import dev.switchboard.testkit.RecordedRequest;

class GeminiAdapterContractTest extends ProviderAdapterContract {
    @Override protected ProviderAdapter adapter(UpstreamClient http) { return new GeminiAdapter(http); }
    @Override protected String fixtures() { return "gemini"; }

    @Override
    protected String expectedTarget(Fixture fixture, boolean streaming) {
        return "/v1/models/" + fixture.request().model()
                + (streaming ? ":streamGenerateContent?alt=sse" : ":generateContent");
    }

    @Override
    protected void checkAuthentication(RecordedRequest request, String apiKey) {
        assertThat(request.header("x-goog-api-key")).isEqualTo(apiKey);
        assertThat(request.header("Authorization")).isNull();
        assertThat(request.target()).doesNotContain("key=");
    }
}
