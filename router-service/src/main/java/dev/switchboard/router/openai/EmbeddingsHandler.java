package dev.switchboard.router.openai;

import static dev.switchboard.router.web.Fields.optional;

import dev.switchboard.contracts.embedding.EmbeddingRequest;
import dev.switchboard.contracts.embedding.EmbeddingResponse;
import dev.switchboard.contracts.error.GatewayException;
import dev.switchboard.contracts.events.CompletionEvent;
import dev.switchboard.router.admission.Admission;
import dev.switchboard.router.events.Completion;
import dev.switchboard.router.events.Completions;
import dev.switchboard.router.policy.Caller;
import dev.switchboard.router.principal.PrincipalFilter;
import dev.switchboard.router.routing.Routing;
import dev.switchboard.router.web.Fields;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /v1/embeddings}: text inputs, float or base64 output as the caller asks; one {@link Completion} each,
 * held to the caller's budgets ({@link Admission}).
 */
public final class EmbeddingsHandler {

    private final JsonMapper json;
    private final Routing routing;
    private final Completions completions;
    private final Admission admission;

    public EmbeddingsHandler(JsonMapper json, Routing routing, Completions completions, Admission admission) {
        this.json = json;
        this.routing = routing;
        this.completions = completions;
        this.admission = admission;
    }

    public Mono<ServerResponse> handle(ServerRequest request) {
        return request.bodyToMono(byte[].class).defaultIfEmpty(new byte[0]).flatMap(body -> {
            JsonNode root = Fields.parseObject(json, body);
            var embedding = new EmbeddingRequest(Fields.string(root, "model", "model"), inputs(root),
                    dimensions(root));
            String format = Fields.optionalString(root, "encoding_format", "encoding_format");
            boolean base64 = "base64".equals(format);
            if (format != null && !base64 && !"float".equals(format)) {
                throw GatewayException.invalid("encoding_format", "encoding_format: expected float or base64");
            }
            Completion completion = completions.begin(request.exchange(),
                    new CompletionEvent.RequestInfo("embeddings", embedding.model(), false),
                    Fields.optionalString(root, "user", "user"), Map.of());
            completion.keepRequestBody(body); // the vectors are not worth keeping: the request log has no response
            Caller caller = PrincipalFilter.caller(request.exchange());
            Routing.Call routed = routing.routeEmbeddings(embedding.model(), caller);
            completion.routed(routed);
            return admission.embeddings(caller, routed, maxInputTokens(embedding), completion,
                    () -> completion.embedding(routing.embed(embedding, routed)).flatMap(response -> ServerResponse.ok()
                            .contentType(MediaType.APPLICATION_JSON)
                            .headers(h -> routed.servedBy(h::set, response.model()))
                            .bodyValue(encode(response, base64))));
        });
    }

    /** Byte-level tokenizers make at most one token per UTF-8 byte: the budget's worst case. */
    private static long maxInputTokens(EmbeddingRequest embedding) {
        long bytes = 0;
        for (String input : embedding.inputs()) {
            for (int i = 0; i < input.length(); i++) {
                char c = input.charAt(i);
                bytes += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
            }
        }
        return bytes;
    }

    private static List<String> inputs(JsonNode root) {
        JsonNode input = optional(root, "input");
        if (input == null) {
            throw GatewayException.invalid("input", "input: is required");
        }
        if (input.isString()) {
            return List.of(input.asString());
        }
        Fields.array(input, "input");
        if (input.isEmpty() || input.size() > 2048) {
            throw GatewayException.invalid("input", "input: expected 1 to 2048 items, got " + input.size());
        }
        List<String> out = new ArrayList<>(input.size());
        for (int i = 0; i < input.size(); i++) {
            if (!input.get(i).isString()) {
                throw GatewayException.invalid("input", "input[" + i + "]: expected a string (token arrays are not "
                        + "supported; send text)");
            }
            out.add(input.get(i).asString());
        }
        return out;
    }

    private static Integer dimensions(JsonNode root) {
        Long dimensions = Fields.optionalInteger(root, "dimensions");
        if (dimensions != null && (dimensions < 1 || dimensions > 65_536)) {
            throw GatewayException.invalid("dimensions", "dimensions: must be between 1 and 65536");
        }
        return dimensions == null ? null : dimensions.intValue();
    }

    private byte[] encode(EmbeddingResponse response, boolean base64) {
        var out = new ByteArrayOutputStream();
        try (JsonGenerator gen = json.createGenerator(out)) {
            gen.writeStartObject();
            gen.writeStringProperty("object", "list");
            gen.writeArrayPropertyStart("data");
            for (int i = 0; i < response.vectors().size(); i++) {
                gen.writeStartObject();
                gen.writeStringProperty("object", "embedding");
                gen.writeNumberProperty("index", i);
                vector(gen, response.vectors().get(i), base64);
                gen.writeEndObject();
            }
            gen.writeEndArray();
            gen.writeStringProperty("model", response.model().model());
            gen.writeObjectPropertyStart("usage");
            gen.writeNumberProperty("prompt_tokens", response.inputTokens());
            gen.writeNumberProperty("total_tokens", response.inputTokens());
            gen.writeEndObject();
            gen.writeEndObject();
        }
        return out.toByteArray();
    }

    private static void vector(JsonGenerator gen, float[] vector, boolean base64) {
        if (base64) {
            ByteBuffer bytes = ByteBuffer.allocate(vector.length * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (float v : vector) {
                bytes.putFloat(v);
            }
            gen.writeStringProperty("embedding", Base64.getEncoder().encodeToString(bytes.array()));
            return;
        }
        gen.writeArrayPropertyStart("embedding");
        for (float v : vector) {
            gen.writeNumber(v);
        }
        gen.writeEndArray();
    }
}
