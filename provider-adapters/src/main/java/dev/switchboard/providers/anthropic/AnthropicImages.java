package dev.switchboard.providers.anthropic;

import dev.switchboard.contracts.error.GatewayException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ObjectNode;

/**
 * An image reference → an Anthropic {@code image} block (provider-protocols §2.3): a {@code data:<mime>;base64,}
 * URI becomes a base64 source (a PDF one a {@code document}), an http(s) URL a url source.
 */
final class AnthropicImages {

    private static final int SHOWN = 40;
    private static final Pattern DATA_URI = Pattern.compile("data:([^;,]+);base64,(.*)", Pattern.DOTALL);

    private AnthropicImages() {}

    static ObjectNode block(String url) {
        Matcher data = DATA_URI.matcher(url);
        if (data.matches()) {
            String mediaType = data.group(1).trim().toLowerCase(Locale.ROOT);
            ObjectNode block = AnthropicMessageWriter.block(mediaType.equals("application/pdf") ? "document" : "image");
            block.putObject("source").put("type", "base64").put("media_type", mediaType).put("data", data.group(2));
            return block;
        }
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("https://") || lower.startsWith("http://")) {
            ObjectNode block = AnthropicMessageWriter.block("image");
            block.putObject("source").put("type", "url").put("url", url);
            return block;
        }
        String start = url.length() > SHOWN ? url.substring(0, SHOWN) + "…" : url;
        throw GatewayException.invalid("messages", "image url '" + start
                + "' is neither a data:<mime>;base64,<data> URI nor an http(s) URL (expected one of those)");
    }
}
