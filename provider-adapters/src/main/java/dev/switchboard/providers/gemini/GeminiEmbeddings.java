package dev.switchboard.providers.gemini;

import dev.switchboard.contracts.chat.ResolvedModel;
import dev.switchboard.contracts.embedding.EmbeddingRequest;
import dev.switchboard.contracts.embedding.EmbeddingResponse;
import dev.switchboard.contracts.error.ErrorCategory;
import dev.switchboard.contracts.error.GatewayException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code :batchEmbedContents} body, one request per input, and its {@code {"embeddings":[{"values":[...]}]}}
 * answer in input order (provider-protocols §3.1). Gemini reports no token count, so usage is 0. Pure.
 */
final class GeminiEmbeddings {

    private GeminiEmbeddings() {}

    static byte[] toWire(EmbeddingRequest request, String model) {
        ObjectNode body = GeminiWire.JSON.createObjectNode();
        var requests = body.putArray("requests");
        for (String input : request.inputs()) {
            ObjectNode one = requests.addObject();
            one.put("model", "models/" + model);
            one.putObject("content").putArray("parts").addObject().put("text", input);
            if (request.dimensions() != null) {
                one.put("outputDimensionality", request.dimensions());
            }
        }
        return GeminiWire.JSON.writeValueAsBytes(body);
    }

    static EmbeddingResponse fromWire(byte[] body, String provider, String model) {
        GeminiWire.Embeddings answer;
        try {
            answer = body.length == 0 ? null : GeminiWire.JSON.readValue(body, GeminiWire.Embeddings.class);
        } catch (JacksonException e) {
            throw malformed(provider, e.getOriginalMessage());
        }
        if (answer == null || answer.embeddings() == null) {
            throw malformed(provider, "no embeddings array");
        }
        List<float[]> vectors = new ArrayList<>(answer.embeddings().size());
        for (GeminiWire.Embedding embedding : answer.embeddings()) {
            if (embedding.values() == null) {
                throw malformed(provider, "embedding " + vectors.size() + " has no values");
            }
            vectors.add(embedding.values());
        }
        return new EmbeddingResponse(new ResolvedModel(provider, model), vectors, 0);
    }

    private static GatewayException malformed(String provider, String detail) {
        return new GatewayException(ErrorCategory.UPSTREAM_UNAVAILABLE,
                provider + ": malformed batchEmbedContents response (" + detail + ")",
                GatewayException.Origin.upstream(provider, 200, null));
    }
}
