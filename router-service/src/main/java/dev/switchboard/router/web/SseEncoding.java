package dev.switchboard.router.web;

import dev.switchboard.contracts.chat.ChatEvent;
import dev.switchboard.contracts.error.GatewayException;

/** A door's server-sent-events encoder: one instance per response. */
public interface SseEncoding {

    /** The bytes for one event; empty when the event produces nothing by itself. */
    byte[] encode(ChatEvent event);

    /** The in-stream error event that ends a stream which already had output. */
    byte[] error(GatewayException e);
}
