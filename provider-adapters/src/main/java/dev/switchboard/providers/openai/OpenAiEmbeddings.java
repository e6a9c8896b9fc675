package dev.switchboard.providers.openai;

import dev.switchboard.contracts.chat.ResolvedModel;
import dev.switchboard.contracts.embedding.EmbeddingRequest;
import dev.switchboard.contracts.embedding.EmbeddingResponse;
import dev.switchboard.contracts.error.ErrorCategory;
import dev.switchboard.contracts.error.GatewayException;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;

/** The {@code /embeddings} request body and response, OpenAI shape. Pure. */
final class OpenAiEmbeddings {

    private OpenAiEmbeddings() {}

    static byte[] toWire(EmbeddingRequest request, String model) {
        var bytes = new ByteArrayOutputStream(256);
        try (JsonGenerator out = OpenAiWire.JSON.createGenerator(bytes)) {
            out.writeStartObject();
            out.writeStringProperty("model", model);
            out.writeArrayPropertyStart("input");
            request.inputs().forEach(out::writeString);
            out.writeEndArray();
            out.writeStringProperty("encoding_format", "float");
            if (request.dimensions() != null) {
                out.writeNumberProperty("dimensions", request.dimensions());
            }
            out.writeEndObject();
        }
        return bytes.toByteArray();
    }

    static EmbeddingResponse fromWire(byte[] body, String provider, String targetModel) {
        OpenAiWire.EmbeddingList list;
        try {
            list = OpenAiWire.JSON.readValue(body, OpenAiWire.EmbeddingList.class);
        } catch (JacksonException e) {
            throw malformed(provider, e.getOriginalMessage());
        }
        if (list.data() == null) {
            throw malformed(provider, "no data array");
        }
        List<OpenAiWire.Embedding> sorted = new ArrayList<>(list.data());
        sorted.sort(Comparator.comparingInt(OpenAiWire.Embedding::index));
        List<float[]> vectors = new ArrayList<>(sorted.size());
        for (OpenAiWire.Embedding e : sorted) {
            if (e.embedding() == null) {
                throw malformed(provider, "embedding " + e.index() + " has no float array");
            }
            vectors.add(e.embedding());
        }
        long tokens = list.usage() == null ? 0 : list.usage().promptTokens();
        String model = list.model() != null ? list.model() : targetModel;
        return new EmbeddingResponse(new ResolvedModel(provider, model), vectors, tokens);
    }

    private static GatewayException malformed(String provider, String detail) {
        return new GatewayException(ErrorCategory.UPSTREAM_UNAVAILABLE,
                provider + ": malformed embeddings response (" + detail + ")",
                GatewayException.Origin.upstream(provider, 200, null));
    }
}
