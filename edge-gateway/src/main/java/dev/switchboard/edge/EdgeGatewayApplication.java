package dev.switchboard.edge;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Import;

/** Runs the edge alone: {@code java -jar edge-gateway-exec.jar}. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(EdgeGatewayConfiguration.class)
public class EdgeGatewayApplication {

    /** The builder the all-in-one also uses, so both run the same application with the same settings. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(EdgeGatewayApplication.class)
                .web(WebApplicationType.REACTIVE)
                .properties("spring.config.name=edge");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
