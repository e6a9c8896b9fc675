package dev.switchboard.policy.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.config.Sha256;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FileEnvironmentTest {

    private final FileEnvironment environment = new FileEnvironment(Map.of("SET", "value")::get);

    @Test
    void setVariablesResolveToTheirValue() {
        assertThat(environment.apply("SET")).isEqualTo("value");
        assertThat(environment.unsetVariable(Sha256.hex("value"))).isNull();
    }

    @Test
    void unsetVariablesResolveToAnUnguessablePlaceholderThatIsRecognised() {
        String placeholder = environment.apply("MISSING");

        assertThat(placeholder).isNotEqualTo(new FileEnvironment(Map.<String, String>of()::get).apply("MISSING"));
        assertThat(environment.unsetVariable(Sha256.hex(placeholder))).isEqualTo("MISSING");
    }
}
