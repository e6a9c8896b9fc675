package dev.switchboard.policy.keys;

import java.security.SecureRandom;

/** New Switchboard keys: {@code sb-} and 40 random base62 characters (about 238 bits). */
public final class KeyGenerator {

    public static final String PREFIX = "sb-";
    static final int RANDOM_CHARS = 40;
    /** How much of a key stays visible: {@code sb-} and 8 characters. */
    static final int VISIBLE_CHARS = PREFIX.length() + 8;
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private final SecureRandom random = new SecureRandom();

    public String next() {
        var key = new StringBuilder(PREFIX.length() + RANDOM_CHARS).append(PREFIX);
        for (int i = 0; i < RANDOM_CHARS; i++) {
            key.append(BASE62.charAt(random.nextInt(BASE62.length())));
        }
        return key.toString();
    }

    public static String visiblePrefix(String key) {
        return key.substring(0, VISIBLE_CHARS);
    }
}
