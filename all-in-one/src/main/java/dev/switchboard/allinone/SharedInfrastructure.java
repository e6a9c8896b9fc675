package dev.switchboard.allinone;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * The parent context of the services. It holds what they share: one set of Reactor Netty event loops, disposed
 * only when the whole process stops (a child closing the global loops would silence its siblings' ports).
 */
@Configuration(proxyBeanMethods = false)
class SharedInfrastructure {

    @Bean
    ReactorResourceFactory reactorResourceFactory() {
        return new ReactorResourceFactory();
    }
}
