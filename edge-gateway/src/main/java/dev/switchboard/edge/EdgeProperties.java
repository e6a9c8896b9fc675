package dev.switchboard.edge;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The edge's infrastructure settings ({@code SWITCHBOARD_*} environment variables bind here).
 *
 * @param config path of {@code switchboard.yaml}; default: the one in the working directory, else the built-in
 * @param internalSecret the secret principals are signed with for the router (at least 16 characters)
 * @param adminKeySha256 SHA-256 of the admin key, accepted beside the keys in {@code switchboard.yaml}
 * @param reloadInterval how often {@code switchboard.yaml} is checked for changes
 * @param edge where the router and the policy service are and how large a request body may be
 * @param identity the identity provider whose tokens the edge accepts beside Switchboard keys
 */
@ConfigurationProperties("switchboard")
public record EdgeProperties(@Nullable String config, @Nullable String internalSecret,
                             @Nullable String adminKeySha256, @DefaultValue("2s") Duration reloadInterval,
                             @DefaultValue Edge edge, @DefaultValue Identity identity) {

    /**
     * Edge-only settings under {@code switchboard.edge}: where the router is, where the policy service's admin API is
     * (routed under {@code /admin/**} when set), where the cost service's API is ({@code /admin/v1/spend},
     * {@code /requests}, {@code /latency}, {@code /prices} when set), and how large a request body may be.
     */
    public record Edge(@DefaultValue("http://127.0.0.1:8081") URI routerUrl, @Nullable URI policyUrl,
                       @Nullable URI costUrl, @DefaultValue("32MB") DataSize maxBodySize) {
    }

    /** Identity-provider settings under {@code switchboard.identity}. */
    public record Identity(@DefaultValue Oidc oidc) {
    }

    /**
     * An OpenID Connect provider such as Keycloak; off unless {@code issuerUri} is set.
     *
     * @param issuerUri the issuer (e.g. {@code http://127.0.0.1:8180/realms/switchboard}); tokens must carry it as
     *     {@code iss} exactly, and its discovery document names the signing keys
     * @param audience the value a token's {@code aud} must include
     * @param teamClaim the claim naming the caller's team
     */
    public record Oidc(@Nullable String issuerUri, @DefaultValue("switchboard") String audience,
                       @DefaultValue("switchboard_team") String teamClaim) {

        public boolean enabled() {
            return issuerUri != null && !issuerUri.isBlank();
        }
    }
}
