package dev.switchboard.allinone;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the services behind the hot path (the policy and cost services) are told in the all-in-one: a random loopback
 * port, the database (the embedded PostgreSQL unless one was given; each service keeps its own schema) and a short
 * Kafka session so a consumer killed with the process does not hold its partitions for 45 s.
 */
final class BackOffice {

    private BackOffice() {
    }

    static List<String> arguments(ConfigurableApplicationContext parent, @Nullable String givenDb) {
        List<String> own = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1",
                "--spring.kafka.consumer.properties[session.timeout.ms]=6000"));
        if (givenDb == null) {
            own.addAll(List.of("--spring.datasource.url=" + parent.getBean(EmbeddedPostgres.class).jdbcUrl(),
                    "--spring.datasource.username=postgres", "--spring.datasource.password="));
        } else {
            own.add("--spring.datasource.url=" + givenDb);
        }
        return own;
    }

    /** The loopback URL a started service listens on. */
    static String url(ConfigurableApplicationContext service) {
        return "http://127.0.0.1:" + Objects.requireNonNull(service.getEnvironment().getProperty("local.server.port"));
    }
}
