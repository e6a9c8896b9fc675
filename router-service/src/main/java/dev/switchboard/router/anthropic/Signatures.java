package dev.switchboard.router.anthropic;

import org.jspecify.annotations.Nullable;

/**
 * Thinking-block signatures as Anthropic callers see them. Anthropic's own pass unchanged; another provider's (Gemini's
 * thought signatures) are marked {@code sb1.<provider>.<signature>} so that, when the caller sends the block back, it
 * only ever reaches the provider that made it.
 */
final class Signatures {

    static final String ANTHROPIC = "anthropic";
    private static final String MARK = "sb1.";

    private Signatures() {
    }

    static String encode(String signature, String provider) {
        return ANTHROPIC.equals(provider) ? signature : MARK + provider + "." + signature;
    }

    /** The provider that made a signature the caller sent back. */
    static String provider(String wire) {
        if (wire.startsWith(MARK)) {
            int dot = wire.indexOf('.', MARK.length());
            if (dot > MARK.length()) {
                return wire.substring(MARK.length(), dot);
            }
        }
        return ANTHROPIC;
    }

    static @Nullable String signature(@Nullable String wire) {
        if (wire == null || !wire.startsWith(MARK)) {
            return wire;
        }
        int dot = wire.indexOf('.', MARK.length());
        return dot > MARK.length() ? wire.substring(dot + 1) : wire;
    }
}
