package dev.switchboard.contracts.policy;

/**
 * What the request log keeps of a team's traffic beyond the metadata every request gets: with {@code bodies}, the
 * prompt and the answer too, deleted {@code retentionDays} after the request (1 to {@value #MAX_RETENTION_DAYS}).
 * {@link #NONE} keeps no bodies (retention 0).
 */
public record RequestLogPolicy(boolean bodies, int retentionDays) {

    public static final int DEFAULT_RETENTION_DAYS = 30;
    public static final int MAX_RETENTION_DAYS = 3650;
    public static final RequestLogPolicy NONE = new RequestLogPolicy(false, 0);

    public RequestLogPolicy {
        if (bodies && (retentionDays < 1 || retentionDays > MAX_RETENTION_DAYS)) {
            throw new IllegalArgumentException("request bodies are kept 1 to " + MAX_RETENTION_DAYS + " days (got "
                    + retentionDays + ")");
        }
        if (!bodies && retentionDays != 0) {
            throw new IllegalArgumentException("a request log without bodies has no retention (got " + retentionDays
                    + " days)");
        }
    }

    /** Keeps prompts and answers for {@code retentionDays}. */
    public static RequestLogPolicy bodiesFor(int retentionDays) {
        return new RequestLogPolicy(true, retentionDays);
    }
}
