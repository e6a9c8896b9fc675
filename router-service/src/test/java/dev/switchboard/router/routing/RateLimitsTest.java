package dev.switchboard.router.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RateLimitsTest {

    @Test
    void headroomIsTheSmallestShareLeftOverRequestsAndTokens() {
        Map<String, String> openAi = Map.of("x-ratelimit-limit-requests", "500", "x-ratelimit-remaining-requests", "450",
                "x-ratelimit-limit-tokens", "30000", "x-ratelimit-remaining-tokens", "1500");
        assertThat(RateLimits.headroom(openAi::get)).isEqualTo(0.05);
        Map<String, String> anthropic = Map.of("anthropic-ratelimit-requests-limit", "50",
                "anthropic-ratelimit-requests-remaining", "25");
        assertThat(RateLimits.headroom(anthropic::get)).isEqualTo(0.5);
        assertThat(RateLimits.headroom(Map.<String, String>of()::get)).isEqualTo(1.0);
        assertThat(RateLimits.headroom(Map.of("x-ratelimit-limit-requests", "0", "x-ratelimit-remaining-requests", "x")::get))
                .isEqualTo(1.0);
    }
}
