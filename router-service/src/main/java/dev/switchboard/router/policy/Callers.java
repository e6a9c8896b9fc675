package dev.switchboard.router.policy;

import dev.switchboard.contracts.config.ConfigFile;
import dev.switchboard.contracts.error.ErrorCategory;
import dev.switchboard.contracts.error.GatewayException;
import dev.switchboard.contracts.identity.Principal;
import dev.switchboard.contracts.policy.DataClass;
import dev.switchboard.contracts.policy.KeyPolicy;
import dev.switchboard.contracts.policy.OrgPolicy;
import dev.switchboard.contracts.policy.TeamPolicy;
import dev.switchboard.policyview.Governance;
import java.time.Clock;
import org.jspecify.annotations.Nullable;

/**
 * Resolves the verified principal of a request to its {@link Caller}: the key (which must still exist, not be revoked
 * and not have expired), its team, its team's organisation (when one is declared), and the request's data class (the key's, else the team's, else public; the
 * {@code x-switchboard-data-class} header may raise it, never lower it).
 */
public final class Callers {

    public static final String DATA_CLASS_HEADER = "x-switchboard-data-class";

    private final Governance governance;
    private final ConfigFile config;
    private final Clock clock;

    public Callers(Governance governance, ConfigFile config, Clock clock) {
        this.governance = governance;
        this.config = config;
        this.clock = clock;
    }

    public Caller resolve(Principal principal, @Nullable String dataClassHeader) {
        KeyPolicy key = null;
        String teamId = principal.team();
        if (!principal.isToken()) {
            key = key(principal.keyName());
            teamId = key.team();
        }
        TeamPolicy team = null;
        if (teamId != null) {
            String wanted = teamId;
            team = governance.team(wanted).orElseThrow(() -> new GatewayException(ErrorCategory.POLICY_DENIED,
                    "team '" + wanted + "' is not known to Switchboard; ask a platform admin to create it"));
        }
        DataClass base = key != null && key.dataClass() != null ? key.dataClass()
                : team != null ? team.dataClass() : DataClass.PUBLIC;
        OrgPolicy org = team == null ? null : governance.org(team.org()).orElse(null);
        return new Caller(principal, key, team, raised(base, dataClassHeader), org);
    }

    /**
     * The key a principal names. The edge and the router read {@code switchboard.yaml} on their own, so a file key the
     * edge has just accepted may not be in the router's version yet: on such a miss the file is checked once at once
     * (only an edge-signed principal gets here, so callers cannot make the router read the file at will).
     */
    private KeyPolicy key(String name) {
        var key = governance.key(name);
        if (key.isEmpty() && config.reload()) {
            key = governance.key(name);
        }
        KeyPolicy found = key.orElseThrow(() -> new GatewayException(ErrorCategory.UNAUTHENTICATED,
                "the key '" + name + "' is no longer configured"));
        if (found.revoked()) {
            throw new GatewayException(ErrorCategory.UNAUTHENTICATED, "the key '" + found.name() + "' has been revoked");
        }
        if (!found.activeAt(clock.instant())) {
            throw new GatewayException(ErrorCategory.UNAUTHENTICATED,
                    "the key '" + found.name() + "' expired at " + found.expiresAt());
        }
        return found;
    }

    private static DataClass raised(DataClass base, @Nullable String header) {
        if (header == null || header.isBlank()) {
            return base;
        }
        try {
            return DataClass.higher(base, DataClass.parse(header));
        } catch (IllegalArgumentException e) {
            throw new GatewayException(ErrorCategory.INVALID_REQUEST, DATA_CLASS_HEADER + ": " + e.getMessage());
        }
    }
}
