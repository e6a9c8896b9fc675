package dev.switchboard.benchmarks;

import dev.switchboard.contracts.chat.ChatEvent;
import dev.switchboard.contracts.chat.ChatRequest;
import dev.switchboard.contracts.error.ErrorCategory;
import dev.switchboard.contracts.error.GatewayException;
import dev.switchboard.providers.Capabilities;
import dev.switchboard.providers.ProviderAdapter;
import dev.switchboard.providers.UpstreamTarget;
import java.time.Duration;
import reactor.core.publisher.Flux;

/** Kind {@code refusing}: rate limited before any output, as an upstream's 429 would be, so the route falls back. */
final class RefusingAdapter implements ProviderAdapter {

    static final String KIND = "refusing";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Capabilities capabilities() {
        return Capabilities.ALL;
    }

    @Override
    public Flux<ChatEvent> stream(ChatRequest request, UpstreamTarget target) {
        return Flux.error(new GatewayException(ErrorCategory.RATE_LIMITED,
                "upstream " + target.provider() + " answered 429 for " + target.model(),
                GatewayException.Origin.upstream(target.provider(), 429, Duration.ofSeconds(1))));
    }
}
