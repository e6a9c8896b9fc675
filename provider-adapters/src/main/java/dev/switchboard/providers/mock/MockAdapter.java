package dev.switchboard.providers.mock;

import dev.switchboard.contracts.chat.ChatEvent;
import dev.switchboard.contracts.chat.ChatEvents;
import dev.switchboard.contracts.chat.ChatRequest;
import dev.switchboard.contracts.chat.ChatResponse;
import dev.switchboard.contracts.chat.ContentPart;
import dev.switchboard.contracts.chat.Message;
import dev.switchboard.contracts.chat.ResolvedModel;
import dev.switchboard.contracts.chat.Role;
import dev.switchboard.contracts.chat.TokenUsage;
import dev.switchboard.contracts.embedding.EmbeddingRequest;
import dev.switchboard.contracts.embedding.EmbeddingResponse;
import dev.switchboard.contracts.error.ErrorCategory;
import dev.switchboard.contracts.error.GatewayException;
import dev.switchboard.providers.Capabilities;
import dev.switchboard.providers.EmbeddingAdapter;
import dev.switchboard.providers.NonStreamingChat;
import dev.switchboard.providers.ProviderAdapter;
import dev.switchboard.providers.UpstreamTarget;
import dev.switchboard.providers.http.StatusCategories;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Kind {@code mock}: a deterministic provider without network. Models {@code echo} (default for unknown names)
 * and {@code lorem}; {@code error-<status>} fails before the first event; {@code [mock:fail-after=N]} in the
 * user's text fails mid-stream after N text deltas. See the module README for the full behaviour. It has no wire
 * format, so a whole answer is its own stream collected. It also embeds, with deterministic unit vectors.
 */
public final class MockAdapter implements ProviderAdapter, NonStreamingChat, EmbeddingAdapter {

    private static final Pattern FAIL_AFTER = Pattern.compile("\\[mock:fail-after=(\\d+)]");
    private static final Pattern FORCED_ERROR = Pattern.compile("error-(\\d{3})");

    private final AtomicLong responses = new AtomicLong();

    @Override
    public String kind() {
        return "mock";
    }

    @Override
    public Capabilities capabilities() {
        return new Capabilities(true, true, true, true, false, true);
    }

    /** Deterministic unit vectors (see {@link MockEmbeddings}); {@code error-<status>} models fail as for chat. */
    @Override
    public Mono<EmbeddingResponse> embed(EmbeddingRequest request, UpstreamTarget target) {
        return Mono.fromSupplier(() -> {
            Matcher forced = FORCED_ERROR.matcher(target.model());
            if (forced.matches()) {
                throw forcedError(Integer.parseInt(forced.group(1)), target.provider());
            }
            return MockEmbeddings.embed(request, new ResolvedModel(target.provider(), target.model()));
        });
    }

    @Override
    public Flux<ChatEvent> stream(ChatRequest request, UpstreamTarget target) {
        return Flux.defer(() -> {
            MockSettings settings = MockSettings.from(target.settings(), target.provider());
            Matcher forced = FORCED_ERROR.matcher(target.model());
            Flux<ChatEvent> events = forced.matches()
                    ? Flux.error(forcedError(Integer.parseInt(forced.group(1)), target.provider()))
                    : reply(request, target, settings);
            return settings.latency().isZero() ? events : events.delaySubscription(settings.latency());
        });
    }

    @Override
    public Mono<ChatResponse> complete(ChatRequest request, UpstreamTarget target) {
        return stream(request, target).collect(ChatEvents::new, ChatEvents::accept).map(ChatEvents::result);
    }

    private Flux<ChatEvent> reply(ChatRequest request, UpstreamTarget target, MockSettings settings) {
        MockReply reply = MockReply.plan(request, target.model(), settings);
        var started = new ChatEvent.Started("mock-" + responses.incrementAndGet(),
                new ResolvedModel(target.provider(), target.model()));
        Flux<ChatEvent> deltas = Flux.fromIterable(chunks(reply.text(), settings.chunkSize())).map(ChatEvent.TextDelta::new);
        Integer failAfter = failAfter(request);
        if (failAfter != null) {
            deltas = deltas.take(failAfter).concatWith(Flux.error(new GatewayException(ErrorCategory.UPSTREAM_UNAVAILABLE,
                    target.provider() + ": forced mid-stream failure after " + failAfter + " deltas",
                    GatewayException.Origin.upstream(target.provider(), 200, null))));
        }
        if (!settings.chunkDelay().isZero()) {
            deltas = deltas.delayElements(settings.chunkDelay());
        }
        List<ChatEvent> tail = new ArrayList<>();
        long emitted = reply.text().length();
        for (int i = 0; i < reply.toolCalls().size(); i++) {
            ContentPart.ToolCall call = reply.toolCalls().get(i);
            tail.add(new ChatEvent.ToolCallStarted(i, call.id(), call.name()));
            tail.add(new ChatEvent.ToolCallArgumentsDelta(i, call.argumentsJson()));
            emitted += call.argumentsJson().length();
        }
        tail.add(new ChatEvent.UsageReported(TokenUsage.of(Math.max(1, quarter(inputChars(request))), quarter(emitted))));
        tail.add(new ChatEvent.Finished(reply.finish()));
        return Flux.concat(Flux.just(started), deltas, Flux.fromIterable(tail));
    }

    private static GatewayException forcedError(int status, String provider) {
        Duration retryAfter = status == 429 ? Duration.ofSeconds(1) : null;
        return new GatewayException(StatusCategories.of(status), provider + ": forced error " + status
                + " (upstream " + status + ")", GatewayException.Origin.upstream(provider, status, retryAfter));
    }

    private static @Nullable Integer failAfter(ChatRequest request) {
        for (Message m : request.messages().reversed()) {
            if (m.role() == Role.USER) {
                Matcher matcher = FAIL_AFTER.matcher(m.text());
                return matcher.find() ? Integer.valueOf(matcher.group(1)) : null;
            }
        }
        return null;
    }

    static List<String> chunks(String text, int size) {
        List<String> chunks = new ArrayList<>();
        int[] codePoints = text.codePoints().toArray();
        for (int start = 0; start < codePoints.length; start += size) {
            chunks.add(new String(codePoints, start, Math.min(size, codePoints.length - start)));
        }
        return chunks;
    }

    private static long inputChars(ChatRequest request) {
        long chars = 0;
        for (Message m : request.messages()) {
            for (ContentPart part : m.parts()) {
                chars += switch (part) {
                    case ContentPart.Text t -> t.text().length();
                    case ContentPart.ToolResult r -> r.content().length();
                    case ContentPart.ToolCall c -> c.argumentsJson().length();
                    default -> 0;
                };
            }
        }
        return chars;
    }

    private static long quarter(long chars) {
        return (chars + 3) / 4;
    }
}
