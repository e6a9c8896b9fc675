package dev.switchboard.policy.file;

import dev.switchboard.contracts.config.ConfigFile;
import dev.switchboard.contracts.config.SwitchboardConfig;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Applies {@code switchboard.yaml} once every bean (and the schema migration) is ready, then after every reload. A
 * reload that cannot be applied (the database is down) is retried every reload interval until it is, unless a newer
 * version replaces it first.
 */
public final class PolicyFile implements SmartInitializingSingleton, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PolicyFile.class);

    private final ConfigFile file;
    private final FileSync sync;
    private final Duration reloadInterval;
    private final AtomicReference<@Nullable SwitchboardConfig> pending = new AtomicReference<>();
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("policy-file-retry").factory());

    public PolicyFile(ConfigFile file, FileSync sync, Duration reloadInterval) {
        this.file = file;
        this.sync = sync;
        this.reloadInterval = reloadInterval;
    }

    @Override
    public void afterSingletonsInstantiated() {
        sync.apply(file.current());
        file.onActivate(this::apply);
        file.watch(reloadInterval);
        retries.scheduleWithFixedDelay(this::retry, reloadInterval.toMillis(), reloadInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private synchronized void apply(SwitchboardConfig config) {
        try {
            sync.apply(config);
            pending.set(null);
        } catch (RuntimeException e) {
            if (pending.getAndSet(config) == null) {
                log.error("switchboard.yaml version {} could not be applied to the policy store, retrying: {}",
                        config.stamp().version(), e.toString());
            }
        }
    }

    private void retry() {
        SwitchboardConfig config = pending.get();
        if (config != null) {
            apply(config);
        }
    }

    @Override
    public void destroy() {
        retries.shutdownNow();
    }
}
