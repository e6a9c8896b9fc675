package dev.switchboard.providers.mock;

import dev.switchboard.contracts.chat.ResolvedModel;
import dev.switchboard.contracts.embedding.EmbeddingRequest;
import dev.switchboard.contracts.embedding.EmbeddingResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * Deterministic unit vectors for the mock: the same text always gives the same vector, different texts almost
 * always different ones. Dimensions: the request's, else 16.
 */
final class MockEmbeddings {

    static final int DEFAULT_DIMENSIONS = 16;

    private MockEmbeddings() {
    }

    static EmbeddingResponse embed(EmbeddingRequest request, ResolvedModel model) {
        int dimensions = request.dimensions() == null ? DEFAULT_DIMENSIONS : request.dimensions();
        List<float[]> vectors = new ArrayList<>(request.inputs().size());
        long chars = 0;
        for (String input : request.inputs()) {
            vectors.add(vector(input, dimensions));
            chars += input.length();
        }
        return new EmbeddingResponse(model, vectors, Math.max(1, (chars + 3) / 4));
    }

    private static float[] vector(String text, int dimensions) {
        float[] vector = new float[dimensions];
        byte[] block = new byte[0];
        double norm = 0;
        for (int i = 0; i < dimensions; i++) {
            if (i % 32 == 0) {
                block = sha256(i / 32 + ":" + text);
            }
            vector[i] = (block[i % 32] & 0xFF) / 127.5f - 1f;
            norm += vector[i] * vector[i];
        }
        float scale = norm == 0 ? 1f : (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < dimensions; i++) {
            vector[i] *= scale;
        }
        return vector;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
