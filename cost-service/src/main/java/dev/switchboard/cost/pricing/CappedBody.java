package dev.switchboard.cost.pricing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import org.jspecify.annotations.Nullable;

/**
 * Collects a response body of at most {@code maxBytes}; a larger one (declared or streamed) cancels the download and
 * fails, so a huge or endless feed never fills the heap.
 */
final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {

    private final String location;
    private final long maxBytes;
    private final long declaredBytes;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private Flow.@Nullable Subscription subscription;

    /** @param declaredBytes the Content-Length, or -1 when the response does not declare one */
    CappedBody(String location, long maxBytes, long declaredBytes) {
        this.location = location;
        this.maxBytes = maxBytes;
        this.declaredBytes = declaredBytes;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (declaredBytes > maxBytes) {
            fail(s);
            return;
        }
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer item : items) {
            if (buffer.size() + (long) item.remaining() > maxBytes) {
                fail(subscription);
                return;
            }
            byte[] chunk = new byte[item.remaining()];
            item.get(chunk);
            buffer.writeBytes(chunk);
        }
    }

    @Override
    public void onError(Throwable error) {
        result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        result.complete(buffer.toByteArray());
    }

    private void fail(Flow.@Nullable Subscription s) {
        if (s != null) {
            s.cancel();
        }
        result.completeExceptionally(tooLarge(location, maxBytes));
    }

    static IOException tooLarge(String location, long maxBytes) {
        return new IOException(location + " is larger than " + maxBytes + " bytes (the price feed size limit)");
    }
}
