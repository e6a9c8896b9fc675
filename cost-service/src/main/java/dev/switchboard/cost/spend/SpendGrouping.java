package dev.switchboard.cost.spend;

import dev.switchboard.cost.web.ApiException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** What {@code groupBy} may name, and the {@code spend_daily} column each one groups on. */
enum SpendGrouping {
    KEY("key_name"),
    TEAM("team"),
    USER("end_user"),
    MODEL("model"),
    PROVIDER("provider"),
    TAG("feature"),
    DAY("day");

    private final String column;

    SpendGrouping(String column) {
        this.column = column;
    }

    String column() {
        return column;
    }

    static SpendGrouping parse(String value) {
        return Arrays.stream(values())
                .filter(g -> g.name().equalsIgnoreCase(value))
                .findFirst()
                .orElseThrow(() -> ApiException.badRequest("groupBy is '" + value + "' (expected one of: "
                        + Arrays.stream(values()).map(g -> g.name().toLowerCase()).collect(Collectors.joining(", "))
                        + ")"));
    }
}
