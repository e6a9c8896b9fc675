package dev.switchboard.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.allinone.InProcessKafka;
import dev.switchboard.contracts.catalog.ModelCatalog;
import dev.switchboard.contracts.config.ConfigParser;
import dev.switchboard.contracts.identity.Principal;
import dev.switchboard.contracts.identity.SignedPrincipal;
import dev.switchboard.cost.CostServiceApplication;
import dev.switchboard.router.RouterServiceApplication;
import dev.switchboard.testkit.FakeUpstream;
import dev.switchboard.testkit.RawResponse;
import io.lettuce.core.RedisClient;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Accounting that holds under load and faults: 1,500 requests from 16 threads through two router replicas sharing a
 * budget in the machine's Redis, an upstream that fails one call in ten (503 or 429, retried), and the Kafka broker
 * taken away for three seconds in the middle (a third of the requests are sent while it is down). Afterwards cost-service (on the machine's PostgreSQL) has one record per request,
 * its spend equals the catalog price times the upstream's usage of every answered request to the micro-dollar, and
 * the budget held.
 */
class AccountingIntegritySystemTest {

    private static final String SECRET = "integrity-test-secret-0123456789";
    private static final String REDIS = "redis://127.0.0.1:6379/0";
    private static final int REQUESTS = 1500;
    private static final long PROMPT_TOKENS = 100;
    private static final long COMPLETION_TOKENS = 200;
    /** 400 characters: the router estimates 104 input tokens, a little above what the upstream reports. */
    private static final String PROMPT = "x".repeat(400);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @RegisterExtension
    final FakeUpstream upstream = new FakeUpstream();

    private final String prefix = "switchboard-integrity:" + UUID.randomUUID() + ":";
    private final String schema = "cost_integrity_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final List<ConfigurableApplicationContext> services = new ArrayList<>();
    private InProcessKafka kafka;

    @AfterEach
    void stop() throws Exception {
        services.reversed().forEach(ConfigurableApplicationContext::close);
        if (kafka != null) {
            kafka.close();
        }
        RedisClient client = RedisClient.create(REDIS);
        try (var connection = client.connect()) {
            List<String> keys = connection.sync().keys(prefix + "*");
            if (!keys.isEmpty()) {
                connection.sync().del(keys.toArray(String[]::new));
            }
        } finally {
            client.shutdown();
        }
        try (var db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "")) {
            db.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    @Test
    void spendEqualsPriceTimesUsageAndTheBudgetHolds() throws Exception {
        var price = ModelCatalog.builtIn().find("openai", "gpt-4o-mini-2024-07-18").orElseThrow().price();
        BigDecimal unitCost = price.expectedCost(PROMPT_TOKENS, COMPLETION_TOKENS);
        BigDecimal budget = unitCost.multiply(BigDecimal.valueOf(1000)).setScale(6, RoundingMode.DOWN);
        Path dir = Files.createTempDirectory("switchboard-integrity");
        kafka = InProcessKafka.start(dir.resolve("kafka"));
        String config = Files.writeString(dir.resolve("switchboard.yaml"), """
                providers:
                  openai: { kind: openai, base-url: %s/v1, api-key: env:OPENAI_API_KEY }
                models:
                  gpt-4o-mini:
                    targets: [ openai/gpt-4o-mini-2024-07-18 ]
                    retry: { attempts: 3, backoff: 5ms, max-backoff: 20ms }
                keys:
                  - { name: app, key-sha256: %s, budgets: [ { limit: "%s", period: total } ] }
                """.formatted(upstream.baseUrl(), ConfigParser.sha256("unused"), budget.toPlainString())).toString();
        queueFaults();

        startCostService();
        int[] routers = {startRouter(config, dir.resolve("spool-1")), startRouter(config, dir.resolve("spool-2"))};
        var statuses = load(routers);
        assertThat(upstream.requests().size()).as("failed upstream calls were retried").isGreaterThan(
                statuses.getOrDefault(200, 0));

        int answered = statuses.getOrDefault(200, 0);
        int total = statuses.values().stream().mapToInt(Integer::intValue).sum();
        assertThat(total).isEqualTo(REQUESTS);
        assertThat(statuses.keySet()).as("answered, budget refusals and upstream failures only")
                .isSubsetOf(200, 402, 429, 503);
        assertThat(answered).isBetween(900, 1000);
        assertThat(statuses.getOrDefault(402, 0)).isPositive();

        JsonNode spend = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> spend(), node -> node.path("total").path("requests").asLong() >= REQUESTS);
        assertThat(spend.path("total").path("requests").asLong()).as("one record per request").isEqualTo(REQUESTS);
        BigDecimal recorded = new BigDecimal(spend.path("total").path("costUsd").asText());
        assertThat(recorded).as("spend = price x usage of every answered request")
                .isEqualByComparingTo(unitCost.multiply(BigDecimal.valueOf(answered)));
        assertThat(recorded).as("never past the budget by more than one request's worst case")
                .isLessThanOrEqualTo(budget.add(unitCost.multiply(BigDecimal.valueOf(2))));
        System.out.printf("integrity: %s; recorded %s USD of a %s USD budget%n", statuses, recorded.toPlainString(),
                budget.toPlainString());
    }

    /** One upstream call in ten fails before any output: 503s and 429s spread through the run. */
    private void queueFaults() {
        upstream.respondByDefault(completion());
        for (int i = 0; i < REQUESTS; i++) {
            upstream.respond(i % 20 == 7 ? RawResponse.json(503, "{\"error\":{\"message\":\"overloaded\"}}")
                    : i % 20 == 13 ? RawResponse.json(429, "{\"error\":{\"message\":\"slow down\"}}") : completion());
        }
    }

    private static RawResponse completion() {
        return RawResponse.json(200, """
                {"id":"chatcmpl-i","object":"chat.completion","created":1,"model":"gpt-4o-mini-2024-07-18",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"counted"},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":%d,"completion_tokens":%d,"total_tokens":%d}}
                """.formatted(PROMPT_TOKENS, COMPLETION_TOKENS, PROMPT_TOKENS + COMPLETION_TOKENS));
    }

    private void startCostService() {
        services.add(CostServiceApplication.builder().run("--spring.config.name=cost", "--server.port=0",
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/test", "--cost.db-schema=" + schema,
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--spring.kafka.consumer.group-id=" + schema,
                "--spring.kafka.consumer.properties[session.timeout.ms]=6000",
                "--spring.cloud.gateway.server.webflux.enabled=false"));
    }

    private int startRouter(String config, Path spool) {
        var router = RouterServiceApplication.builder().run("--spring.config.name=router", "--server.port=0",
                "--switchboard.internal-secret=" + SECRET, "--switchboard.config=" + config,
                "--OPENAI_API_KEY=sk-upstream", "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--switchboard.events.spool-dir=" + spool, "--switchboard.budgets.redis-url=" + REDIS,
                "--switchboard.budgets.key-prefix=" + prefix, "--spring.autoconfigure.exclude="
                        + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration");
        services.add(router);
        return Integer.parseInt(router.getEnvironment().getProperty("local.server.port"));
    }

    /**
     * 16 threads alternate the two routers in three phases: a third of the requests with the broker up, a third while
     * it is down (restarted with 3 s of downtime), the last third once it is back.
     */
    private ConcurrentHashMap<Integer, Integer> load(int[] routers) throws Exception {
        var statuses = new ConcurrentHashMap<Integer, Integer>();
        try (var pool = Executors.newFixedThreadPool(17)) {
            send(pool, routers, REQUESTS / 3, statuses);
            Future<?> restart = pool.submit(() -> {
                kafka.restart(Duration.ofSeconds(3));
                return null;
            });
            send(pool, routers, REQUESTS / 3, statuses);
            restart.get();
            send(pool, routers, REQUESTS - 2 * (REQUESTS / 3), statuses);
        }
        return statuses;
    }

    private void send(ExecutorService pool, int[] routers, int count,
                      ConcurrentHashMap<Integer, Integer> statuses) throws Exception {
        var signer = new SignedPrincipal(SECRET, Clock.systemUTC());
        var next = new AtomicInteger();
        String body = "{\"model\":\"gpt-4o-mini\",\"max_tokens\":" + COMPLETION_TOKENS
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"" + PROMPT + "\"}]}";
        List<Future<?>> senders = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            senders.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + routers[i % 2]
                                    + "/v1/chat/completions"))
                            .header(SignedPrincipal.HEADER, signer.sign(new Principal("app")))
                            .header("content-type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    statuses.merge(HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode(), 1,
                            Integer::sum);
                }
                return null;
            }));
        }
        for (Future<?> sender : senders) {
            sender.get();
        }
    }

    private JsonNode spend() throws Exception {
        String url = "http://127.0.0.1:" + services.getFirst().getEnvironment().getProperty("local.server.port")
                + "/v1/spend?groupBy=key";
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(response.body());
    }
}
