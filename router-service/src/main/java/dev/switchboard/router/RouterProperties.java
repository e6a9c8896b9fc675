package dev.switchboard.router;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The router's infrastructure settings ({@code SWITCHBOARD_*} environment variables bind here).
 *
 * @param config path of {@code switchboard.yaml}; default: the one in the working directory, else the built-in
 * @param internalSecret the secret the edge signs principals with (at least 16 characters)
 * @param adminKeySha256 SHA-256 of the admin key, added to the keys of every config version
 * @param reloadInterval how often {@code switchboard.yaml} is checked for changes
 */
@ConfigurationProperties("switchboard")
public record RouterProperties(@Nullable String config, @Nullable String internalSecret,
                               @Nullable String adminKeySha256, @DefaultValue("2s") Duration reloadInterval) {
}
