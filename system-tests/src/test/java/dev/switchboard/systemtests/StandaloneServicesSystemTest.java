package dev.switchboard.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.switchboard.contracts.config.ConfigParser;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The distributed shape: the router and the edge each started alone with {@code java -jar}, as two processes. */
class StandaloneServicesSystemTest {

    static final String ADMIN_KEY = "sb-standalone-admin-key";
    static final String SECRET = "standalone-secret-0123456789";
    static final List<Process> processes = new ArrayList<>();
    static int routerPort;
    static int edgePort;

    @BeforeAll
    static void start() throws IOException {
        Path dir = Files.createTempDirectory("switchboard-standalone");
        Path config = Files.writeString(dir.resolve("switchboard.yaml"), """
                providers: { mock: { kind: mock } }
                models: { echo: mock/echo }
                """);
        routerPort = freePort();
        edgePort = freePort();
        List<String> common = List.of("--switchboard.config=" + config, "--switchboard.internal-secret=" + SECRET,
                "--switchboard.admin-key-sha256=" + ConfigParser.sha256(ADMIN_KEY));
        processes.add(launch(execJar("router-service"), dir.resolve("router.log"), common,
                "--server.port=" + routerPort));
        processes.add(launch(execJar("edge-gateway"), dir.resolve("edge.log"), common, "--server.port=" + edgePort,
                "--switchboard.edge.router-url=http://127.0.0.1:" + routerPort));
        var http = HttpClient.newHttpClient();
        await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() ->
                healthy(http, routerPort) && healthy(http, edgePort));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        for (Process process : processes) {
            process.destroy();
        }
        for (Process process : processes) {
            process.waitFor();
        }
    }

    @Test
    void anSdkCallCrossesTwoProcesses() {
        var client = OpenAIOkHttpClient.builder().baseUrl("http://127.0.0.1:" + edgePort + "/v1").apiKey(ADMIN_KEY)
                .maxRetries(0).build();
        var answer = client.chat().completions().create(ChatCompletionCreateParams.builder().model("echo")
                .addUserMessage("two processes").build());
        assertThat(answer.choices().getFirst().message().content()).hasValue("two processes");
    }

    @Test
    void theRouterRefusesCallersThatBypassTheEdge() throws Exception {
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + routerPort + "/v1/models"))
                .header("authorization", "Bearer " + ADMIN_KEY).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
    }

    static Process launch(Path jar, Path log, List<String> common, String... own) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-jar", jar.toString()));
        command.addAll(common);
        command.addAll(List.of(own));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    static Path execJar(String module) throws IOException {
        try (var files = Files.list(Path.of("..", module, "target"))) {
            return files.filter(p -> p.getFileName().toString().endsWith("-exec.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("build " + module + " first (mvn package)"));
        }
    }

    static boolean healthy(HttpClient http, int port) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    }

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
