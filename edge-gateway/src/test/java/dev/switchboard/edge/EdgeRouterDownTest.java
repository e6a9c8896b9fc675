package dev.switchboard.edge;

import dev.switchboard.contracts.config.ConfigParser;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

@SpringBootTest(classes = EdgeGatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=edge", "switchboard.internal-secret=edge-test-secret-0123456789"})
class EdgeRouterDownTest {

    @Autowired
    Environment environment;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        int port = closedPort;
        registry.add("switchboard.edge.router-url", () -> "http://127.0.0.1:" + port);
        registry.add("switchboard.admin-key-sha256", () -> ConfigParser.sha256("sb-admin"));
    }

    @Test
    void answers503InOpenAiEnvelopeWhenTheRouterIsUnreachable() {
        WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + environment.getProperty("local.server.port")).build()
                .get().uri("/v1/models").header("Authorization", "Bearer sb-admin").exchange()
                .expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.error.type").isEqualTo("server_error");
    }
}
