package dev.switchboard.router.routing;

import dev.switchboard.contracts.catalog.ModelInfo;
import dev.switchboard.contracts.catalog.Price;
import dev.switchboard.contracts.chat.ChatEvent;
import dev.switchboard.contracts.chat.ChatRequest;
import dev.switchboard.contracts.chat.FinishReason;
import dev.switchboard.contracts.chat.ResolvedModel;
import dev.switchboard.contracts.chat.TokenUsage;
import dev.switchboard.contracts.error.ErrorCategory;
import dev.switchboard.contracts.error.GatewayException;
import dev.switchboard.providers.Capabilities;
import dev.switchboard.providers.ProviderAdapter;
import dev.switchboard.providers.UpstreamTarget;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** In-memory deployments whose calls follow a script, for deterministic routing tests. */
final class Scripted {

    private Scripted() {
    }

    /** An adapter answering each call with the next behaviour of its script (the last one repeats). */
    static final class Adapter implements ProviderAdapter {
        final Queue<Supplier<Flux<ChatEvent>>> script = new ArrayDeque<>();
        final List<String> calls = new CopyOnWriteArrayList<>();
        final AtomicInteger cancels = new AtomicInteger();
        private final Capabilities capabilities;
        private @Nullable Supplier<Flux<ChatEvent>> last;

        Adapter(Capabilities capabilities) {
            this.capabilities = capabilities;
        }

        Adapter then(Supplier<Flux<ChatEvent>> behaviour) {
            script.add(behaviour);
            return this;
        }

        @Override
        public String kind() {
            return "scripted";
        }

        @Override
        public Capabilities capabilities() {
            return capabilities;
        }

        @Override
        public Flux<ChatEvent> stream(ChatRequest request, UpstreamTarget target) {
            calls.add(target.provider());
            Supplier<Flux<ChatEvent>> next = script.poll();
            if (next != null) {
                last = next;
            }
            return (last == null ? answer(target.provider(), "from " + target.provider()) : last.get())
                    .doOnCancel(cancels::incrementAndGet);
        }
    }

    static Flux<ChatEvent> answer(String provider, String text) {
        return Flux.just(new ChatEvent.Started("r-" + provider, new ResolvedModel(provider, provider + "-model")),
                new ChatEvent.TextDelta(text), new ChatEvent.UsageReported(TokenUsage.of(10, 2)),
                new ChatEvent.Finished(FinishReason.STOP));
    }

    static Supplier<Flux<ChatEvent>> answers(String provider) {
        return () -> answer(provider, "from " + provider);
    }

    static Supplier<Flux<ChatEvent>> answersAfter(String provider, Duration delay) {
        return () -> Mono.delay(delay).thenMany(answer(provider, "from " + provider));
    }

    static Supplier<Flux<ChatEvent>> fails(ErrorCategory category, @Nullable Duration retryAfter) {
        return () -> Flux.error(new GatewayException(category, category.name(),
                GatewayException.Origin.upstream("x", category.status(), retryAfter)));
    }

    /** Headers arrive (Started) but the first token never does. */
    static Supplier<Flux<ChatEvent>> stallsAfterStart(String provider) {
        return () -> Flux.concat(Flux.just(new ChatEvent.Started("r", new ResolvedModel(provider, "m"))), Flux.never());
    }

    static Supplier<Flux<ChatEvent>> failsAfterOutput(String provider) {
        return () -> Flux.concat(Flux.just(new ChatEvent.Started("r", new ResolvedModel(provider, "m")),
                new ChatEvent.TextDelta("partial")), Flux.error(new GatewayException(ErrorCategory.UPSTREAM_UNAVAILABLE,
                "cut")));
    }

    static Deployment deployment(String provider, ProviderAdapter adapter, int weight, @Nullable ModelInfo info) {
        return new Deployment(adapter, new UpstreamTarget(provider, provider + "-model", null, null, Map.of(),
                Duration.ofSeconds(5)), weight, info);
    }

    static ModelInfo info(String provider, String inputPrice, String outputPrice, long contextWindow, boolean tools) {
        return new ModelInfo(provider, provider + "-model", Price.of(new BigDecimal(inputPrice), new BigDecimal(outputPrice)),
                contextWindow, 4096, tools, true, true);
    }

    /** A clock the test moves. */
    static final class MutableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-11-25T12:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
