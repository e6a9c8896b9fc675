package dev.switchboard.providers.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.contracts.error.GatewayException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DialectSettingsTest {

    @Test
    void overridesFieldsFromKebabCaseSettings() {
        OpenAiDialect d = DialectSettings.apply(OpenAiPresets.openaiCompatible(), Map.of(
                "max-tokens-field", "max_tokens", "supports-stream-usage", "false", "tool-id-rule", "alnum9",
                "drop-fields", "seed, messages[].name", "required-tool-choice", "any", "latency-ms", "5"), "local");
        assertThat(d.maxTokensField()).isEqualTo("max_tokens");
        assertThat(d.streamUsage()).isFalse();
        assertThat(d.toolIds()).isEqualTo(OpenAiDialect.ToolIdRule.ALNUM_9);
        assertThat(d.droppedFields()).containsExactlyInAnyOrder("seed", "messages[].name");
        assertThat(d.requiredToolChoice()).isEqualTo("any");
    }

    @Test
    void rejectsValuesOutsideTheAllowedSetNamingKeyAndExpectation() {
        assertThatThrownBy(() -> DialectSettings.apply(OpenAiPresets.openaiCompatible(),
                Map.of("stream-usage", "maybe"), "local"))
                .isInstanceOf(GatewayException.class)
                .hasMessage("invalid setting stream-usage='maybe' for provider 'local' (expected one of: true, false)");
    }
}
