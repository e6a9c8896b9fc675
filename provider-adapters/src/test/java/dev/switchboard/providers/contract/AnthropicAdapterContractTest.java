package dev.switchboard.providers.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.providers.ProviderAdapter;
import dev.switchboard.providers.anthropic.AnthropicAdapter;
import dev.switchboard.providers.http.UpstreamClient;
import dev.switchboard.testkit.FakeUpstream;
import dev.switchboard.testkit.Fixture;
import dev.switchboard.testkit.RecordedRequest;
import java.net.URI;

class AnthropicAdapterContractTest extends ProviderAdapterContract {
    @Override protected ProviderAdapter adapter(UpstreamClient http) { return new AnthropicAdapter(http); }
    @Override protected String fixtures() { return "anthropic"; }
    @Override protected URI baseUrl(FakeUpstream upstream) { return URI.create(upstream.baseUrl()); }
    @Override protected String expectedTarget(Fixture fixture, boolean streaming) { return "/v1/messages"; }

    @Override
    protected void checkAuthentication(RecordedRequest request, String apiKey) {
        assertThat(request.header("x-api-key")).isEqualTo(apiKey);
        assertThat(request.header("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(request.header("Authorization")).isNull();
    }
}
