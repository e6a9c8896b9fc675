package dev.switchboard.router.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.contracts.config.Budget;
import dev.switchboard.contracts.config.ConfigParser;
import dev.switchboard.contracts.identity.Principal;
import dev.switchboard.contracts.identity.SignedPrincipal;
import dev.switchboard.contracts.policy.OrgPolicy;
import dev.switchboard.contracts.policy.PolicyChange;
import dev.switchboard.contracts.policy.Source;
import dev.switchboard.policyview.RemotePolicy;
import dev.switchboard.router.RouterServiceApplication;
import dev.switchboard.testkit.TempYaml;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Organisation budgets through the router's HTTP API: every key of every team of an organisation spends from its
 * budgets. As in {@link BudgetsEndpointTest}, {@code mock/echo} costs 1,000 µ$ a token and the ledger is in memory.
 */
@SpringBootTest(classes = {RouterServiceApplication.class, PricedMock.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=router", "switchboard.internal-secret=" + OrgBudgetsEndpointTest.SECRET,
                "switchboard.reload-interval=1h"})
class OrgBudgetsEndpointTest {

    static final String SECRET = "router-test-secret-org-budgets";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final SignedPrincipal signer = new SignedPrincipal(SECRET, Clock.systemUTC());

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        // globex is named by team gamma but declared nowhere in the file: it has no budgets until the policy
        // service gives it some.
        registry.add("switchboard.config", () -> TempYaml.write("""
                providers:
                  mock: { kind: mock }
                models:
                  echo: mock/echo
                orgs:
                  - { name: acme, budgets: [ { limit: "0.05", period: monthly } ] }
                teams:
                  - { name: alpha, org: acme }
                  - { name: beta, org: acme }
                  - { name: gamma, org: globex }
                keys:
                  - { name: a, key-sha256: %s, team: alpha }
                  - { name: b, key-sha256: %s, team: beta }
                  - { name: g, key-sha256: %s, team: gamma }
                """.formatted(ConfigParser.sha256("k1"), ConfigParser.sha256("k2"), ConfigParser.sha256("k3")))
                .toString());
    }

    @Autowired
    Environment environment;

    @Autowired
    BudgetLedger ledger;

    @Autowired
    RemotePolicy remote;

    WebTestClient client;

    @BeforeEach
    void client() {
        client = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + environment.getProperty("local.server.port")).build();
    }

    /** One chat call (worst case ~16,000 µ$), waiting until its reservation is settled into {@code window}. */
    private EntityExchangeResult<String> chat(String key, String window) {
        var result = client.post().uri("/v1/chat/completions")
                .header(SignedPrincipal.HEADER, signer.sign(new Principal(key)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"model\":\"echo\",\"max_tokens\":10,\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}")
                .exchange().expectBody(String.class).returnResult();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(usage(window)[1]).isZero());
        return result;
    }

    private long[] usage(String windowId) {
        return ((InMemoryBudgetLedger) ledger).usage(windowId);
    }

    private static String window(String org, Budget.Period period) {
        return "org:" + org + ":" + period.label() + ":"
                + LocalDate.ofInstant(period.start(Instant.now()), ZoneOffset.UTC);
    }

    private static String message(EntityExchangeResult<String> result) {
        return JSON.readTree(result.getResponseBody()).at("/error/message").asString();
    }

    @Test
    void keysOfTwoTeamsSpendFromTheirOrgsBudgetAndTheRefusalNamesIt() {
        String acme = window("acme", Budget.Period.MONTHLY);
        assertThat(chat("b", acme).getStatus().value()).as("team beta's key alone fits").isEqualTo(200);
        long spentByB = usage(acme)[0];
        assertThat(spentByB).isPositive();

        int served = 0;
        EntityExchangeResult<String> refused = null;
        for (int i = 0; i < 40 && refused == null; i++) {
            var result = chat("a", acme);
            if (result.getStatus().value() == 200) {
                served++;
            } else {
                refused = result;
            }
        }
        assertThat(served).as("team alpha's key spends until the org budget is used up").isPositive();
        assertThat(refused).isNotNull();
        assertThat(refused.getStatus().value()).isEqualTo(402);
        assertThat(usage(acme)[0]).as("both teams' spend is in one window").isGreaterThan(spentByB);

        var b = chat("b", acme);
        assertThat(b.getStatus().value()).as("team alpha used up what team beta shares").isEqualTo(402);
        assertThat(JSON.readTree(b.getResponseBody()).at("/error/code").asString()).isEqualTo("budget_exceeded");
        assertThat(message(b)).startsWith("budget 'monthly' of org 'acme' (0.05 USD) would be exceeded by this "
                + "request; it resets at " + Budget.Period.MONTHLY.end(Instant.now()));
    }

    @Test
    void anOrgChangeFromThePolicyServiceTakesEffectWithoutRestart() {
        String globex = window("globex", Budget.Period.DAILY);
        assertThat(chat("g", globex).getStatus().value()).as("an undeclared org has no budgets").isEqualTo(200);
        assertThat(usage(globex)).containsExactly(0, 0);

        remote.apply(List.of(PolicyChange.of(100, new OrgPolicy("globex", "globex",
                List.of(new Budget(new BigDecimal("0.01"), Budget.Period.DAILY, null)), Source.API))));
        var refused = chat("g", globex);
        assertThat(refused.getStatus().value()).isEqualTo(402);
        assertThat(message(refused)).startsWith("budget 'daily' of org 'globex' (0.01 USD) would be exceeded");

        remote.apply(List.of(PolicyChange.removed(101, PolicyChange.Entity.ORG, "globex")));
        assertThat(chat("g", globex).getStatus().value()).isEqualTo(200);
    }
}
