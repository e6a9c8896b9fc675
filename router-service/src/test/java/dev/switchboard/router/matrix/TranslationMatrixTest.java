package dev.switchboard.router.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.config.ConfigParser;
import dev.switchboard.contracts.identity.Principal;
import dev.switchboard.contracts.identity.SignedPrincipal;
import dev.switchboard.router.RouterServiceApplication;
import dev.switchboard.testkit.FakeUpstream;
import dev.switchboard.testkit.TempYaml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every feature through every ingress × upstream protocol pair, streamed and whole: the request goes through the
 * router to a fake upstream speaking that protocol's wire format; the check looks at what the upstream received and
 * what the caller got back. The results are the translation matrix in docs/translation-matrix.md, which must match
 * (regenerate with {@code -Dswitchboard.matrix.write=true}).
 */
@SpringBootTest(classes = RouterServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=router", "switchboard.internal-secret=" + TranslationMatrixTest.SECRET,
                "UPSTREAM_KEY=sk-upstream-matrix"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TranslationMatrixTest {

    static final String SECRET = "router-test-secret-matrix-0123456";
    private static final Path DOC = Path.of("..", "docs", "translation-matrix.md");
    private static final FakeUpstream UPSTREAM = new FakeUpstream();
    private static final Map<String, Map<String, String>> CELLS = new LinkedHashMap<>();

    private final SignedPrincipal signer = new SignedPrincipal(SECRET, Clock.systemUTC());

    @Autowired
    Environment environment;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("switchboard.config", () -> TempYaml.write("""
                providers:
                  openai: { kind: openai, base-url: %1$s/v1, api-key: env:UPSTREAM_KEY }
                  anthropic: { kind: anthropic, base-url: %1$s, api-key: env:UPSTREAM_KEY }
                  gemini: { kind: gemini, base-url: %1$s/v1beta, api-key: env:UPSTREAM_KEY }
                models:
                  up-openai: openai/gpt-4o
                  up-anthropic: anthropic/claude-sonnet-4-5
                  up-gemini: gemini/gemini-2.5-flash
                keys:
                  - { name: caller, key-sha256: %2$s }
                """.formatted(UPSTREAM.baseUrl(), ConfigParser.sha256("k"))).toString());
        registry.add("switchboard.reload-interval", () -> "1h");
    }

    @AfterAll
    static void closeUpstream() {
        UPSTREAM.close();
    }

    @TestFactory
    @Order(1)
    Stream<DynamicTest> everyFeatureThroughEveryPair() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Feature feature : Feature.all()) {
            for (Ingress ingress : Ingress.values()) {
                for (Protocol protocol : Protocol.values()) {
                    for (boolean stream : feature.streamOnly() ? List.of(true) : List.of(true, false)) {
                        String name = feature.name() + ": " + ingress.title + " → " + protocol.title
                                + (stream ? " (streamed)" : " (whole)");
                        tests.add(DynamicTest.dynamicTest(name, () -> run(feature, ingress, protocol, stream)));
                    }
                }
            }
        }
        return tests.stream();
    }

    private void run(Feature feature, Ingress ingress, Protocol protocol, boolean stream) {
        String cell = cellKey(ingress, protocol);
        String mode = stream ? "S" : "W";
        record(feature, cell, mode, false);
        UPSTREAM.reset();
        UPSTREAM.respond(UpstreamWire.respond(protocol, feature.reply(), stream));
        EntityExchangeResult<byte[]> result = client().post().uri(ingress.path)
                .header(SignedPrincipal.HEADER, signer.sign(new Principal("caller")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(ingress.body(feature.spec(), protocol.model, stream))
                .exchange().expectBody().returnResult();
        String body = new String(result.getResponseBodyContent() == null ? new byte[0] : result.getResponseBodyContent(),
                StandardCharsets.UTF_8);
        var received = UPSTREAM.lastRequest();
        var upstreamView = UpstreamView.read(protocol, received.target(), received.body());
        var clientView = ClientView.read(ingress, stream, result.getStatus().value(),
                result.getResponseHeaders().getFirst("retry-after"), body);
        try {
            feature.check().verify(upstreamView, clientView);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nupstream received: " + received.body() + "\ncaller got: "
                    + result.getStatus() + " " + body, e);
        }
        record(feature, cell, mode, true);
    }

    private WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + environment.getProperty("local.server.port"))
                .build();
    }

    private static String cellKey(Ingress ingress, Protocol protocol) {
        return ingress.title + " → " + protocol.title;
    }

    private static synchronized void record(Feature feature, String cell, String mode, boolean passed) {
        Map<String, String> row = CELLS.computeIfAbsent(feature.name(), k -> new LinkedHashMap<>());
        String marks = row.getOrDefault(cell, "");
        marks = marks.replace("✗" + mode, "").replace("✓" + mode, "").trim();
        String mark = (passed ? "✓" : "✗") + mode;
        row.put(cell, mode.equals("S") ? (mark + " " + marks).trim() : (marks + " " + mark).trim());
    }

    @Test
    @Order(2)
    void theMatrixInTheDocsIsWhatTheTestsProved() throws IOException {
        String generated = Matrix.render(Feature.all(), CELLS);
        if (Boolean.getBoolean("switchboard.matrix.write")) {
            Files.writeString(DOC, generated);
        }
        assertThat(Files.exists(DOC) ? Files.readString(DOC) : "")
                .as("docs/translation-matrix.md is out of date; regenerate it with: ./mvnw -pl router-service test "
                        + "-Dtest=TranslationMatrixTest -Dswitchboard.matrix.write=true")
                .isEqualTo(generated);
    }
}
