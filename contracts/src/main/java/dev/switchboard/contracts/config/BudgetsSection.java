package dev.switchboard.contracts.config;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads a key's {@code budgets:}, e.g. {@code [ { limit: "25.00", period: monthly, alert-at: 0.8 } ]}: the limit in
 * USD (a decimal string, or a number), one of {@code daily}, {@code weekly}, {@code monthly}, {@code total}, and an
 * optional alert fraction. One budget per period, so a budget is named by its period.
 */
final class BudgetsSection {

    private static final Set<String> KEYS = Set.of("limit", "period", "alert-at");

    private BudgetsSection() {
    }

    static List<Budget> read(YamlNode node) {
        List<Budget> out = new ArrayList<>();
        Set<Budget.Period> seen = EnumSet.noneOf(Budget.Period.class);
        for (YamlNode item : node.items()) {
            Budget budget = budget(item);
            if (budget == null) {
                continue;
            }
            if (!seen.add(budget.period())) {
                item.problem("a second " + budget.name() + " budget (expected at most one budget per period)");
            } else {
                out.add(budget);
            }
        }
        return out;
    }

    private static @Nullable Budget budget(YamlNode node) {
        var fields = node.fields(KEYS);
        if (!node.isObject()) {
            return null;
        }
        BigDecimal limit = null;
        if (fields.containsKey("limit")) {
            limit = limit(fields.get("limit"));
        } else {
            node.problem("limit is required (USD, e.g. \"25.00\")");
        }
        Budget.Period period = null;
        if (fields.containsKey("period")) {
            period = period(fields.get("period"));
        } else {
            node.problem("period is required (daily, weekly, monthly or total)");
        }
        BigDecimal alertAt = fields.containsKey("alert-at") ? alertAt(fields.get("alert-at")) : null;
        return limit == null || period == null ? null : new Budget(limit, period, alertAt);
    }

    private static @Nullable BigDecimal limit(YamlNode node) {
        BigDecimal value = decimal(node, "a limit in USD such as \"25.00\"");
        if (value == null) {
            return null;
        }
        if (value.signum() < 0) {
            node.problem("expected a limit of 0 or more USD, got '" + value.toPlainString() + "'");
            return null;
        }
        if (value.stripTrailingZeros().scale() > Budget.MICROS_SCALE) {
            node.problem("expected at most 6 decimal places (micro-dollars), got '" + value.toPlainString() + "'");
            return null;
        }
        return value;
    }

    private static Budget.@Nullable Period period(YamlNode node) {
        String text = node.text();
        if (text == null) {
            return null;
        }
        try {
            return Budget.Period.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            node.problem("unknown period '" + text + "' (expected daily, weekly, monthly or total)");
            return null;
        }
    }

    private static @Nullable BigDecimal alertAt(YamlNode node) {
        BigDecimal value = decimal(node, "a fraction of the limit such as 0.8");
        if (value != null && (value.signum() <= 0 || value.compareTo(BigDecimal.ONE) > 0)) {
            node.problem("expected a fraction more than 0 and at most 1, got '" + value.toPlainString() + "'");
            return null;
        }
        return value;
    }

    private static @Nullable BigDecimal decimal(YamlNode node, String expected) {
        String text = node.text();
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            node.problem("expected " + expected + ", got '" + text + "'");
            return null;
        }
    }
}
