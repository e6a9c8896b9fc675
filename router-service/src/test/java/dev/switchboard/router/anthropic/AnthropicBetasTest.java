package dev.switchboard.router.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnthropicBetasTest {

    @Test
    void forwardsOnlyBetasThatChangeHowTheSameRequestIsServed() {
        assertThat(AnthropicBetas.safe("claude-code-20250219,oauth-2025-04-20, interleaved-thinking-2025-05-14,"
                + "fine-grained-tool-streaming-2025-05-14,files-api-2025-04-14,interleaved-thinking-2025-05-14"))
                .containsExactly("interleaved-thinking-2025-05-14", "fine-grained-tool-streaming-2025-05-14");
        assertThat(AnthropicBetas.safe(null)).isEmpty();
        assertThat(AnthropicBetas.safe("mcp-client-2025-04-04")).isEmpty();
    }
}
