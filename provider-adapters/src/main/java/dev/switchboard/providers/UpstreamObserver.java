package dev.switchboard.providers;

import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import reactor.util.context.ContextView;

/**
 * Told the status and headers of every upstream response, before its body. The router puts one in the Reactor context
 * of an attempt ({@code contextWrite(UpstreamObserver.KEY, observer)}) to learn rate-limit headroom; adapters need
 * not know.
 */
@FunctionalInterface
public interface UpstreamObserver {

    Object KEY = UpstreamObserver.class;

    void onResponse(int status, Function<String, @Nullable String> header);

    static void notify(ContextView context, int status, Function<String, @Nullable String> header) {
        if (context.hasKey(KEY)) {
            context.<UpstreamObserver>get(KEY).onResponse(status, header);
        }
    }
}
