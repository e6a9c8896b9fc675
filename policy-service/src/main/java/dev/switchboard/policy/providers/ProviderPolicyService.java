package dev.switchboard.policy.providers;

import dev.switchboard.contracts.policy.PolicyChange.Entity;
import dev.switchboard.contracts.policy.ProviderDataPolicy;
import dev.switchboard.contracts.policy.Source;
import dev.switchboard.policy.outbox.Outbox;
import dev.switchboard.policy.web.ApiException;
import org.springframework.transaction.support.TransactionTemplate;

/** Sets and removes provider data policy overrides; each change and its outbox row commit together. */
public final class ProviderPolicyService {

    private final ProviderPolicyRepository policies;
    private final Outbox outbox;
    private final TransactionTemplate transactions;

    public ProviderPolicyService(ProviderPolicyRepository policies, Outbox outbox, TransactionTemplate transactions) {
        this.policies = policies;
        this.outbox = outbox;
        this.transactions = transactions;
    }

    public ProviderDataPolicy put(ProviderDataPolicy policy) {
        return transactions.execute(tx -> {
            outbox.lock();
            requireApiManaged(policy.provider());
            policies.upsert(policy);
            outbox.record(Entity.PROVIDER_POLICY, policy.provider(), policy);
            return policy;
        });
    }

    public void delete(String provider) {
        transactions.executeWithoutResult(tx -> {
            outbox.lock();
            requireApiManaged(provider);
            if (!policies.delete(provider)) {
                throw ApiException.notFound("provider '" + provider + "' has no data policy override");
            }
            outbox.record(Entity.PROVIDER_POLICY, provider, null);
        });
    }

    private void requireApiManaged(String provider) {
        policies.lock(provider).filter(p -> p.source() == Source.FILE).ifPresent(p -> {
            throw ApiException.fileManaged("the data policy of provider '" + provider + "'");
        });
    }
}
