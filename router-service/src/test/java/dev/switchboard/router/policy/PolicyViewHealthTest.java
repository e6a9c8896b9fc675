package dev.switchboard.router.policy;

import dev.switchboard.router.RouterServiceApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A router whose policy service cannot be reached keeps serving and says its view is stale. */
@SpringBootTest(classes = RouterServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=router", "switchboard.internal-secret=health-test-secret-0123456789",
                "switchboard.policy.url=http://127.0.0.1:1", "switchboard.policy.probe-interval=100ms",
                "switchboard.policy.startup-wait=0s"})
class PolicyViewHealthTest {

    @Autowired
    Environment environment;

    @Test
    void anUnreachablePolicyServiceMakesTheViewStaleButTheRouterStaysUp() {
        WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + environment.getProperty("local.server.port")).build()
                .get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.policyView.details.stale").isEqualTo(true)
                .jsonPath("$.components.policyView.details.bootstrapped").isEqualTo(false)
                .jsonPath("$.components.policyView.details.problem").value(problem ->
                        org.assertj.core.api.Assertions.assertThat((String) problem)
                                .startsWith("policy service not reachable"));
    }
}
