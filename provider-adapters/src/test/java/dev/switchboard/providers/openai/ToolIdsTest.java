package dev.switchboard.providers.openai;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ToolIdsTest {

    @Test
    void rewritesNonConformingIdsToNineAlphanumericsAndMapsThemBack() {
        var ids = new ToolIds(OpenAiDialect.ToolIdRule.ALNUM_9);
        String wire = ids.toWire("call_9f3c2a71-4b8e-4f0e");
        assertThat(wire).matches("[A-Za-z0-9]{9}").isEqualTo(ToolIds.hash("call_9f3c2a71-4b8e-4f0e"));
        assertThat(ids.fromWire(wire)).isEqualTo("call_9f3c2a71-4b8e-4f0e");
    }

    @Test
    void keepsConformingIdsAndUpstreamMadeIds() {
        var ids = new ToolIds(OpenAiDialect.ToolIdRule.ALNUM_9);
        assertThat(ids.toWire("D681PevKs")).isEqualTo("D681PevKs");
        assertThat(ids.fromWire("k3Lq9TzX2")).isEqualTo("k3Lq9TzX2");
    }

    @Test
    void passesEverythingThroughWhenAnyIdIsAccepted() {
        var ids = new ToolIds(OpenAiDialect.ToolIdRule.ANY);
        assertThat(ids.toWire("call_with-dashes")).isEqualTo("call_with-dashes");
    }
}
