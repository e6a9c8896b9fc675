package dev.switchboard.allinone;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * The parent context of the services. It holds what they share: one set of Reactor Netty event loops, disposed
 * only when the whole process stops (a child closing the global loops would silence its siblings' ports), and,
 * for embedded accounting, the PostgreSQL server and the Kafka broker. The parent closes its children before its
 * own beans, so both outlive every service that uses them.
 */
@Configuration(proxyBeanMethods = false)
class SharedInfrastructure {

    /** Set by {@link AllInOne} when the cost service needs a database and none was given. */
    static final String POSTGRES_DIR = "switchboard.all-in-one.embedded-postgres-dir";
    /** Set by {@link AllInOne} when the router and the cost service need a broker and none was given. */
    static final String KAFKA_DIR = "switchboard.all-in-one.embedded-kafka-dir";

    @Bean
    ReactorResourceFactory reactorResourceFactory() {
        return new ReactorResourceFactory();
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(POSTGRES_DIR)
    EmbeddedPostgres embeddedPostgres(@Value("${" + POSTGRES_DIR + "}") String dir) {
        return EmbeddedPostgres.start(Path.of(dir).toAbsolutePath());
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(KAFKA_DIR)
    InProcessKafka inProcessKafka(@Value("${" + KAFKA_DIR + "}") String dir) {
        return InProcessKafka.start(Path.of(dir).toAbsolutePath());
    }
}
