package dev.switchboard.router.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.switchboard.router.events.SampleEvents;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CompletionMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final CompletionMetrics metrics = new CompletionMetrics(registry);

    @Test
    void everyTokenTypeCostTimingAndAttemptIsCountedPerLabelSet() {
        metrics.accept(SampleEvents.event("a"));
        metrics.accept(SampleEvents.event("b"));

        assertThat(registry.get("switchboard.requests").tags("ingress", "openai", "route", "gpt-4o-mini",
                "provider", "openai", "model", "gpt-4o-mini-2024-07-18", "key", "my-app", "team", "none",
                "status", "200", "error_category", "none").counter().count()).isEqualTo(2);
        assertThat(tokens("input")).isEqualTo(240);
        assertThat(tokens("output")).isEqualTo(80);
        assertThat(tokens("cached_input")).isEqualTo(200);
        assertThat(tokens("reasoning")).isEqualTo(16);
        assertThat(registry.get("switchboard.cost.usd").tags("provider", "openai", "key", "my-app", "team", "none")
                .counter().count()).isCloseTo(0.000093, offset(1e-12));
        var duration = registry.get("switchboard.request.duration").tags("provider", "openai").timer();
        assertThat(duration.count()).isEqualTo(2);
        assertThat(duration.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(1700);
        assertThat(registry.get("switchboard.time.to.first.token").timer().totalTime(TimeUnit.MILLISECONDS))
                .isEqualTo(620);
        assertThat(registry.get("switchboard.upstream.attempts").tags("outcome", "FAILED",
                "error_category", "RATE_LIMITED").counter().count()).isEqualTo(2);
        assertThat(registry.get("switchboard.upstream.attempts").tags("outcome", "SUCCEEDED",
                "error_category", "none").counter().count()).isEqualTo(2);
        assertThat(registry.find("switchboard.requests").counters()).as("one meter per label set").hasSize(1);
    }

    private double tokens(String type) {
        return registry.get("switchboard.tokens").tags("provider", "openai", "model", "gpt-4o-mini-2024-07-18",
                "key", "my-app", "team", "none", "type", type).counter().count();
    }
}
