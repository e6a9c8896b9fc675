package dev.switchboard.router;

import dev.switchboard.contracts.catalog.ModelCatalog;
import dev.switchboard.contracts.config.ConfigFile;
import dev.switchboard.contracts.config.ConfigParser;
import dev.switchboard.contracts.config.KeyConfig;
import dev.switchboard.contracts.identity.SignedPrincipal;
import dev.switchboard.policyview.Governance;
import dev.switchboard.policyview.PolicyViewConfiguration;
import dev.switchboard.providers.ProviderAdaptersConfiguration;
import dev.switchboard.providers.ProviderRegistry;
import dev.switchboard.router.admission.Admission;
import dev.switchboard.router.anthropic.MessagesHandler;
import dev.switchboard.router.budget.BudgetConfiguration;
import dev.switchboard.router.budget.BudgetGuard;
import dev.switchboard.router.budget.BudgetLedger;
import dev.switchboard.router.budget.SpendFollower;
import dev.switchboard.router.events.CompletionFilter;
import dev.switchboard.router.events.Completions;
import dev.switchboard.router.events.EventsConfiguration;
import dev.switchboard.router.openai.ChatCompletionsHandler;
import dev.switchboard.router.openai.EmbeddingsHandler;
import dev.switchboard.router.openai.ModelsHandler;
import dev.switchboard.router.policy.Callers;
import dev.switchboard.router.principal.PrincipalFilter;
import dev.switchboard.router.ratelimit.RateLimitConfiguration;
import dev.switchboard.router.ratelimit.RateLimitGuard;
import dev.switchboard.router.ratelimit.RateLimiter;
import dev.switchboard.router.routing.FallbackChain;
import dev.switchboard.router.routing.Health;
import dev.switchboard.router.routing.LatencyBook;
import dev.switchboard.router.routing.LiveRoutingTable;
import dev.switchboard.router.routing.Planner;
import dev.switchboard.router.routing.Routing;
import dev.switchboard.router.telemetry.TelemetryConfiguration;
import dev.switchboard.router.web.ApiErrorHandler;
import dev.switchboard.router.web.RequestIds;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import tools.jackson.databind.json.JsonMapper;

/** The router service's beans; {@link RouterServiceApplication} runs them alone, the all-in-one beside the rest. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RouterProperties.class)
@Import({ProviderAdaptersConfiguration.class, EventsConfiguration.class, BudgetConfiguration.class,
        RateLimitConfiguration.class, TelemetryConfiguration.class, PolicyViewConfiguration.class})
public class RouterServiceConfiguration {

    private final JsonMapper json = JsonMapper.builder().build();

    @Bean(destroyMethod = "close")
    ConfigFile switchboardConfig(RouterProperties properties, ProviderRegistry registry, Environment environment) {
        // env:NAME secrets come from the process environment (or, for tests, a property of that exact name).
        var parser = new ConfigParser(environment::getProperty, registry.kinds());
        var file = new ConfigFile(ConfigFile.locate(properties.config(), Path.of("")), parser,
                KeyConfig.withAdmin(properties.adminKeySha256()));
        file.watch(properties.reloadInterval());
        return file;
    }

    /** Catalog facts (prices for budgets, context windows) come from the built-in catalog unless a bean replaces it. */
    @Bean
    LiveRoutingTable liveRoutingTable(ConfigFile config, ProviderRegistry registry,
                                      ObjectProvider<ModelCatalog> catalog, Governance governance) {
        return new LiveRoutingTable(config, registry, catalog.getIfUnique(ModelCatalog::builtIn), governance);
    }

    @Bean
    @Order(0)
    RequestIds requestIds() {
        return new RequestIds();
    }

    @Bean
    @Order(1)
    PrincipalFilter principalFilter(RouterProperties properties, Governance governance, ConfigFile config) {
        String secret = properties.internalSecret();
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException("SWITCHBOARD_INTERNAL_SECRET (switchboard.internal-secret) is not set: "
                    + "the router verifies the principal the edge signs with it");
        }
        return new PrincipalFilter(new SignedPrincipal(secret, Clock.systemUTC()),
                new Callers(governance, config, Clock.systemUTC()));
    }

    /** After the principal check: only authenticated requests that reach a handler get a completion event. */
    @Bean
    @Order(2)
    CompletionFilter completionFilter(Completions completions) {
        return new CompletionFilter(completions);
    }

    @Bean
    @Order(-2)
    ApiErrorHandler apiErrorHandler() {
        return new ApiErrorHandler();
    }

    @Bean
    Health deploymentHealth() {
        return new Health(Clock.systemUTC(), 3, Duration.ofSeconds(30));
    }

    @Bean
    LatencyBook latencyBook() {
        return new LatencyBook(Clock.systemUTC(), Duration.ofMinutes(5));
    }

    @Bean
    Routing routing(LiveRoutingTable routes, Health health, LatencyBook latency) {
        // every request thread draws from its own generator
        RandomGenerator random = () -> ThreadLocalRandom.current().nextLong();
        var planner = new Planner(health, latency, random, 0.05);
        return new Routing(routes, planner, new FallbackChain(health, latency, Clock.systemUTC(), random));
    }

    /** Raises budget counters to what cost-service recorded, when there is a broker to hear it from. */
    @Bean(destroyMethod = "close")
    SpendFollower spendFollower(Governance governance, BudgetLedger budgetLedger, Environment environment) {
        String kafka = environment.getProperty("spring.kafka.bootstrap-servers");
        var follower = new SpendFollower(governance, budgetLedger, Clock.systemUTC(),
                kafka == null || kafka.isBlank() ? null : kafka);
        follower.start(Duration.ofSeconds(5));
        return follower;
    }

    @Bean
    Admission admission(RateLimiter rateLimiter, BudgetGuard budgets) {
        return new Admission(new RateLimitGuard(rateLimiter, Clock.systemUTC()), budgets);
    }

    @Bean
    RouterFunction<ServerResponse> routerEndpoints(LiveRoutingTable routes, Routing routing, Completions completions,
                                                   Admission admission) {
        var chat = new ChatCompletionsHandler(json, routing, Clock.systemUTC(), completions, admission);
        var embeddings = new EmbeddingsHandler(json, routing, completions, admission);
        var models = new ModelsHandler(json, routes);
        var messages = new MessagesHandler(json, routing, completions, admission);
        return RouterFunctions.route()
                .POST("/v1/chat/completions", chat::handle)
                .POST("/v1/embeddings", embeddings::handle)
                .POST("/v1/messages", messages::messages)
                .POST("/v1/messages/count_tokens", messages::countTokens)
                .GET("/v1/models", models::list)
                .GET("/v1/models/{*id}", models::one)
                .build();
    }
}
