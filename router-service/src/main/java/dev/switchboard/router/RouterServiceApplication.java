package dev.switchboard.router;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Import;

/** Runs the router alone: {@code java -jar router-service-exec.jar}. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(RouterServiceConfiguration.class)
public class RouterServiceApplication {

    /** The builder the all-in-one also uses, so both run the same application with the same settings. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(RouterServiceApplication.class)
                .web(WebApplicationType.REACTIVE)
                .properties("spring.config.name=router");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
