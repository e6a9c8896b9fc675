package dev.switchboard.router.budget;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where budget reservations are counted.
 *
 * @param redisUrl  the Redis all router replicas share ({@code redis://host:6379/0}); when neither this nor
 *                  {@code spring.data.redis.url} is set, the ledger is in memory (one process: the all-in-one)
 * @param keyPrefix put before every Redis key of the ledger
 */
@ConfigurationProperties("switchboard.budgets")
public record BudgetProperties(@Nullable String redisUrl, @DefaultValue("switchboard:budget:") String keyPrefix) {
}
