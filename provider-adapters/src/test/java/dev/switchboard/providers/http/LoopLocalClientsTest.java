package dev.switchboard.providers.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.DefaultEventLoopGroup;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

class LoopLocalClientsTest {

    @Test
    void eachEventLoopGetsItsOwnPoolAndOtherThreadsShareOne() throws Exception {
        var created = new AtomicInteger();
        var loops = new DefaultEventLoopGroup(2);
        try (var clients = new LoopLocalClients(
                () -> ConnectionProvider.create("loop-local-test-" + created.incrementAndGet(), 2), HttpClient::create)) {
            HttpClient onCaller = clients.get();
            var first = loops.next();
            var second = loops.next();
            HttpClient onFirst = first.submit(clients::get).get();
            HttpClient onFirstAgain = first.submit(clients::get).get();
            HttpClient onSecond = second.submit(clients::get).get();

            assertThat(onCaller).isSameAs(clients.get());
            assertThat(onFirst).isSameAs(onFirstAgain).isNotSameAs(onCaller);
            assertThat(onSecond).isNotSameAs(onFirst).isNotSameAs(onCaller);
            assertThat(created).hasValue(3);
        } finally {
            loops.shutdownGracefully().sync();
        }
    }
}
