package dev.switchboard.policy.file;

import dev.switchboard.contracts.config.ConfigFile;
import dev.switchboard.contracts.config.SwitchboardConfig;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Applies {@code switchboard.yaml} once every bean (and the schema migration) is ready, then after every reload.
 * A reload that cannot be applied (the database is down) is logged; the next change of the file applies in full.
 */
public final class PolicyFile implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(PolicyFile.class);

    private final ConfigFile file;
    private final FileSync sync;
    private final Duration reloadInterval;

    public PolicyFile(ConfigFile file, FileSync sync, Duration reloadInterval) {
        this.file = file;
        this.sync = sync;
        this.reloadInterval = reloadInterval;
    }

    @Override
    public void afterSingletonsInstantiated() {
        sync.apply(file.current());
        file.onActivate(this::applyReloaded);
        file.watch(reloadInterval);
    }

    private void applyReloaded(SwitchboardConfig config) {
        try {
            sync.apply(config);
        } catch (RuntimeException e) {
            log.error("switchboard.yaml version {} could not be applied to the policy store: {}",
                    config.stamp().version(), e.toString());
        }
    }
}
