package dev.switchboard.router.openai;

import dev.switchboard.contracts.error.ErrorCategory;
import dev.switchboard.contracts.error.GatewayException;
import dev.switchboard.router.principal.PrincipalFilter;
import dev.switchboard.router.routing.LiveRoutingTable;
import dev.switchboard.router.routing.Route;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /v1/models} and {@code GET /v1/models/{id}}: the models the caller's key may use. Each entry carries both
 * OpenAI's fields ({@code object}, {@code created}, {@code owned_by}) and Anthropic's ({@code type},
 * {@code display_name}, {@code created_at}), and the list both envelopes' fields, so either SDK can list them.
 */
public final class ModelsHandler {

    private final JsonMapper json;
    private final LiveRoutingTable routes;

    public ModelsHandler(JsonMapper json, LiveRoutingTable routes) {
        this.json = json;
        this.routes = routes;
    }

    public Mono<ServerResponse> list(ServerRequest request) {
        List<Route> visible = routes.visibleTo(PrincipalFilter.caller(request.exchange()));
        var out = new ByteArrayOutputStream();
        try (JsonGenerator gen = json.createGenerator(out)) {
            gen.writeStartObject();
            gen.writeStringProperty("object", "list");
            gen.writeArrayPropertyStart("data");
            visible.forEach(route -> model(gen, route));
            gen.writeEndArray();
            gen.writeBooleanProperty("has_more", false);
            gen.writeStringProperty("first_id", visible.isEmpty() ? null : visible.getFirst().name());
            gen.writeStringProperty("last_id", visible.isEmpty() ? null : visible.getLast().name());
            gen.writeEndObject();
        }
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(out.toByteArray());
    }

    public Mono<ServerResponse> one(ServerRequest request) {
        String id = request.pathVariable("id").substring(1);
        Route route = routes.visibleTo(PrincipalFilter.caller(request.exchange())).stream()
                .filter(r -> r.name().equals(id)).findFirst()
                .orElseThrow(() -> new GatewayException(ErrorCategory.MODEL_NOT_FOUND,
                        "The model '" + id + "' does not exist or you do not have access to it."));
        var out = new ByteArrayOutputStream();
        try (JsonGenerator gen = json.createGenerator(out)) {
            model(gen, route);
        }
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(out.toByteArray());
    }

    private static void model(JsonGenerator gen, Route route) {
        gen.writeStartObject();
        gen.writeStringProperty("id", route.name());
        gen.writeStringProperty("object", "model");
        gen.writeNumberProperty("created", 0);
        gen.writeStringProperty("owned_by", route.owner());
        gen.writeStringProperty("type", "model");
        gen.writeStringProperty("display_name", route.name());
        gen.writeStringProperty("created_at", "1970-01-01T00:00:00Z");
        gen.writeEndObject();
    }
}
