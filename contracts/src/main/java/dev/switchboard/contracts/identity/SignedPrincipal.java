package dev.switchboard.contracts.identity;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The principal header the edge attaches and the router verifies: {@code v1.<name>.<issued-ms>.<hmac>}, with the
 * name base64url-encoded and an HMAC-SHA256 over the first three parts under the internal secret that only the
 * services share. A header from outside cannot be forged, and a captured one expires.
 */
public final class SignedPrincipal {

    /** The header name. The edge strips any copy a caller sends. */
    public static final String HEADER = "x-switchboard-principal";

    private static final Duration MAX_AGE = Duration.ofMinutes(5);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final ThreadLocal<Mac> macs;
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
        String payload = "v1." + B64.encodeToString(principal.keyName().getBytes(StandardCharsets.UTF_8)) + "."
                + clock.millis();
        return payload + "." + B64.encodeToString(mac(payload));
    }

    public Optional<Principal> verify(String header) {
        int lastDot = header.lastIndexOf('.');
        String[] parts = header.split("\\.", -1);
        if (parts.length != 4 || !"v1".equals(parts[0]) || lastDot < 0) {
            return Optional.empty();
        }
        String payload = header.substring(0, lastDot);
        try {
            byte[] given = B64D.decode(parts[3]);
            long issued = Long.parseLong(parts[2]);
            long age = clock.millis() - issued;
            if (!MessageDigest.isEqual(given, mac(payload)) || age < -MAX_AGE.toMillis() || age > MAX_AGE.toMillis()) {
                return Optional.empty();
            }
            return Optional.of(new Principal(new String(B64D.decode(parts[1]), StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(String payload) {
        return macs.get().doFinal(payload.getBytes(StandardCharsets.UTF_8));
    }
}
