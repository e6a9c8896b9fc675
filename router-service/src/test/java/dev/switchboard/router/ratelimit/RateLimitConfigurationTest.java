package dev.switchboard.router.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class RateLimitConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(RateLimitConfiguration.class);

    @Test
    void countsInMemoryWhenNoRedisIsConfigured() {
        context.run(app -> {
            assertThat(app.getBean(RateLimiter.class)).isInstanceOf(InMemoryRateLimiter.class);
            assertThat(app.getBean(RateLimitProperties.class).keyPrefix()).isEqualTo("sb:rl:");
        });
    }

    @Test
    void sharesTheCountsThroughRedisWhenAUrlIsSet() {
        context.withPropertyValues("switchboard.rate-limits.redis-url=redis://127.0.0.1:6379/0")
                .run(app -> assertThat(app.getBean(RateLimiter.class)).isInstanceOf(RedisRateLimiter.class));
        context.withPropertyValues("spring.data.redis.url=redis://127.0.0.1:6379/0")
                .run(app -> assertThat(app.getBean(RateLimiter.class)).isInstanceOf(RedisRateLimiter.class));
    }
}
