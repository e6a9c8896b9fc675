package dev.switchboard.providers;

import dev.switchboard.contracts.chat.ChatRequest;
import reactor.core.publisher.Mono;

/**
 * Optional extra of a ProviderAdapter, found with instanceof: asks the upstream how many input tokens a request
 * would take (Anthropic's {@code count_tokens}, Gemini's {@code countTokens}). Failures are GatewayExceptions.
 */
public interface TokenCounting {
    Mono<Long> countInputTokens(ChatRequest request, UpstreamTarget target);
}
