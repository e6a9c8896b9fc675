package dev.switchboard.testkit;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** One request {@link FakeUpstream} received. {@code target} is the path with its query string. */
public record RecordedRequest(String method, String target, Map<String, String> headers, String body) {

    public RecordedRequest {
        requireNonNull(method, "method");
        requireNonNull(target, "target");
        var copy = new TreeMap<String, String>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(headers);
        headers = Collections.unmodifiableMap(copy);
        requireNonNull(body, "body");
    }

    /** The header value, ignoring the name's case. */
    public @Nullable String header(String name) {
        return headers.get(name);
    }

    /** The path without the query string. */
    public String path() {
        int q = target.indexOf('?');
        return q < 0 ? target : target.substring(0, q);
    }
}
