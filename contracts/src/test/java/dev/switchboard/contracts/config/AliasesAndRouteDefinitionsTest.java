package dev.switchboard.contracts.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.contracts.error.ErrorCategory;
import dev.switchboard.contracts.policy.FilePolicy;
import dev.switchboard.contracts.policy.ModelAlias;
import dev.switchboard.contracts.policy.Source;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AliasesAndRouteDefinitionsTest {

    private final ConfigParser parser = new ConfigParser(Map.<String, String>of()::get, Set.of());

    private static final String HEAD = """
            providers:
              mock: { kind: mock }
              openai: { kind: openai, api-key: credential:openai }
            models:
              fast: mock/echo
              smart: openai/gpt-4o
            """;

    @Test
    void readsAliasesOfConfiguredModelsAsFileManaged() {
        var config = parser.parse(HEAD + "aliases: { quick: fast, best: smart }\n", "test");
        assertThat(config.aliases()).containsExactly(Map.entry("quick", "fast"), Map.entry("best", "smart"));
        assertThat(FilePolicy.of(config).aliases()).containsExactly(new ModelAlias("quick", "fast", Source.FILE),
                new ModelAlias("best", "smart", Source.FILE));
        assertThat(config.withVersion(3).aliases()).isEqualTo(config.aliases());
    }

    @Test
    void keysAndTeamsMayListAnAlias() {
        var config = parser.parse(HEAD + """
                aliases: { quick: fast }
                teams: [ { name: t, models: [quick] } ]
                keys: [ { name: k, key-sha256: %s, models: [quick] } ]
                """.formatted("a".repeat(64)), "test");
        assertThat(config.teams().get("t").models()).containsExactly("quick");
    }

    @Test
    void anAliasMustNameAModelAndMustNotShadowOne() {
        assertThatThrownBy(() -> parser.parse(HEAD + "aliases: { quick: fats, fast: smart }\n", "test"))
                .isInstanceOf(ConfigException.class)
                .extracting(e -> ((ConfigException) e).problems()).asInstanceOf(
                        org.assertj.core.api.InstanceOfAssertFactories.list(String.class))
                .containsExactly("aliases.quick: unknown model 'fats' (expected one of: fast, smart)",
                        "aliases.fast: alias 'fast' is already the name of a model");
    }

    @Test
    void readsARouteDefinitionInTheShapeOfAModelsEntry() {
        ModelRoute route = RouteDefinitions.read("fallback", """
                {"strategy":"fixed","targets":["mock/echo",{"provider":"openai","model":"gpt-4o"}],
                 "fallback-on":["RATE_LIMITED"]}""", Set.of("mock", "openai"));
        assertThat(route.name()).isEqualTo("fallback");
        assertThat(route.targets()).containsExactly(new ModelRoute.Target("mock", "echo"),
                new ModelRoute.Target("openai", "gpt-4o"));
        assertThat(route.fallbackOn()).containsExactly(ErrorCategory.RATE_LIMITED);

        ModelRoute shortForm = RouteDefinitions.read("echo2", "\"mock/echo\"", Set.of("mock"));
        assertThat(shortForm.targets()).containsExactly(new ModelRoute.Target("mock", "echo"));
        assertThat(shortForm.fallbackOn()).isEqualTo(ModelRoute.DEFAULT_FALLBACK_ON);
    }

    @Test
    void aRouteDefinitionsProblemsCarryTheirPaths() {
        assertThatThrownBy(() -> RouteDefinitions.read("fast", """
                {"targets":["mock/echo","grok/grok-2"],"fallback-on":["SOMETIMES"],"speed":"max"}""",
                Set.of("mock", "openai")))
                .isInstanceOf(ConfigException.class)
                .extracting(e -> ((ConfigException) e).problems()).asInstanceOf(
                        org.assertj.core.api.InstanceOfAssertFactories.list(String.class))
                .contains("fast.speed: unknown key (expected one of: default, fallback-on, race, retry, rules, "
                        + "strategy, targets, timeouts)",
                        "fast.targets[1]: unknown provider 'grok' (expected one of: mock, openai)")
                .anyMatch(p -> p.startsWith("fast.fallback-on[0]: unknown error category 'SOMETIMES'"));
        assertThatThrownBy(() -> RouteDefinitions.read("fast", "{not json", Set.of("mock")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("fast: not valid JSON");
        assertThatThrownBy(() -> RouteDefinitions.read("fast", "\"echo\"", Set.of("mock")))
                .hasMessageContaining("fast: expected provider/model, got 'echo'");
    }
}
