package dev.switchboard.edge;

import static java.util.Objects.requireNonNull;

import dev.switchboard.contracts.config.ConfigFile;
import dev.switchboard.contracts.config.ConfigParser;
import dev.switchboard.contracts.config.KeyConfig;
import dev.switchboard.contracts.identity.SignedPrincipal;
import dev.switchboard.providers.ProviderAdaptersConfiguration;
import dev.switchboard.providers.ProviderRegistry;
import dev.switchboard.providers.http.LoopLocalClients;
import io.netty.channel.ChannelOption;
import dev.switchboard.edge.auth.KeyAuthenticationFilter;
import dev.switchboard.edge.auth.TokenAuthenticator;
import dev.switchboard.edge.routing.LoopLocalRoutingFilter;
import dev.switchboard.edge.web.BodyLimitFilter;
import dev.switchboard.edge.web.EdgeErrorHandler;
import dev.switchboard.edge.web.RequestIdFilter;
import dev.switchboard.policyview.Governance;
import dev.switchboard.policyview.PolicyViewConfiguration;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/** The edge's beans; {@link EdgeGatewayApplication} runs them alone, the all-in-one beside the rest. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EdgeProperties.class)
@Import({ProviderAdaptersConfiguration.class, PolicyViewConfiguration.class})
public class EdgeGatewayConfiguration {

    @Bean(destroyMethod = "close")
    ConfigFile edgeConfig(EdgeProperties properties, Environment environment, ProviderRegistry registry) {
        // The edge reads switchboard.yaml for its keys, validated exactly as the router validates it, so both
        // activate the same versions and reject the same bad edits.
        var file = new ConfigFile(ConfigFile.locate(properties.config(), Path.of("")),
                new ConfigParser(environment::getProperty, registry.kinds()),
                KeyConfig.withAdmin(properties.adminKeySha256()));
        file.watch(properties.reloadInterval());
        return file;
    }

    @Bean
    RouteLocator edgeRoutes(RouteLocatorBuilder routes, EdgeProperties properties) {
        var builder = routes.routes().route("router", r -> r.path("/v1/**").uri(properties.edge().routerUrl()));
        URI cost = properties.edge().costUrl();
        if (cost != null) {
            // before the policy service's /admin/**: the cost service answers these under /v1
            builder.route("cost", r -> r.order(-1).path("/admin/v1/spend", "/admin/v1/requests", "/admin/v1/requests/**",
                    "/admin/v1/latency", "/admin/v1/prices/**")
                    .filters(f -> f.rewritePath("/admin/v1/(?<rest>.*)", "/v1/${rest}")).uri(cost));
        }
        URI policy = properties.edge().policyUrl();
        if (policy != null) {
            builder.route("policy", r -> r.path("/admin/**").uri(policy));
        }
        return builder.build();
    }

    /** Pools to the router, one per event loop; see {@link LoopLocalRoutingFilter}. */
    @Bean(destroyMethod = "close")
    LoopLocalClients routerClients() {
        return new LoopLocalClients(() -> ConnectionProvider.builder("switchboard-router").maxConnections(1000)
                .maxIdleTime(Duration.ofSeconds(30)).pendingAcquireTimeout(Duration.ofSeconds(30)).build(),
                pool -> HttpClient.create(pool).keepAlive(true).compress(false)
                        .option(ChannelOption.TCP_NODELAY, true).option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 2_000));
    }

    @Bean
    LoopLocalRoutingFilter loopLocalRoutingFilter(LoopLocalClients routerClients,
                                                  ObjectProvider<List<HttpHeadersFilter>> headersFilters,
                                                  HttpClientProperties properties) {
        return new LoopLocalRoutingFilter(routerClients, headersFilters, properties);
    }

    /** The gateway ties its response writer to its own routing filter, so it goes with it and comes back here. */
    @Bean
    NettyWriteResponseFilter nettyWriteResponseFilter(GatewayProperties gateway,
                                                      ObjectProvider<List<HttpHeadersFilter>> headersFilters) {
        return new NettyWriteResponseFilter(gateway.getStreamingMediaTypes(), headersFilters);
    }

    @Bean
    RequestIdFilter requestIdFilter() {
        return new RequestIdFilter();
    }

    @Bean
    BodyLimitFilter bodyLimitFilter(EdgeProperties properties) {
        return new BodyLimitFilter(properties.edge().maxBodySize().toBytes());
    }

    @Bean
    KeyAuthenticationFilter keyAuthenticationFilter(Governance governance, EdgeProperties properties) {
        String secret = properties.internalSecret();
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException("SWITCHBOARD_INTERNAL_SECRET (switchboard.internal-secret) is not set: "
                    + "the edge signs the caller's principal for the router with it");
        }
        EdgeProperties.Oidc oidc = properties.identity().oidc();
        TokenAuthenticator tokens = oidc.enabled()
                ? TokenAuthenticator.forIssuer(requireNonNull(oidc.issuerUri()), oidc.audience(), oidc.teamClaim()) : null;
        return new KeyAuthenticationFilter(governance, new SignedPrincipal(secret, Clock.systemUTC()), Clock.systemUTC(),
                tokens);
    }

    @Bean
    @Order(-2)
    EdgeErrorHandler edgeErrorHandler() {
        return new EdgeErrorHandler();
    }
}
