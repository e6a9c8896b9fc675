package dev.switchboard.router.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.config.ConfigParser;
import dev.switchboard.contracts.identity.Principal;
import dev.switchboard.contracts.identity.SignedPrincipal;
import dev.switchboard.router.RouterServiceApplication;
import dev.switchboard.testkit.TempYaml;
import io.lettuce.core.RedisClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two router replicas sharing the machine's Redis (127.0.0.1:6379): a key limited to 20 requests per minute and a team
 * limited to 30, hammered through both replicas at once, get exactly that many answers between them; the rest are
 * 429s with {@code retry-after}.
 */
class RateLimitAcrossReplicasIT {

    private static final String URL = System.getProperty("switchboard.test.redis-url", "redis://127.0.0.1:6379/0");
    private static final String SECRET = "replicas-test-secret-0123456789";

    private final String prefix = "switchboard-test:" + UUID.randomUUID() + ":";
    private final List<ConfigurableApplicationContext> replicas = new ArrayList<>();

    @AfterEach
    void stop() {
        replicas.forEach(ConfigurableApplicationContext::close);
        RedisClient client = RedisClient.create(URL);
        try (var connection = client.connect()) {
            List<String> keys = connection.sync().keys(prefix + "*");
            if (!keys.isEmpty()) {
                connection.sync().del(keys.toArray(String[]::new));
            }
        } finally {
            client.shutdown();
        }
    }

    private int startReplica(String config) {
        var context = RouterServiceApplication.builder().run("--spring.config.name=router", "--server.port=0",
                "--switchboard.internal-secret=" + SECRET, "--switchboard.config=" + config,
                "--switchboard.rate-limits.redis-url=" + URL, "--switchboard.rate-limits.key-prefix=" + prefix,
                "--switchboard.reload-interval=1h");
        replicas.add(context);
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    @Test
    void theLimitsHoldForThePair() throws Exception {
        String config = TempYaml.write("""
                providers:
                  mock: { kind: mock }
                models:
                  echo: mock/echo
                teams:
                  - { name: payments, limits: { requests-per-minute: 30 } }
                keys:
                  - { name: app, key-sha256: %s, limits: { requests-per-minute: 20 } }
                  - { name: batch, key-sha256: %s, team: payments }
                  - { name: cron, key-sha256: %s, team: payments }
                """.formatted(ConfigParser.sha256("k1"), ConfigParser.sha256("k2"), ConfigParser.sha256("k3")))
                .toString();
        int[] ports = {startReplica(config), startReplica(config)};

        assertThat(hammer(ports, List.of("app"), 60)).containsEntry(200, 20).containsEntry(429, 40);
        assertThat(hammer(ports, List.of("batch", "cron"), 60)).containsEntry(200, 30).containsEntry(429, 30);
    }

    /** Sends {@code total} requests from 8 threads, alternating replicas and keys; counts statuses. */
    private ConcurrentHashMap<Integer, Integer> hammer(int[] ports, List<String> keys, int total) throws Exception {
        var signer = new SignedPrincipal(SECRET, Clock.systemUTC());
        var http = HttpClient.newHttpClient();
        var statuses = new ConcurrentHashMap<Integer, Integer>();
        var next = new AtomicInteger();
        var missingRetryAfter = new AtomicInteger();
        try (var pool = Executors.newFixedThreadPool(8)) {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                running.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports[i % 2]
                                        + "/v1/chat/completions"))
                                .header(SignedPrincipal.HEADER, signer.sign(new Principal(keys.get(i % keys.size()))))
                                .header("content-type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"model\":\"echo\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
                                .build();
                        var response = http.send(request, HttpResponse.BodyHandlers.discarding());
                        statuses.merge(response.statusCode(), 1, Integer::sum);
                        if (response.statusCode() == 429 && response.headers().firstValue("retry-after").isEmpty()) {
                            missingRetryAfter.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        }
        assertThat(missingRetryAfter).hasValue(0);
        return statuses;
    }
}
