package dev.switchboard.router.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.contracts.events.CompletionEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what is published, for tests that wait for a request's event. */
final class RecordingPublisher implements CompletionPublisher {

    /** Long enough for a second event of the same request to show up behind the first. */
    private static final Duration SECOND_EVENT_GRACE = Duration.ofMillis(150);

    private final List<CompletionEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void publish(CompletionEvent event) {
        events.add(event);
    }

    /** The one event of the request: waits for it, then a little longer for a second one (which fails the test). */
    CompletionEvent only(String requestId) {
        await().atMost(Duration.ofSeconds(5)).until(() -> !of(requestId).isEmpty());
        await().pollDelay(SECOND_EVENT_GRACE).until(() -> true);
        List<CompletionEvent> mine = of(requestId);
        assertThat(mine).as("events of request %s", requestId).hasSize(1);
        return mine.getFirst();
    }

    /** The request's events after the grace period. */
    List<CompletionEvent> after(String requestId) {
        await().pollDelay(SECOND_EVENT_GRACE.multipliedBy(2)).until(() -> true);
        return of(requestId);
    }

    private List<CompletionEvent> of(String requestId) {
        return events.stream().filter(e -> e.requestId().equals(requestId)).toList();
    }
}
