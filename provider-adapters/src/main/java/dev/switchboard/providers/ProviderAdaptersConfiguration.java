package dev.switchboard.providers;

import dev.switchboard.providers.http.LoopLocalClients;
import dev.switchboard.providers.http.UpstreamClient;
import dev.switchboard.providers.anthropic.AnthropicAdapter;
import dev.switchboard.providers.gemini.GeminiAdapter;
import dev.switchboard.providers.mock.MockAdapter;
import dev.switchboard.providers.openai.OpenAiAdapter;
import dev.switchboard.providers.openai.OpenAiPresets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the shared upstream HTTP client and every adapter we ship: the OpenAI dialect presets, Anthropic, Gemini and the mock. */
@Configuration(proxyBeanMethods = false)
public class ProviderAdaptersConfiguration {

    /** The upstream connection pools, one per event loop, disposed with the context. */
    @Bean(destroyMethod = "close")
    LoopLocalClients upstreamClients() {
        return new LoopLocalClients(UpstreamClient::defaultConnections, UpstreamClient::defaultHttpClient);
    }

    @Bean
    ProviderRegistry providerRegistry(LoopLocalClients upstreamClients) {
        var http = new UpstreamClient(upstreamClients);
        List<ProviderAdapter> adapters = new ArrayList<>();
        OpenAiPresets.all().forEach(dialect -> adapters.add(new OpenAiAdapter(http, dialect)));
        adapters.add(new AnthropicAdapter(http));
        adapters.add(new GeminiAdapter(http));
        adapters.add(new MockAdapter());
        return new ProviderRegistry(adapters);
    }
}
