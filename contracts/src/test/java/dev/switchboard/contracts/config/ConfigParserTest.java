package dev.switchboard.contracts.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.contracts.error.ErrorCategory;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfigParserTest {

    private final ConfigParser parser = new ConfigParser(
            Map.of("OPENAI_API_KEY", "sk-test-openai", "APP_KEY", "sb-app-secret")::get,
            Set.of("openai", "groq", "mock"));

    @Test
    void parsesProvidersModelsAndKeys() {
        var config = parser.parse("""
                providers:
                  openai: { kind: openai, api-key: env:OPENAI_API_KEY, timeout: 30s }
                  local:
                    kind: groq
                    base-url: http://127.0.0.1:9999/v1/
                    dialect: { max-tokens-field: max_tokens }
                  mock: { kind: mock, options: { latency-ms: 5 } }
                models:
                  echo: mock/echo
                  smart:
                    targets:
                      - openai/gpt-4o
                      - { provider: local, model: llama }
                    fallback-on: [RATE_LIMITED]
                keys:
                  - { name: app, key: env:APP_KEY, models: [smart] }
                  - { name: ops, key-sha256: %s }
                """.formatted("A".repeat(64)), "test");

        assertThat(config.providers().get("openai").apiKey().value()).isEqualTo("sk-test-openai");
        assertThat(config.providers().get("openai").timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.providers().get("local").baseUrl()).isEqualTo(URI.create("http://127.0.0.1:9999/v1"));
        assertThat(config.providers().get("local").settings()).containsEntry("max-tokens-field", "max_tokens");
        assertThat(config.providers().get("mock").settings()).containsEntry("latency-ms", "5");
        assertThat(config.models().get("smart").targets()).containsExactly(
                new ModelRoute.Target("openai", "gpt-4o"), new ModelRoute.Target("local", "llama"));
        assertThat(config.models().get("smart").fallbackOn()).containsExactly(ErrorCategory.RATE_LIMITED);
        assertThat(config.models().get("echo").fallbackOn()).isEqualTo(ModelRoute.DEFAULT_FALLBACK_ON);
        var app = config.keyByHash(ConfigParser.sha256("sb-app-secret")).orElseThrow();
        assertThat(app.name()).isEqualTo("app");
        assertThat(app.allows("smart")).isTrue();
        assertThat(app.allows("echo")).isFalse();
        assertThat(config.keyByHash("a".repeat(64))).map(KeyConfig::name).contains("ops");
    }

    @Test
    void listsEveryProblemWithItsPath() {
        assertThatThrownBy(() -> parser.parse("""
                providers:
                  openai: { kind: openai, api-key: sk-inline-secret }
                  grok: { kind: grok, api-key: env:MISSING }
                  bad: { kind: mock, base-url: ftp://x, colour: blue }
                models:
                  m1: nowhere/model
                  m2: { targets: [ openai/gpt-4o ], fallback-on: [SOMETIMES] }
                keys:
                  - { name: a, key: env:APP_KEY, models: [m9] }
                  - { name: a, key-sha256: xyz }
                extra: 1
                """, "switchboard.yaml"))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).containsExactlyInAnyOrder(
                        "extra: unknown key (expected one of: aliases, keys, models, orgs, providers, teams)",
                        "providers.openai.api-key: secrets are given as env:NAME, never inline",
                        "providers.grok.kind: unknown provider kind 'grok' (expected one of: groq, mock, openai)",
                        "providers.grok.api-key: environment variable MISSING is not set",
                        "providers.bad.colour: unknown key (expected one of: api-key, base-url, data-policy, dialect, kind, options, timeout)",
                        "providers.bad.base-url: expected an http or https URL, got 'ftp://x'",
                        "models.m1: unknown provider 'nowhere' (expected one of: bad, grok, openai)",
                        "models.m2.fallback-on[0]: unknown error category 'SOMETIMES' (expected one of: "
                                + java.util.Arrays.toString(ErrorCategory.values()) + ")",
                        "keys[0].models[0]: unknown model 'm9' (not under models:)",
                        "keys[1].key-sha256: expected 64 hex characters (the SHA-256 of the key)"))
                .hasMessageNotContaining("sk-inline-secret");
    }

    @Test
    void reportsBrokenYamlWithoutThrowingParserInternals() {
        assertThatThrownBy(() -> parser.parse("providers: [unclosed", "f.yaml"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("not valid YAML");
    }

    @Test
    void secretToStringHidesTheValue() {
        assertThat(new Secret("env:X", "sk-very-secret")).hasToString("Secret[env:X]");
    }
}
