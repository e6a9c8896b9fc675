package dev.switchboard.providers.openai;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Tool-call ids for one request under a dialect's {@link OpenAiDialect.ToolIdRule}. Under {@code ALNUM_9} a caller's
 * id that does not fit is hashed to nine letters and digits on the way in, and mapped back on the way out;
 * ids the upstream makes up itself pass through unchanged.
 */
final class ToolIds {

    private static final Pattern ALNUM_9 = Pattern.compile("[A-Za-z0-9]{9}");
    private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

    private final OpenAiDialect.ToolIdRule rule;
    private final Map<String, String> callerIdByWireId = new HashMap<>();

    ToolIds(OpenAiDialect.ToolIdRule rule) {
        this.rule = rule;
    }

    /** The id to send upstream for the caller's id. */
    String toWire(String callerId) {
        if (rule == OpenAiDialect.ToolIdRule.ANY || ALNUM_9.matcher(callerId).matches()) {
            return callerId;
        }
        String wire = hash(callerId);
        callerIdByWireId.put(wire, callerId);
        return wire;
    }

    /** The id to give the caller for an id the upstream sent. */
    String fromWire(String wireId) {
        return callerIdByWireId.getOrDefault(wireId, wireId);
    }

    /** As {@link #fromWire(String)}; an upstream that sent no id (Gemini-compat) gets {@code call_<index>}. */
    String fromWire(@Nullable String wireId, int index) {
        return wireId == null ? "call_" + index : fromWire(wireId);
    }

    static String hash(String id) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            char[] out = new char[9];
            for (int i = 0; i < out.length; i++) {
                out[i] = ALPHABET[(digest[i] & 0xff) % ALPHABET.length];
            }
            return new String(out);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
