package dev.switchboard.cost.pricing;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads prices and token counts out of feed entries exactly: JSON numbers arrive as {@link BigDecimal} (the mapper
 * reads floats that way) and decimal strings are parsed as {@link BigDecimal}; nothing passes through {@code double}.
 */
final class FeedValues {

    /** Per-token prices outside this scale range are typos or attacks, not prices (and would be costly to expand). */
    private static final int MIN_SCALE = -12;
    private static final int MAX_SCALE = 30;

    private FeedValues() {
    }

    /** Why one entry is skipped; never leaves the parser. */
    static final class BadEntry extends Exception {
        BadEntry(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * The field's per-token price as USD per million tokens, without trailing zeros; {@code null} when the field is
     * absent or JSON null. A number or a decimal string; may be negative (the caller decides what that means).
     */
    static @Nullable BigDecimal perMillion(JsonNode entry, String field) throws BadEntry {
        JsonNode node = entry.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        BigDecimal perToken;
        if (node.isNumber()) {
            perToken = node.decimalValue();
        } else if (node.isString()) {
            perToken = decimal(node.stringValue(), field);
        } else {
            throw new BadEntry(field + " is " + node.getNodeType() + " (expected a number or a decimal string)");
        }
        if (perToken.scale() < MIN_SCALE || perToken.scale() > MAX_SCALE) {
            throw new BadEntry(field + " is " + perToken + " (expected a plausible USD price per token)");
        }
        return canonical(perToken.movePointRight(6));
    }

    /** The field as a positive whole number of tokens, or {@code 0} when absent, null or not positive. */
    static long tokens(JsonNode entry, String field) throws BadEntry {
        JsonNode node = entry.get(field);
        if (node == null || node.isNull()) {
            return 0;
        }
        if (!node.isNumber()) {
            throw new BadEntry(field + " is " + node.getNodeType() + " (expected a whole number of tokens)");
        }
        BigDecimal value = node.decimalValue().stripTrailingZeros();
        if (value.scale() > 0 || value.precision() - value.scale() > 18) {
            throw new BadEntry(field + " is " + value.toPlainString() + " (expected a whole number of tokens)");
        }
        return Math.max(0, value.longValueExact());
    }

    /** As {@link #tokens}, but a malformed value reads as {@code 0} (unknown): for limits that price nothing. */
    static long optionalTokens(JsonNode entry, String field) {
        try {
            return tokens(entry, field);
        } catch (BadEntry e) {
            return 0;
        }
    }

    /** A text field, or {@code null} when absent or not text. */
    static @Nullable String text(JsonNode entry, String field) {
        JsonNode node = entry.get(field);
        return node != null && node.isString() ? node.stringValue() : null;
    }

    private static BigDecimal decimal(String text, String field) throws BadEntry {
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new BadEntry(field + " is '" + text + "' (expected a decimal USD price per token)");
        }
    }

    /** The same value without trailing zeros and never in exponent form, so equal prices are {@code equals}. */
    static BigDecimal canonical(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
