package dev.switchboard.router.events;

import dev.switchboard.contracts.events.CompletionEvent;
import dev.switchboard.contracts.events.CompletionEventJson;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Events off ({@code switchboard.events.enabled} false or no Kafka configured): each event is a DEBUG log line. */
public final class LoggingCompletionPublisher implements CompletionPublisher {

    private static final Logger log = LoggerFactory.getLogger(LoggingCompletionPublisher.class);

    @Override
    public void publish(CompletionEvent event) {
        if (log.isDebugEnabled()) {
            log.debug("completion {}", new String(CompletionEventJson.write(event), StandardCharsets.UTF_8));
        }
    }
}
