package dev.switchboard.policy;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The settings the policy service shares with the other services ({@code SWITCHBOARD_*} environment variables).
 *
 * @param config path of {@code switchboard.yaml}; default: the one in the working directory, else the built-in
 * @param internalSecret the secret the edge signs principals with (at least 16 characters; required)
 * @param masterKeys the master key ring provider credentials are sealed with ({@code <id>:<base64 of 32 bytes>},
 *     comma-separated, the active key first); without it credential writes answer 503
 * @param reloadInterval how often {@code switchboard.yaml} is checked for changes
 */
@ConfigurationProperties("switchboard")
public record SwitchboardProperties(@Nullable String config, @Nullable String internalSecret,
                                    @Nullable String masterKeys, @DefaultValue("2s") Duration reloadInterval) {

    @Override
    public String toString() {
        return "SwitchboardProperties[config=" + config + ", reloadInterval=" + reloadInterval + "]";
    }
}
