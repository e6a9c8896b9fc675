package dev.switchboard.policy.credentials;

import dev.switchboard.contracts.policy.CredentialSeal;
import dev.switchboard.contracts.policy.PolicyChange.Entity;
import dev.switchboard.contracts.policy.SealedCredential;
import dev.switchboard.contracts.policy.Source;
import dev.switchboard.policy.outbox.Outbox;
import dev.switchboard.policy.web.ApiException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals provider credentials under the active master key and re-seals stale ones. Plaintext values exist only in
 * the request that sets them; they are never logged, stored or returned.
 */
public final class CredentialService {

    private static final Logger log = LoggerFactory.getLogger(CredentialService.class);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

    private final CredentialRepository credentials;
    private final MasterKeys masterKeys;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public CredentialService(CredentialRepository credentials, MasterKeys masterKeys, Outbox outbox,
                             TransactionTemplate transactions, Clock clock) {
        this.credentials = credentials;
        this.masterKeys = masterKeys;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What re-sealing did: how many seals it renewed and which could not be opened with the ring. */
    public record ResealResult(int resealed, List<String> unreadable) {}

    public SealedCredential put(String name, String value) {
        if (!NAME.matcher(name).matches()) {
            throw ApiException.badRequest("invalid_name", "credential names are letters, digits, '.', '_' and '-'");
        }
        if (value.isBlank()) {
            throw ApiException.badRequest("invalid_value", "the credential value is empty");
        }
        String sealed = masterKeys.seal().seal(value);
        return transactions.execute(tx -> {
            outbox.lock();
            credentials.lock(name).filter(c -> c.source() == Source.FILE).ifPresent(c -> {
                throw ApiException.fileManaged("credential '" + name + "'");
            });
            SealedCredential saved = save(new SealedCredential(name, sealed, clock.instant(), Source.API));
            log.info("credential '{}' set (sealed under master key '{}')", name, masterKeys.seal().activeKeyId());
            return saved;
        });
    }

    public void delete(String name) {
        transactions.executeWithoutResult(tx -> {
            outbox.lock();
            SealedCredential current = credentials.lock(name)
                    .orElseThrow(() -> ApiException.notFound("credential '" + name + "' not found"));
            if (current.source() == Source.FILE) {
                throw ApiException.fileManaged("credential '" + name + "'");
            }
            credentials.delete(name);
            outbox.record(Entity.CREDENTIAL, name, null);
        });
    }

    /** Re-seals every credential sealed under an older master key with the active one: rotation without downtime. */
    public ResealResult reseal() {
        CredentialSeal seal = masterKeys.seal();
        return transactions.execute(tx -> {
            outbox.lock();
            int resealed = 0;
            List<String> unreadable = new ArrayList<>();
            for (SealedCredential credential : credentials.all()) {
                if (!seal.isStale(credential.sealed())) {
                    continue;
                }
                try {
                    String renewed = seal.seal(seal.open(credential.sealed()));
                    save(new SealedCredential(credential.name(), renewed, clock.instant(), credential.source()));
                    resealed++;
                } catch (IllegalArgumentException e) {
                    unreadable.add(credential.name());
                }
            }
            log.info("re-sealed {} credentials under master key '{}'; {} could not be opened: {}", resealed,
                    seal.activeKeyId(), unreadable.size(), unreadable);
            return new ResealResult(resealed, List.copyOf(unreadable));
        });
    }

    private SealedCredential save(SealedCredential credential) {
        credentials.upsert(credential);
        outbox.record(Entity.CREDENTIAL, credential.name(), credential);
        return credential;
    }
}
