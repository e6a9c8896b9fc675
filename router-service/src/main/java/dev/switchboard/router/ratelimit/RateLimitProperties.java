package dev.switchboard.router.ratelimit;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where rate limits are counted.
 *
 * @param redisUrl  the Redis all router replicas share ({@code redis://host:6379/0}); when neither this nor
 *                  {@code spring.data.redis.url} is set, the counts are in memory (one process: the all-in-one)
 * @param keyPrefix put before every Redis key of the limiter
 */
@ConfigurationProperties("switchboard.rate-limits")
public record RateLimitProperties(@Nullable String redisUrl, @DefaultValue("sb:rl:") String keyPrefix) {
}
