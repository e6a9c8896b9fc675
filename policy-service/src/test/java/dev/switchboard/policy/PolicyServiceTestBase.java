package dev.switchboard.policy;

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
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * One application context for every integration test: the machine's PostgreSQL (a schema of its own, unique per run
 * and dropped when the context closes) and an embedded KRaft broker. Every test starts from empty tables. Callers
 * are signed with the test's internal secret, as the edge would.
 */
@SpringBootTest(classes = {PolicyServiceApplication.class, PolicyServiceTestBase.DropSchema.class}, properties = {
        "spring.config.name=policy",
        "spring.datasource.url=jdbc:postgresql://127.0.0.1:${PGPORT:5432}/test",
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "switchboard.internal-secret=" + PolicyServiceTestBase.SECRET,
        "switchboard.master-keys=" + PolicyServiceTestBase.MASTER_KEYS})
@EmbeddedKafka(partitions = 1)
@AutoConfigureMockMvc
public abstract class PolicyServiceTestBase {

    static final String SCHEMA = "policy_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    protected static final String SECRET = "test-internal-secret-0123456789";
    /** The active key k2 first, the retired k1 still in the ring. */
    protected static final String OLD_KEY = "k1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    protected static final String MASTER_KEYS = "k2:ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=," + OLD_KEY;

    private static final SignedPrincipal SIGNER = new SignedPrincipal(SECRET, Clock.systemUTC());

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected MockMvc mvc;

    @DynamicPropertySource
    static void schema(DynamicPropertyRegistry registry) {
        registry.add("policy.db-schema", () -> SCHEMA);
    }

    @BeforeEach
    void emptyTables() {
        jdbc.sql("TRUNCATE teams, keys, users, credentials, provider_policies, aliases, routes, changes").update();
        jdbc.sql("DELETE FROM orgs WHERE name <> 'default'").update();
        jdbc.sql("UPDATE orgs SET budgets = '[]', source = 'BUILT_IN' WHERE name = 'default'").update();
    }

    protected static Principal platformAdmin() {
        return new Principal("admin", null, null, Set.of(Roles.PLATFORM_ADMIN));
    }

    protected static Principal teamAdmin(String team) {
        return new Principal("admin-of-" + team, team, null, Set.of(Roles.TEAM_ADMIN));
    }

    protected static Principal viewer(String team) {
        return new Principal("viewer-of-" + team, team, null, Set.of(Roles.VIEWER));
    }

    protected static Principal router() {
        return new Principal("router", null, null, Set.of(Roles.SERVICE));
    }

    protected static MockHttpServletRequestBuilder as(Principal caller, MockHttpServletRequestBuilder request) {
        return request.header(SignedPrincipal.HEADER, SIGNER.sign(caller)).contentType(MediaType.APPLICATION_JSON);
    }

    protected static MockHttpServletRequestBuilder get(Principal caller, String path) {
        return as(caller, MockMvcRequestBuilders.get(path));
    }

    protected static MockHttpServletRequestBuilder post(Principal caller, String path, String json) {
        return as(caller, MockMvcRequestBuilders.post(path).content(json));
    }

    protected static MockHttpServletRequestBuilder put(Principal caller, String path, String json) {
        return as(caller, MockMvcRequestBuilders.put(path).content(json));
    }

    protected static MockHttpServletRequestBuilder delete(Principal caller, String path) {
        return as(caller, MockMvcRequestBuilders.delete(path));
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
