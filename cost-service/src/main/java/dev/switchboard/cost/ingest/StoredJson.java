package dev.switchboard.cost.ingest;

import dev.switchboard.contracts.chat.TokenUsage;
import dev.switchboard.contracts.events.CompletionEvent.AttemptRecord;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSONB columns of {@code completions}: {@code tags} as an object of strings, {@code attempts} as an array of
 * {@link StoredAttempt} (camelCase; costs as decimal strings). The request log returns them as written.
 */
final class StoredJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private StoredJson() {
    }

    /**
     * One attempt as stored. {@code firstTokenMs} is -1 when there was no output; {@code costUsd} is null when nothing
     * was charged for it or its price is unknown.
     */
    record StoredAttempt(String provider, String model, String outcome, boolean served, int upstreamStatus,
                         @Nullable String errorCategory, long latencyMs, long firstTokenMs,
                         @Nullable TokenUsage usage, @Nullable String costUsd, @Nullable String priceSource) {}

    static String tags(Map<String, String> tags) {
        return JSON.writeValueAsString(new TreeMap<>(tags));
    }

    static String attempts(List<Charge.AttemptCharge> charges) {
        return JSON.writeValueAsString(charges.stream().map(StoredJson::stored).toList());
    }

    private static StoredAttempt stored(Charge.AttemptCharge charge) {
        AttemptRecord a = charge.attempt();
        BigDecimal cost = charge.costUsd();
        return new StoredAttempt(a.provider(), a.model(), a.outcome(), charge.served(), a.upstreamStatus(),
                a.errorCategory(), a.timing().latencyMillis(), a.timing().firstTokenMillis(), a.usage(),
                cost == null ? null : cost.toPlainString(), charge.priceSource());
    }
}
