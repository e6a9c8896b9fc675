package dev.switchboard.providers.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void prefersMillisecondsThenSecondsThenTheTextHint() {
        HttpHeaders headers = new DefaultHttpHeaders().set("retry-after-ms", "1500.5").set("retry-after", "9");
        assertThat(RetryAfter.from(headers, "try again in 3s", NOW)).isEqualTo(Duration.ofNanos(1_500_500_000));
        headers.remove("retry-after-ms");
        assertThat(RetryAfter.from(headers, "try again in 3s", NOW)).isEqualTo(Duration.ofSeconds(9));
        assertThat(RetryAfter.from(new DefaultHttpHeaders(), "Please try again in 5.289s.", NOW))
                .isEqualTo(Duration.ofMillis(5289));
    }

    @Test
    void readsFractionalSecondsAndHttpDates() {
        assertThat(RetryAfter.header("0.25", NOW)).isEqualTo(Duration.ofMillis(250));
        assertThat(RetryAfter.header("Wed, 25 Nov 2026 10:00:30 GMT", NOW)).isEqualTo(Duration.ofSeconds(30));
        assertThat(RetryAfter.header("Wed, 25 Nov 2026 09:00:00 GMT", NOW)).isEqualTo(Duration.ZERO);
        assertThat(RetryAfter.header("soon", NOW)).isNull();
    }

    @Test
    void readsGoStyleDurationsInTextHints() {
        assertThat(RetryAfter.textHint("Please try again in 1m30.5s")).isEqualTo(Duration.ofMillis(90_500));
        assertThat(RetryAfter.textHint("Please try again in 250ms.")).isEqualTo(Duration.ofMillis(250));
        assertThat(RetryAfter.textHint("Rate limit reached")).isNull();
    }
}
