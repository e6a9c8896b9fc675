package dev.switchboard.router.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.contracts.config.Budget;
import dev.switchboard.contracts.config.ConfigParser;
import dev.switchboard.contracts.identity.Principal;
import dev.switchboard.contracts.identity.SignedPrincipal;
import dev.switchboard.router.RouterServiceApplication;
import dev.switchboard.testkit.TempYaml;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real router with the mock provider and the in-memory ledger; {@link PricedMock} prices {@code mock/echo} at
 * 1,000 µ$ a token.
 */
@SpringBootTest(classes = {RouterServiceApplication.class, PricedMock.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=router", "switchboard.internal-secret=" + BudgetsEndpointTest.SECRET})
class BudgetsEndpointTest {

    static final String SECRET = "router-test-secret-budgets-01";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final SignedPrincipal signer = new SignedPrincipal(SECRET, Clock.systemUTC());

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("switchboard.config", () -> TempYaml.write("""
                providers:
                  mock: { kind: mock }
                models:
                  echo: mock/echo
                keys:
                  - { name: roomy, key-sha256: %s, budgets: [ { limit: "5.00", period: daily, alert-at: 0.8 } ] }
                  - { name: tiny, key-sha256: %s, budgets: [ { limit: "0.01", period: daily } ] }
                  - { name: free, key-sha256: %s }
                """.formatted(ConfigParser.sha256("k1"), ConfigParser.sha256("k2"), ConfigParser.sha256("k3")))
                .toString());
        registry.add("switchboard.reload-interval", () -> "1h");
    }

    @Autowired
    Environment environment;

    @Autowired
    BudgetLedger ledger;

    WebTestClient client;

    @BeforeEach
    void client() {
        client = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + environment.getProperty("local.server.port")).build();
    }

    private WebTestClient.ResponseSpec post(String key, String path, String body) {
        return client.post().uri(path).header(SignedPrincipal.HEADER, signer.sign(new Principal(key)))
                .header("anthropic-version", "2023-06-01")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private static String chat(int maxTokens) {
        return """
                {"model":"echo","max_tokens":%d,"messages":[{"role":"user","content":"hello"}]}
                """.formatted(maxTokens);
    }

    private static String today(String key) {
        Instant now = Instant.now();
        return "key:" + key + ":daily:" + LocalDate.ofInstant(Budget.Period.DAILY.start(now), ZoneOffset.UTC);
    }

    private long[] usage(String windowId) {
        return ((InMemoryBudgetLedger) ledger).usage(windowId);
    }

    @Test
    void refusesWithOpenAisEnvelopeWhenTheWorstCaseDoesNotFit() {
        // worst case: ~6 input tokens + 10 output tokens at 1,000 µ$ = 16,000 µ$ > the 10,000 µ$ of 'tiny'
        JsonNode error = JSON.readTree(post("tiny", "/v1/chat/completions", chat(10))
                .expectStatus().isEqualTo(402).expectBody(String.class).returnResult().getResponseBody()).get("error");

        assertThat(error.get("code").asString()).isEqualTo("budget_exceeded");
        assertThat(error.get("type").asString()).isEqualTo("insufficient_quota");
        Instant reset = Budget.Period.DAILY.end(Instant.now());
        assertThat(error.get("message").asString()).isEqualTo("budget 'daily' of key 'tiny' (0.01 USD) would be "
                + "exceeded by this request; it resets at " + reset);
        assertThat(usage(today("tiny"))).as("nothing reserved, nothing spent").containsExactly(0, 0);
    }

    @Test
    void refusesWithAnthropicsBillingErrorOnMessages() {
        String body = post("tiny", "/v1/messages", chat(10)).expectStatus().isEqualTo(402)
                .expectBody(String.class).returnResult().getResponseBody();

        JsonNode root = JSON.readTree(body);
        assertThat(root.get("type").asString()).isEqualTo("error");
        assertThat(root.at("/error/type").asString()).isEqualTo("billing_error");
        assertThat(root.at("/error/message").asString()).startsWith("budget 'daily' of key 'tiny' (0.01 USD)");
    }

    @Test
    void aRequestWithinBudgetPassesAndItsCostIsSettled() {
        String window = today("roomy");
        long spentBefore = usage(window)[0];
        JsonNode body = JSON.readTree(post("roomy", "/v1/chat/completions", chat(10))
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());

        long tokens = body.at("/usage/prompt_tokens").asLong() + body.at("/usage/completion_tokens").asLong();
        assertThat(tokens).isPositive();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(usage(window)).containsExactly(spentBefore + tokens * 1_000, 0));
    }

    @Test
    void aStreamedMessageWithinBudgetIsSettledToo() {
        String window = today("roomy");
        String body = """
                {"model":"echo","max_tokens":10,"stream":true,"messages":[{"role":"user","content":"hello"}]}
                """;
        long spentBefore = usage(window)[0];
        String sse = post("roomy", "/v1/messages", body).expectStatus().isOk().expectBody(String.class)
                .returnResult().getResponseBody();

        assertThat(sse).contains("message_stop");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            long[] now = usage(window);
            assertThat(now[0]).isGreaterThan(spentBefore);
            assertThat(now[1]).isZero();
        });
    }

    @Test
    void aStreamThatWouldOverspendItsReservationIsCutOffWithAnErrorEvent() {
        // the mock echoes all 400 characters whatever max_tokens says; the reservation pays for 5 output tokens
        String words = "ab cd ".repeat(67).substring(0, 400);
        String body = """
                {"model":"echo","max_tokens":5,"stream":true,"messages":[{"role":"user","content":"%s"}]}
                """.formatted(words);
        String sse = post("roomy", "/v1/chat/completions", body).expectStatus().isOk().expectBody(String.class)
                .returnResult().getResponseBody();

        var text = new StringBuilder();
        sse.lines().filter(l -> l.startsWith("data: {\"id\"")).map(l -> JSON.readTree(l.substring(6)))
                .forEach(chunk -> text.append(chunk.at("/choices/0/delta/content").asString("")));
        assertThat(text.length()).as("cut well before the echo ended").isLessThan(40);
        JsonNode error = sse.lines().filter(l -> l.startsWith("data: {\"error\"")).map(l -> JSON.readTree(l.substring(6)))
                .findFirst().orElseThrow().get("error");
        assertThat(error.get("code").asString()).isEqualTo("budget_exceeded");
        assertThat(error.get("message").asString()).startsWith("the answer was cut off after about 5 output tokens: "
                + "more would exceed budget 'daily' of key 'roomy' (5.00 USD)");
    }

    @Test
    void aKeyWithoutBudgetsIsNotCounted() {
        post("free", "/v1/chat/completions", chat(10_000)).expectStatus().isOk();

        assertThat(usage(today("free"))).containsExactly(0, 0);
    }
}
