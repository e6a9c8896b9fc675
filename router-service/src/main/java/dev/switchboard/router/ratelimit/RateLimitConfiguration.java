package dev.switchboard.router.ratelimit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The rate limiter bean: Redis or in memory. Import it where the limits are enforced. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
public class RateLimitConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RateLimitConfiguration.class);

    /** Redis when {@code switchboard.rate-limits.redis-url} (or {@code spring.data.redis.url}) is set, else memory. */
    @Bean
    RateLimiter rateLimiter(RateLimitProperties properties, Environment environment) {
        String url = properties.redisUrl();
        if (url == null || url.isBlank()) {
            url = environment.getProperty("spring.data.redis.url");
        }
        if (url == null || url.isBlank()) {
            log.info("rate limits are counted in memory (set switchboard.rate-limits.redis-url to share them)");
            return new InMemoryRateLimiter();
        }
        log.info("rate limits are counted in Redis under '{}'", properties.keyPrefix());
        return new RedisRateLimiter(url, properties.keyPrefix());
    }
}
