package dev.switchboard.router.budget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.config.ConfigFile;
import dev.switchboard.contracts.config.ConfigParser;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class BudgetConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(BudgetConfiguration.class)
            .withBean(ConfigFile.class, () -> new ConfigFile(null, new ConfigParser(name -> null, Set.of()),
                    UnaryOperator.identity()));

    @Test
    void countsInMemoryWhenNoRedisIsConfigured() {
        context.run(app -> assertThat(app.getBean(BudgetLedger.class)).isInstanceOf(InMemoryBudgetLedger.class));
    }

    @Test
    void sharesTheLedgerThroughRedisWhenAUrlIsSet() {
        context.withPropertyValues("switchboard.budgets.redis-url=redis://127.0.0.1:6379/0")
                .run(app -> assertThat(app.getBean(BudgetLedger.class)).isInstanceOf(RedisBudgetLedger.class));
        context.withPropertyValues("spring.data.redis.url=redis://127.0.0.1:6379/0")
                .run(app -> assertThat(app.getBean(BudgetLedger.class)).isInstanceOf(RedisBudgetLedger.class));
    }
}
