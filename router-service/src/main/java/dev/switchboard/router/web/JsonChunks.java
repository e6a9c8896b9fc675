package dev.switchboard.router.web;

/**
 * Stream chunks written straight to bytes: a fixed prefix, one text as a quoted JSON string, a fixed suffix, in a
 * single array sized exactly, with no intermediate strings. Escaping follows RFC 8259, plus U+2028/U+2029 for
 * JavaScript readers and lone surrogates as {@code \\uXXXX}, so the output is always valid UTF-8.
 */
public final class JsonChunks {

    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private JsonChunks() {
    }

    public static byte[] wrap(byte[] prefix, String text, byte[] suffix) {
        int n = text.length();
        int length = 2;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                length += 4;
                i++;
            } else {
                length += width(c);
            }
        }
        byte[] out = new byte[prefix.length + length + suffix.length];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        int p = prefix.length;
        out[p++] = '"';
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, text.charAt(++i));
                out[p++] = (byte) (0xF0 | cp >> 18);
                out[p++] = (byte) (0x80 | cp >> 12 & 0x3F);
                out[p++] = (byte) (0x80 | cp >> 6 & 0x3F);
                out[p++] = (byte) (0x80 | cp & 0x3F);
            } else {
                p = put(out, p, c);
            }
        }
        out[p++] = '"';
        System.arraycopy(suffix, 0, out, p, suffix.length);
        return out;
    }

    private static int width(char c) {
        if (c == '"' || c == '\\' || c == '\n' || c == '\r' || c == '\t') {
            return 2;
        }
        if (c < 0x20 || c == '\u2028' || c == '\u2029' || Character.isSurrogate(c)) {
            return 6;
        }
        return c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
    }

    private static int put(byte[] out, int p, char c) {
        switch (c) {
            case '"' -> { out[p++] = '\\'; out[p++] = '"'; }
            case '\\' -> { out[p++] = '\\'; out[p++] = '\\'; }
            case '\n' -> { out[p++] = '\\'; out[p++] = 'n'; }
            case '\r' -> { out[p++] = '\\'; out[p++] = 'r'; }
            case '\t' -> { out[p++] = '\\'; out[p++] = 't'; }
            default -> {
                if (c < 0x20 || c == '\u2028' || c == '\u2029' || Character.isSurrogate(c)) {
                    out[p++] = '\\';
                    out[p++] = 'u';
                    out[p++] = HEX[c >> 12 & 0xF];
                    out[p++] = HEX[c >> 8 & 0xF];
                    out[p++] = HEX[c >> 4 & 0xF];
                    out[p++] = HEX[c & 0xF];
                } else if (c < 0x80) {
                    out[p++] = (byte) c;
                } else if (c < 0x800) {
                    out[p++] = (byte) (0xC0 | c >> 6);
                    out[p++] = (byte) (0x80 | c & 0x3F);
                } else {
                    out[p++] = (byte) (0xE0 | c >> 12);
                    out[p++] = (byte) (0x80 | c >> 6 & 0x3F);
                    out[p++] = (byte) (0x80 | c & 0x3F);
                }
            }
        }
        return p;
    }
}
