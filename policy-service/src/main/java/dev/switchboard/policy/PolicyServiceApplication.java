package dev.switchboard.policy;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Import;

/** Runs the policy service alone: {@code java -jar policy-service-exec.jar}. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(PolicyServiceConfiguration.class)
public class PolicyServiceApplication {

    /** The builder the all-in-one also uses, so both run the same application with the same settings. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(PolicyServiceApplication.class)
                .web(WebApplicationType.SERVLET)
                .properties("spring.config.name=policy");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
