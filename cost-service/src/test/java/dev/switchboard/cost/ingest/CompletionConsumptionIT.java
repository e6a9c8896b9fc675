package dev.switchboard.cost.ingest;

import static dev.switchboard.cost.TestEvents.completion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.contracts.catalog.ModelCatalog;
import dev.switchboard.contracts.chat.TokenUsage;
import dev.switchboard.contracts.events.CompletionEvent;
import dev.switchboard.contracts.events.CompletionEventJson;
import dev.switchboard.cost.CostServiceTestBase;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;

/** Events produced to the embedded broker, consumed by the listener, read back from PostgreSQL. */
class CompletionConsumptionIT extends CostServiceTestBase {

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    MeterRegistry meters;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void consumesAsTheCostServiceGroup() {
        assertThat(listeners.getListenerContainer("cost-completions")).isNotNull()
                .extracting(container -> container.getGroupId()).isEqualTo("cost-service");
    }

    @Test
    void chargesCachedTokensAtTheCachedPriceAndReasoningOnceThroughKafka() {
        putPrice("acme", "m1", "1.25", "10", "0.125", "1.5625");
        // 400 plain input, 1200 cache reads, 400 cache writes; 700 output of which 300 reasoning
        publish(completion("req-arith").servedBy("acme", "m1", new TokenUsage(2000, 700, 1200, 400, 300)).build());

        awaitRecorded("req-arith");

        // 400*1.25 + 1200*0.125 + 400*1.5625 + 700*10 = 8275 USD per million tokens
        assertThat(cost("req-arith")).isEqualTo(new BigDecimal("0.008275000"));
        var tokens = jdbc.sql("SELECT input_tokens, output_tokens, cached_input_tokens, cache_write_tokens, "
                + "reasoning_tokens FROM completions WHERE request_id = 'req-arith'")
                .query((rs, row) -> new TokenUsage(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5))).single();
        assertThat(tokens).isEqualTo(new TokenUsage(2000, 700, 1200, 400, 300));
        assertThat(daily("cost_usd", "app-key")).isEqualTo("0.008275000");
    }

    @Test
    void pricesAProviderNamedOtherThanItsKindByTheModelIdInTheCatalog() {
        var usage = new TokenUsage(1234, 567, 1000, 0, 100);
        publish(completion("req-eu").servedBy("openai-eu", "gpt-4o-mini", usage).build());

        awaitRecorded("req-eu");

        BigDecimal expected = ModelCatalog.builtIn().find("openai", "gpt-4o-mini").orElseThrow().price().cost(usage);
        assertThat(cost("req-eu")).isEqualByComparingTo(expected).isPositive();
    }

    @Test
    void chargesARedeliveredEventOnce() {
        putPrice("acme", "m1", "1", "2", null, null);
        CompletionEvent event = completion("req-twice").servedBy("acme", "m1", TokenUsage.of(1000, 500)).build();
        publish(event);
        publish(event);
        publish(completion("req-after").key("other-key").build());

        awaitRecorded("req-after");

        assertThat(jdbc.sql("SELECT count(*) FROM completions WHERE request_id = 'req-twice'").query(Long.class)
                .single()).isEqualTo(1);
        assertThat(daily("requests", "app-key")).isEqualTo("1");
        assertThat(daily("cost_usd", "app-key")).isEqualTo("0.002000000");
        assertThat(counter("duplicate")).isPositive();
    }

    @Test
    void aPriceOverrideChangesLaterCostsOnly() {
        putPrice("acme", "m1", "1", "2", null, null);
        publish(completion("req-before").servedBy("acme", "m1", TokenUsage.of(1000, 1000)).build());
        awaitRecorded("req-before");

        putPrice("acme", "m1", "3", "4", null, null);
        publish(completion("req-later").servedBy("acme", "m1", TokenUsage.of(1000, 1000)).build());
        awaitRecorded("req-later");

        assertThat(cost("req-before")).isEqualByComparingTo("0.003");
        assertThat(cost("req-later")).isEqualByComparingTo("0.007");
        assertThat(daily("cost_usd", "app-key")).isEqualTo("0.010000000");
    }

    @Test
    void anUnknownPriceIsRecordedAsNullCostAndCounted() {
        double before = meters.counter("switchboard.cost.unpriced").count();
        publish(completion("req-unknown").servedBy("nowhere", "no-such-model-anywhere", TokenUsage.of(10, 10)).build());

        awaitRecorded("req-unknown");

        assertThat(cost("req-unknown")).isNull();
        assertThat(daily("unpriced_requests", "app-key")).isEqualTo("1");
        assertThat(daily("cost_usd", "app-key")).isEqualTo("0.000000000");
        assertThat(meters.counter("switchboard.cost.unpriced").count()).isEqualTo(before + 1);
    }

    @Test
    void skipsMalformedMessagesAndConsumesTheNextOne() {
        double before = counter("malformed");
        kafka.send("completions", "bad-json", "{not json".getBytes(StandardCharsets.UTF_8));
        kafka.send("completions", "newer", "{\"v\":99,\"requestId\":\"x\"}".getBytes(StandardCharsets.UTF_8));
        kafka.send("completions", "missing-fields", "{\"v\":1,\"requestId\":\"x\"}".getBytes(StandardCharsets.UTF_8));
        kafka.send("completions", "tombstone", null);
        publish(completion("req-good").build());

        awaitRecorded("req-good");

        assertThat(counter("malformed")).isEqualTo(before + 4);
        assertThat(jdbc.sql("SELECT count(*) FROM completions").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void addsARaceLosersBilledTokensToTheRequestsCost() {
        putPrice("acme", "m1", "1", "2", null, null);
        putPrice("fast", "f1", "10", "20", null, null);
        publish(completion("req-race")
                .attemptBefore("fast", "f1", "CANCELLED", TokenUsage.of(100, 10), 300)
                .servedBy("acme", "m1", TokenUsage.of(1000, 100))
                .build());

        awaitRecorded("req-race");

        // served 1000*1 + 100*2 = 1200; loser 100*10 + 10*20 = 1200
        assertThat(cost("req-race")).isEqualByComparingTo("0.0024");
        var attempts = jdbc.sql("SELECT a->>'outcome', a->>'served', a->>'costUsd' FROM completions "
                        + "CROSS JOIN LATERAL jsonb_array_elements(attempts) a WHERE request_id = 'req-race'")
                .query((rs, row) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3)).list();
        assertThat(attempts).containsExactly("CANCELLED false 0.001200000", "SUCCEEDED true 0.001200000");
    }

    private void publish(CompletionEvent event) {
        kafka.send("completions", event.requestId(), CompletionEventJson.write(event));
    }

    private void awaitRecorded(String requestId) {
        kafka.flush();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(25)).until(() ->
                jdbc.sql("SELECT count(*) FROM completions WHERE request_id = :id").param("id", requestId)
                        .query(Long.class).single() == 1);
    }

    private @Nullable BigDecimal cost(String requestId) {
        return jdbc.sql("SELECT cost_usd FROM completions WHERE request_id = :id").param("id", requestId)
                .query((rs, row) -> Optional.ofNullable(rs.getBigDecimal(1))).single().orElse(null);
    }

    private String daily(String column, String key) {
        return jdbc.sql("SELECT sum(" + column + ")::text FROM spend_daily WHERE key_name = :key").param("key", key)
                .query(String.class).single();
    }

    private double counter(String outcome) {
        return meters.counter("switchboard.cost.events", "outcome", outcome).count();
    }

    private void putPrice(String provider, String model, String input, String output, @Nullable String cached,
                          @Nullable String cacheWrite) {
        jdbc.sql("INSERT INTO price_overrides VALUES (:p, :m, :i, :o, :c, :w, now()) ON CONFLICT (provider, model) "
                        + "DO UPDATE SET input_per_mtok = EXCLUDED.input_per_mtok, "
                        + "output_per_mtok = EXCLUDED.output_per_mtok")
                .params(Map.of("p", provider, "m", model, "i", new BigDecimal(input), "o", new BigDecimal(output)))
                .param("c", cached == null ? null : new BigDecimal(cached), java.sql.Types.NUMERIC)
                .param("w", cacheWrite == null ? null : new BigDecimal(cacheWrite), java.sql.Types.NUMERIC)
                .update();
    }
}
