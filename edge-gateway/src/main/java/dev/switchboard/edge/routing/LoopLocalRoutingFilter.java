package dev.switchboard.edge.routing;

import dev.switchboard.providers.http.LoopLocalClients;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.cloud.gateway.filter.NettyRoutingFilter;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.web.server.ServerWebExchange;
import reactor.netty.http.client.HttpClient;

/**
 * Spring Cloud Gateway's proxy with one connection pool per event loop ({@link LoopLocalClients}): the request
 * to the router leaves on the loop that received it and its answer comes back on it, so the edge never hands a
 * request to another thread. Replaces the gateway's own {@code NettyRoutingFilter}, which is switched off.
 */
public final class LoopLocalRoutingFilter extends NettyRoutingFilter {

    private final LoopLocalClients clients;

    public LoopLocalRoutingFilter(LoopLocalClients clients, ObjectProvider<List<HttpHeadersFilter>> headersFilters,
                                  HttpClientProperties properties) {
        super(clients.get(), headersFilters, properties);
        this.clients = clients;
    }

    @Override
    protected HttpClient getHttpClient(Route route, ServerWebExchange exchange) {
        return clients.get();
    }
}
