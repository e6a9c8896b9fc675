package dev.switchboard.cost.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogRefreshScheduleTest {

    private static final String FEED = """
            {"gpt-x": {"litellm_provider": "openai", "mode": "chat", "max_input_tokens": 1000,
                       "input_cost_per_token": %s, "output_cost_per_token": 1e-05}}""";

    @TempDir
    Path dir;

    @Test
    void refreshesAtStartThenEveryInterval() throws IOException {
        Path file = write("1e-06");
        var refresh = new CatalogRefresh(PriceFeedSource.of(file.toString(), 1_000_000, Duration.ofSeconds(5)),
                PriceFeedFormat.LITELLM, Clock.systemUTC());
        var schedule = new CatalogRefreshSchedule(refresh, Duration.ofMillis(50));

        schedule.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> input(refresh).equals(new BigDecimal("1")));
            write("3e-06");
            await().atMost(Duration.ofSeconds(10)).until(() -> input(refresh).equals(new BigDecimal("3")));
        } finally {
            schedule.stop();
        }
        assertThat(schedule.isRunning()).isFalse();
    }

    @Test
    void doesNothingWithoutAFeed() {
        var schedule = new CatalogRefreshSchedule(new CatalogRefresh(null, PriceFeedFormat.AUTO, Clock.systemUTC()),
                Duration.ofHours(24));

        schedule.start();

        assertThat(schedule.isRunning()).isFalse();
    }

    private static BigDecimal input(CatalogRefresh refresh) {
        return refresh.catalog().find("openai", "gpt-x").map(info -> info.price().input()).orElse(BigDecimal.ZERO);
    }

    private Path write(String inputPerToken) throws IOException {
        Path file = dir.resolve("prices.json");
        Path temp = dir.resolve("prices.json.tmp");
        Files.writeString(temp, FEED.formatted(inputPerToken), StandardCharsets.UTF_8);
        return Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }
}
