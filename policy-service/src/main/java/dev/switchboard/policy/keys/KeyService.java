package dev.switchboard.policy.keys;

import dev.switchboard.contracts.config.Sha256;
import dev.switchboard.contracts.policy.PolicyChange.Entity;
import dev.switchboard.contracts.policy.KeyPolicy;
import dev.switchboard.contracts.policy.Source;
import dev.switchboard.contracts.policy.TeamPolicy;
import dev.switchboard.policy.keys.KeyRepository.StoredKey;
import dev.switchboard.policy.outbox.Outbox;
import dev.switchboard.policy.teams.TeamRepository;
import dev.switchboard.policy.web.ApiException;
import dev.switchboard.policy.web.Settings;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issues, changes and revokes keys. A key's models stay within its team's when the team restricts them; each
 * change and its outbox row commit together.
 */
public final class KeyService {

    private static final Logger log = LoggerFactory.getLogger(KeyService.class);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

    private final KeyRepository keys;
    private final TeamRepository teams;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final KeyGenerator generator;
    private final Clock clock;

    public KeyService(KeyRepository keys, TeamRepository teams, Outbox outbox, TransactionTemplate transactions,
                      KeyGenerator generator, Clock clock) {
        this.keys = keys;
        this.teams = teams;
        this.outbox = outbox;
        this.transactions = transactions;
        this.generator = generator;
        this.clock = clock;
    }

    public IssuedKey create(String teamId, KeySettings settings) {
        check(settings);
        String name = settings.name();
        if (name == null || !NAME.matcher(name).matches()) {
            throw ApiException.badRequest("invalid_name", "key names are letters, digits, '.', '_' and '-' (at most 63)");
        }
        String plaintext = generator.next();
        return transactions.execute(tx -> {
            outbox.lock();
            TeamPolicy team = teams.lock(teamId)
                    .orElseThrow(() -> ApiException.notFound("team '" + teamId + "' not found"));
            requireWithinTeam(settings, team);
            var key = new KeyPolicy(UUID.randomUUID().toString(), name, teamId,
                    KeyGenerator.visiblePrefix(plaintext), Sha256.hex(plaintext), settings.models(),
                    settings.dataClass(), settings.limits(), settings.budgets(), settings.roles(), settings.expiresAt(),
                    false, Source.API);
            keys.upsert(key, null);
            outbox.record(Entity.KEY, key.id(), key);
            log.info("key '{}' ({}, id {}) issued for team '{}'", name, key.prefix(), key.id(), teamId);
            return new IssuedKey(plaintext, KeyView.of(keys.find(key.id()).orElseThrow()));
        });
    }

    public KeyView replace(String id, KeySettings settings) {
        check(settings);
        return transactions.execute(tx -> {
            outbox.lock();
            StoredKey current = apiManaged(id);
            KeyPolicy old = current.policy();
            if (old.team() != null) {
                requireWithinTeam(settings, teams.lock(old.team()).orElseThrow(
                        () -> ApiException.notFound("team '" + old.team() + "' not found")));
            }
            var key = new KeyPolicy(id, old.name(), old.team(), old.prefix(), old.sha256Hex(), settings.models(),
                    settings.dataClass(), settings.limits(), settings.budgets(), settings.roles(), settings.expiresAt(),
                    old.revoked(), Source.API);
            keys.upsert(key, current.revokedAt());
            outbox.record(Entity.KEY, id, key);
            return KeyView.of(keys.find(id).orElseThrow());
        });
    }

    /** Revokes a key for good; revoking a revoked key changes nothing. */
    public KeyView revoke(String id) {
        return transactions.execute(tx -> {
            outbox.lock();
            StoredKey current = apiManaged(id);
            if (current.policy().revoked()) {
                return KeyView.of(current);
            }
            KeyPolicy old = current.policy();
            var key = new KeyPolicy(id, old.name(), old.team(), old.prefix(), old.sha256Hex(), old.models(),
                    old.dataClass(), old.limits(), old.budgets(), old.roles(), old.expiresAt(), true, Source.API);
            keys.upsert(key, clock.instant());
            outbox.record(Entity.KEY, id, key);
            log.info("key '{}' ({}, id {}) revoked", key.name(), key.prefix(), id);
            return KeyView.of(keys.find(id).orElseThrow());
        });
    }

    private StoredKey apiManaged(String id) {
        StoredKey current = keys.lock(id).orElseThrow(() -> ApiException.notFound("key '" + id + "' not found"));
        if (current.policy().source() == Source.FILE) {
            throw ApiException.fileManaged("key '" + current.policy().name() + "'");
        }
        return current;
    }

    private void check(KeySettings settings) {
        Settings.requireKnownRoles(settings.roles());
        Settings.requireOneBudgetPerPeriod(settings.budgets());
        Instant expiresAt = settings.expiresAt();
        if (expiresAt != null && !expiresAt.isAfter(clock.instant())) {
            throw ApiException.badRequest("invalid_expiry", "expiresAt " + expiresAt + " is not in the future");
        }
    }

    private static void requireWithinTeam(KeySettings settings, TeamPolicy team) {
        for (String model : settings.models().stream().sorted().toList()) {
            if (!team.allows(model)) {
                throw ApiException.badRequest("model_not_allowed", "model '" + model + "' is not allowed for team '"
                        + team.id() + "' (the team allows " + team.models().stream().sorted().toList() + ")");
            }
        }
    }
}
