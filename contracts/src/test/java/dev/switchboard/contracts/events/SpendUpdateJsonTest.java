package dev.switchboard.contracts.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.contracts.config.Budget;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SpendUpdateJsonTest {

    @Test
    void roundTripsExactlyAndPicksThePeriodsWindow() {
        var update = new SpendUpdate("team", "payments", Instant.parse("2026-11-25T10:00:00Z"),
                new BigDecimal("0.000135"), new BigDecimal("1.5"), new BigDecimal("12.000001"), new BigDecimal("99"));
        byte[] json = SpendUpdateJson.write(update);
        assertThat(new String(json, StandardCharsets.UTF_8)).contains("\"v\":1").contains("\"daily\":0.000135");
        assertThat(SpendUpdateJson.read(json)).isEqualTo(update);
        assertThat(update.recordKey()).isEqualTo("team:payments");
        assertThat(update.spent(Budget.Period.MONTHLY)).isEqualByComparingTo("12.000001");
        assertThat(update.spent(Budget.Period.TOTAL)).isEqualByComparingTo("99");
        assertThatThrownBy(() -> SpendUpdateJson.read("{\"v\":9}".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("version 9");
    }
}
