package dev.switchboard.cost;

import dev.switchboard.contracts.catalog.ModelCatalog;
import dev.switchboard.contracts.events.SpendUpdate;
import dev.switchboard.contracts.identity.SignedPrincipal;
import dev.switchboard.cost.ingest.CompletionLedger;
import dev.switchboard.cost.ingest.CompletionsListener;
import dev.switchboard.cost.latency.LatencyEndpoint;
import dev.switchboard.cost.pricing.CatalogRefresh;
import dev.switchboard.cost.pricing.CatalogRefreshProperties;
import dev.switchboard.cost.pricing.CatalogRefreshSchedule;
import dev.switchboard.cost.pricing.PriceBook;
import dev.switchboard.cost.pricing.PriceFeedSource;
import dev.switchboard.cost.pricing.PriceOverrides;
import dev.switchboard.cost.pricing.PricesEndpoint;
import dev.switchboard.cost.requestlog.RequestBodyRetention;
import dev.switchboard.cost.requestlog.RequestLogEndpoint;
import dev.switchboard.cost.spend.SpendEndpoint;
import dev.switchboard.cost.spend.SpendUpdates;
import dev.switchboard.cost.web.ApiErrorHandler;
import dev.switchboard.cost.web.PrincipalGate;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.ExponentialBackOff;

/** The cost service's beans; {@link CostServiceApplication} runs them alone, the all-in-one beside the rest. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({CostProperties.class, CatalogRefreshProperties.class})
@Import({SpendEndpoint.class, RequestLogEndpoint.class, LatencyEndpoint.class, PricesEndpoint.class,
        ApiErrorHandler.class})
public class CostServiceConfiguration {

    @Bean
    PriceOverrides priceOverrides(JdbcClient jdbc, Clock costClock) {
        return new PriceOverrides(jdbc, costClock);
    }

    @Bean
    PriceBook priceBook(PriceOverrides overrides, CatalogRefresh catalogRefresh) {
        return new PriceBook(overrides, catalogRefresh::catalog, ModelCatalog.builtIn());
    }

    @Bean
    CatalogRefresh catalogRefresh(CatalogRefreshProperties properties, Clock costClock) {
        String location = properties.refreshUrl();
        PriceFeedSource source = location == null ? null
                : PriceFeedSource.of(location, PriceFeedSource.DEFAULT_MAX_BYTES, PriceFeedSource.DEFAULT_TIMEOUT);
        return new CatalogRefresh(source, properties.formatOrAuto(), costClock);
    }

    @Bean
    CatalogRefreshSchedule catalogRefreshSchedule(CatalogRefresh catalogRefresh, CatalogRefreshProperties properties) {
        return new CatalogRefreshSchedule(catalogRefresh, properties.intervalOrNone());
    }

    /** Deletes expired request bodies hourly (their metadata rows stay). */
    @Bean
    RequestBodyRetention requestBodyRetention(JdbcClient jdbc, Clock costClock) {
        return new RequestBodyRetention(jdbc, costClock, Duration.ofHours(1));
    }

    /**
     * The cost API's door ({@link PrincipalGate}): principals signed with {@code switchboard.internal-secret}; without
     * the secret the API is open, which only a development setup should do.
     */
    @Bean
    FilterRegistrationBean<PrincipalGate> principalGate(Environment environment) {
        String secret = environment.getProperty("switchboard.internal-secret");
        if (secret == null || secret.isBlank()) {
            LoggerFactory.getLogger(PrincipalGate.class).warn("the cost API is not authenticated: "
                    + "set switchboard.internal-secret (SWITCHBOARD_INTERNAL_SECRET) to the edge's");
        }
        var gate = new PrincipalGate(secret == null || secret.isBlank() ? null
                : new SignedPrincipal(secret, Clock.systemUTC()));
        var registration = new FilterRegistrationBean<>(gate);
        registration.addUrlPatterns("/v1/*");
        return registration;
    }

    @Bean
    Clock costClock() {
        return Clock.systemUTC();
    }

    @Bean
    CompletionLedger completionLedger(JdbcClient jdbc, PlatformTransactionManager transactions, PriceBook prices,
                                      CostProperties properties, MeterRegistry meters) {
        return new CompletionLedger(jdbc, new TransactionTemplate(transactions), prices, properties.featureTag(),
                meters);
    }

    @Bean
    CompletionsListener completionsListener(CompletionLedger ledger, SpendUpdates spendUpdates, MeterRegistry meters) {
        return new CompletionsListener(ledger, spendUpdates::publishFor, meters);
    }

    /** Spend per key and team for the routers, on the compacted {@code spend-updates} topic. */
    @Bean(destroyMethod = "close")
    SpendUpdates spendUpdates(JdbcClient jdbc, Clock costClock, Environment environment) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                environment.getRequiredProperty("spring.kafka.bootstrap-servers"),
                ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000,
                ProducerConfig.CLIENT_ID_CONFIG, "cost-spend-updates");
        return new SpendUpdates(jdbc, new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer()),
                SpendUpdate.TOPIC, costClock);
    }

    @Bean
    NewTopic spendUpdatesTopic() {
        return TopicBuilder.name(SpendUpdate.TOPIC).partitions(1).replicas(1).compact().build();
    }

    /**
     * Unreadable events never reach here (the listener skips them). A database outage is retried with back-off for as
     * long as it lasts, so consumption pauses instead of dropping events; a row the database refuses for good is
     * logged with its offset and skipped, so one bad event cannot block the partition.
     */
    @Bean
    CommonErrorHandler completionsErrorHandler() {
        var backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(30_000);
        var handler = new DefaultErrorHandler(backOff);
        handler.addNotRetryableExceptions(DataIntegrityViolationException.class);
        return handler;
    }
}
