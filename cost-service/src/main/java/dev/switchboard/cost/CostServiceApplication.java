package dev.switchboard.cost;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Import;

/** Runs the cost service alone: {@code java -jar cost-service-exec.jar}. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(CostServiceConfiguration.class)
public class CostServiceApplication {

    /** The builder the all-in-one also uses, so both run the same application with the same settings. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(CostServiceApplication.class)
                .web(WebApplicationType.SERVLET)
                .properties("spring.config.name=cost");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
