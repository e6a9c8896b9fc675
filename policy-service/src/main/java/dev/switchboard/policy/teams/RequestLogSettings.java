package dev.switchboard.policy.teams;

import dev.switchboard.contracts.policy.RequestLogPolicy;
import dev.switchboard.policy.web.ApiException;
import org.jspecify.annotations.Nullable;

/**
 * A team's {@code requestLog} as the API takes it: {@code {"bodies":true,"retentionDays":30}}; {@code retentionDays}
 * is 1 to 3650 and defaults to 30 when bodies are kept; without bodies it must be left out (or 0).
 */
public record RequestLogSettings(boolean bodies, @Nullable Integer retentionDays) {

    RequestLogPolicy policy() {
        if (!bodies) {
            if (retentionDays != null && retentionDays != 0) {
                throw ApiException.badRequest("invalid_request_log", "requestLog.retentionDays applies to kept "
                        + "bodies only (got " + retentionDays + " without bodies)");
            }
            return RequestLogPolicy.NONE;
        }
        int days = retentionDays == null ? RequestLogPolicy.DEFAULT_RETENTION_DAYS : retentionDays;
        if (days < 1 || days > RequestLogPolicy.MAX_RETENTION_DAYS) {
            throw ApiException.badRequest("invalid_request_log", "requestLog.retentionDays is " + days
                    + " (expected 1 to " + RequestLogPolicy.MAX_RETENTION_DAYS + ")");
        }
        return RequestLogPolicy.bodiesFor(days);
    }
}
