package dev.switchboard.benchmarks;

import dev.switchboard.contracts.chat.ChatEvent;
import dev.switchboard.contracts.chat.ChatRequest;
import dev.switchboard.contracts.error.ErrorCategory;
import dev.switchboard.contracts.error.GatewayException;
import dev.switchboard.providers.Capabilities;
import dev.switchboard.providers.ProviderAdapter;
import dev.switchboard.providers.UpstreamTarget;
import reactor.core.publisher.Flux;

/** Kind {@code refusing}: refuses before any output with a category the route falls back on at once (no retry). */
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
        // a refusal that moves on at once: not retried, and not held against the deployment's health
        return Flux.error(new GatewayException(ErrorCategory.UNSUPPORTED_CAPABILITY,
                "upstream " + target.provider() + " cannot serve " + target.model(),
                GatewayException.Origin.upstream(target.provider(), 400, null)));
    }
}
