package dev.switchboard.router.budget;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The budget beans: key and team budgets from the caller's policy, a Redis or in-memory ledger, the guard. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BudgetProperties.class)
public class BudgetConfiguration {

    private static final Logger log = LoggerFactory.getLogger(BudgetConfiguration.class);

    @Bean
    BudgetAlerts budgetAlerts(ObjectProvider<MeterRegistry> meters) {
        return new BudgetAlerts(meters.getIfUnique());
    }

    /** Redis when {@code switchboard.budgets.redis-url} (or {@code spring.data.redis.url}) is set, else in memory. */
    @Bean
    BudgetLedger budgetLedger(BudgetProperties properties, Environment environment, BudgetAlerts alerts) {
        String url = properties.redisUrl();
        if (url == null || url.isBlank()) {
            url = environment.getProperty("spring.data.redis.url");
        }
        if (url == null || url.isBlank()) {
            log.info("budget reservations are counted in memory (set switchboard.budgets.redis-url to share them)");
            return new InMemoryBudgetLedger(alerts);
        }
        log.info("budget reservations are counted in Redis under '{}'", properties.keyPrefix());
        return new RedisBudgetLedger(url, properties.keyPrefix(), alerts, Clock.systemUTC());
    }

    @Bean
    BudgetSource budgetSource() {
        return new CallerBudgets();
    }

    @Bean
    BudgetGuard budgetGuard(BudgetSource budgetSource, BudgetLedger budgetLedger) {
        return new BudgetGuard(budgetSource, budgetLedger, Clock.systemUTC());
    }
}
