package dev.switchboard.contracts.identity;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The principal header the edge attaches and the services verify:
 * {@code v2.<name>.<team>.<user>.<roles>.<issued-ms>.<hmac>}, each field base64url-encoded (roles comma-joined,
 * absent fields empty) and an HMAC-SHA256 over everything before it under the internal secret that only the services
 * share. A header from outside cannot be forged, and a captured one expires.
 */
public final class SignedPrincipal {

    /** The header name. The edge strips any copy a caller sends. */
    public static final String HEADER = "x-switchboard-principal";

    private static final Duration MAX_AGE = Duration.ofMinutes(5);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private static final int CACHED = 10_000;

    private final ThreadLocal<Mac> macs;
    private final Map<Principal, String> encodings = new ConcurrentHashMap<>();
    private final Map<String, Principal> decodings = new ConcurrentHashMap<>();
    private final Clock clock;

    public SignedPrincipal(String secret, Clock clock) {
        if (secret.length() < 16) {
            throw new IllegalArgumentException("the internal secret needs at least 16 characters");
        }
        var key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        // One initialised Mac per thread: the edge signs and the router verifies on every request.
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac;
            } catch (NoSuchAlgorithmException | InvalidKeyException e) {
                throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
            }
        });
        this.clock = clock;
    }

    public String sign(Principal principal) {
        String payload = encoded(principal) + clock.millis();
        return payload + "." + B64.encodeToString(mac(payload));
    }

    public Optional<Principal> verify(String header) {
        int lastDot = header.lastIndexOf('.');
        int stampDot = lastDot < 0 ? -1 : header.lastIndexOf('.', lastDot - 1);
        if (stampDot < 0 || !header.startsWith("v2.")) {
            return Optional.empty();
        }
        String payload = header.substring(0, lastDot);
        try {
            byte[] given = B64D.decode(header.substring(lastDot + 1));
            long issued = Long.parseLong(header, stampDot + 1, lastDot, 10);
            long age = clock.millis() - issued;
            if (!MessageDigest.isEqual(given, mac(payload)) || age < -MAX_AGE.toMillis() || age > MAX_AGE.toMillis()) {
                return Optional.empty();
            }
            return Optional.ofNullable(decoded(header.substring(0, stampDot + 1)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** {@code v2.<name>.<team>.<user>.<roles>.}, kept per principal: every request of a key signs the same fields. */
    private String encoded(Principal principal) {
        String prefix = encodings.get(principal);
        if (prefix == null) {
            prefix = "v2." + field(principal.keyName()) + "." + field(principal.team()) + "." + field(principal.user())
                    + "." + field(String.join(",", new TreeSet<>(principal.roles()))) + ".";
            remember(encodings, principal, prefix);
        }
        return prefix;
    }

    /** The principal of a verified header's fields, kept per encoding; null when they are not four fields. */
    private @Nullable Principal decoded(String prefix) {
        Principal principal = decodings.get(prefix);
        if (principal == null) {
            String[] parts = prefix.split("\\.", -1);
            if (parts.length != 6) {
                return null;
            }
            String roles = text(parts[4]);
            principal = new Principal(text(parts[1]), blankToNull(text(parts[2])), blankToNull(text(parts[3])),
                    roles.isEmpty() ? Set.of() : Set.of(roles.split(",")));
            remember(decodings, prefix, principal);
        }
        return principal;
    }

    /** Bounded: a map that grows past {@value #CACHED} entries (many distinct tokens) starts again. */
    private static <K, V> void remember(Map<K, V> cache, K key, V value) {
        if (cache.size() >= CACHED) {
            cache.clear();
        }
        cache.put(key, value);
    }

    private static String field(@Nullable String value) {
        return value == null ? "" : B64.encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(String field) {
        return new String(B64D.decode(field), StandardCharsets.UTF_8);
    }

    private static @Nullable String blankToNull(String value) {
        return value.isEmpty() ? null : value;
    }

    private byte[] mac(String payload) {
        return macs.get().doFinal(payload.getBytes(StandardCharsets.UTF_8));
    }
}
