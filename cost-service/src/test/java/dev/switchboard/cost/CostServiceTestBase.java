package dev.switchboard.cost;

import dev.switchboard.contracts.identity.Principal;
import dev.switchboard.contracts.identity.Roles;
import dev.switchboard.contracts.identity.SignedPrincipal;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * One application context for every integration test: the machine's PostgreSQL (a schema of its own, unique per run
 * and dropped when the context closes, so parallel builds and reruns never meet) and an embedded KRaft broker.
 * Every test starts from empty tables.
 */
@SpringBootTest(classes = {CostServiceApplication.class, CostServiceTestBase.DropSchema.class,
        CostServiceTestBase.AsPlatformAdmin.class}, properties = {
        "spring.config.name=cost",
        "switchboard.internal-secret=" + CostServiceTestBase.SECRET,
        "spring.datasource.url=jdbc:postgresql://127.0.0.1:${PGPORT:5432}/test",
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "spring.kafka.producer.value-serializer=org.apache.kafka.common.serialization.ByteArraySerializer",
        "spring.kafka.consumer.properties[metadata.max.age.ms]=1000",
        // only model ids no other test uses, so refreshed prices change nothing else (PriceCatalogRefreshIT)
        "switchboard.cost.catalog.refresh-url=src/test/resources/pricing/refresh-it-litellm.json"})
@EmbeddedKafka(partitions = 1, topics = "completions")
@AutoConfigureMockMvc
public abstract class CostServiceTestBase {

    /** The internal secret of the test context; principals signed with it pass the cost API's door. */
    public static final String SECRET = "cost-it-internal-secret-0123456789";
    static final String SCHEMA = "cost_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @Autowired
    protected JdbcClient jdbc;

    @DynamicPropertySource
    static void schema(DynamicPropertyRegistry registry) {
        registry.add("cost.db-schema", () -> SCHEMA);
    }

    @BeforeEach
    void emptyTables() {
        jdbc.sql("TRUNCATE request_bodies, completions, spend_daily, price_overrides").update();
    }

    /** A principal signed as the edge would, for the cost API. */
    public static String signed(Principal principal) {
        return new SignedPrincipal(SECRET, Clock.systemUTC()).sign(principal);
    }

    /** MockMvc calls come from a platform admin unless a test sends another principal. */
    @TestConfiguration(proxyBeanMethods = false)
    static class AsPlatformAdmin {
        @Bean
        MockMvcBuilderCustomizer platformAdminPrincipal() {
            return builder -> builder.defaultRequest(MockMvcRequestBuilders.get("/").header(SignedPrincipal.HEADER,
                    signed(new Principal("admin", null, null, Set.of(Roles.PLATFORM_ADMIN)))));
        }
    }

    /** Drops the test schema when the context closes (before the connection pool does). */
    @TestConfiguration(proxyBeanMethods = false)
    static class DropSchema {
        @Bean
        DisposableBean dropTestSchema(JdbcClient jdbc) {
            return () -> jdbc.sql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE").update();
        }
    }
}
