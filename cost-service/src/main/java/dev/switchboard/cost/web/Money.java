package dev.switchboard.cost.web;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** USD amounts in responses: exact decimal strings without trailing zeros or exponents ({@code "0.0003"}). */
public final class Money {

    private Money() {
    }

    public static @Nullable String usd(@Nullable BigDecimal amount) {
        if (amount == null) {
            return null;
        }
        BigDecimal stripped = amount.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
