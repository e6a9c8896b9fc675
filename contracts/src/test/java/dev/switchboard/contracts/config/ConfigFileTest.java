package dev.switchboard.contracts.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {

    private final ConfigParser parser = new ConfigParser(Map.<String, String>of()::get, Set.of("mock"));

    @Test
    void servesBuiltInDefaultWithoutAFile() {
        try (var file = new ConfigFile(null, parser, c -> c)) {
            assertThat(file.current().models()).containsKeys("echo", "lorem");
            assertThat(file.current().stamp().version()).isEqualTo(1);
        }
    }

    @Test
    void badFileStopsStartUp(@TempDir Path dir) throws Exception {
        Path yaml = Files.writeString(dir.resolve("switchboard.yaml"), "models: { x: nowhere/y }");
        assertThatThrownBy(() -> new ConfigFile(yaml, parser, c -> c)).isInstanceOf(ConfigException.class);
    }

    @Test
    void reloadSwapsValidEditsAndKeepsLastGoodOnBadOnes(@TempDir Path dir) throws Exception {
        Path yaml = Files.writeString(dir.resolve("switchboard.yaml"),
                "providers: { mock: { kind: mock } }\nmodels: { a: mock/echo }\n");
        try (var file = new ConfigFile(yaml, parser, c -> c)) {
            List<Long> activated = new ArrayList<>();
            file.onActivate(c -> activated.add(c.stamp().version()));

            assertThat(file.reload()).as("unchanged content").isFalse();

            Files.writeString(yaml, "providers: { mock: { kind: mock } }\nmodels: { b: mock/lorem }\n");
            assertThat(file.reload()).isTrue();
            assertThat(file.current().models()).containsOnlyKeys("b");

            Files.writeString(yaml, "providers: { mock: { kind: nope } }\nmodels: { c: mock/lorem }\n");
            assertThat(file.reload()).isFalse();
            assertThat(file.current().models()).containsOnlyKeys("b");
            assertThat(file.current().stamp().version()).isEqualTo(2);
            assertThat(activated).containsExactly(2L);
        }
    }

    @Test
    void decorationIsAppliedOnEveryActivation(@TempDir Path dir) throws Exception {
        Path yaml = Files.writeString(dir.resolve("switchboard.yaml"), "providers: { mock: { kind: mock } }\n");
        var admin = new KeyConfig("admin", "b".repeat(64), Set.of());
        try (var file = new ConfigFile(yaml, parser, c -> c.withKey(admin))) {
            Files.writeString(yaml, "providers: { m2: { kind: mock } }\n");
            file.reload();
            assertThat(file.current().keyByHash("b".repeat(64))).contains(admin);
        }
    }

    @Test
    void locatesExplicitPathOrFileInDirectory(@TempDir Path dir) throws Exception {
        assertThat(ConfigFile.locate(null, dir)).isNull();
        Files.writeString(dir.resolve("switchboard.yaml"), "");
        assertThat(ConfigFile.locate(null, dir)).isEqualTo(dir.resolve("switchboard.yaml"));
        assertThat(ConfigFile.locate("/etc/sb.yaml", dir)).isEqualTo(Path.of("/etc/sb.yaml"));
    }
}
