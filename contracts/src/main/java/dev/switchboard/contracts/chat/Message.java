package dev.switchboard.contracts.chat;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One turn of the conversation. {@code name} is the optional participant name of OpenAI's wire format. */
public record Message(Role role, List<ContentPart> parts, @Nullable String name) {

    public Message {
        requireNonNull(role, "role");
        parts = List.copyOf(parts);
    }

    public static Message of(Role role, String text) {
        return new Message(role, List.of(new ContentPart.Text(text)), null);
    }

    /** The concatenated text parts, for providers and mocks that only take text. */
    public String text() {
        var sb = new StringBuilder();
        for (ContentPart part : parts) {
            if (part instanceof ContentPart.Text(String text)) {
                sb.append(text);
            }
        }
        return sb.toString();
    }
}
