package dev.switchboard.providers;

import dev.switchboard.providers.http.UpstreamClient;
import dev.switchboard.providers.mock.MockAdapter;
import dev.switchboard.providers.openai.OpenAiAdapter;
import dev.switchboard.providers.openai.OpenAiPresets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.netty.resources.ConnectionProvider;

/** Builds the shared upstream HTTP client and every adapter we ship: the OpenAI dialect presets and the mock. */
@Configuration(proxyBeanMethods = false)
public class ProviderAdaptersConfiguration {

    /** The upstream connection pool, disposed with the context. */
    @Bean(destroyMethod = "dispose")
    ConnectionProvider upstreamConnections() {
        return UpstreamClient.defaultConnections();
    }

    @Bean
    ProviderRegistry providerRegistry(ConnectionProvider upstreamConnections) {
        var http = new UpstreamClient(UpstreamClient.defaultHttpClient(upstreamConnections));
        List<ProviderAdapter> adapters = new ArrayList<>();
        OpenAiPresets.all().forEach(dialect -> adapters.add(new OpenAiAdapter(http, dialect)));
        adapters.add(new MockAdapter());
        return new ProviderRegistry(adapters);
    }
}
