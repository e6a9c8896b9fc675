package dev.switchboard.router.policy;

import dev.switchboard.contracts.config.ProviderConfig;
import dev.switchboard.contracts.error.ErrorCategory;
import dev.switchboard.contracts.error.GatewayException;
import dev.switchboard.contracts.policy.DataClass;
import dev.switchboard.contracts.policy.ProviderDataPolicy;
import dev.switchboard.policyview.Governance;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Keeps only the deployments whose provider's data policy allows the request's data class. Public data goes
 * everywhere; internal and confidential data only to providers whose retention and training terms allow it.
 */
public final class DataPolicies {

    private final Governance governance;

    public DataPolicies(Governance governance) {
        this.governance = governance;
    }

    /**
     * The deployments (by provider name) that may receive the caller's data, in their order; 403 naming each refused
     * provider and why when none may.
     */
    public <D> List<D> allowed(List<D> deployments, Function<D, String> providerName,
                               Function<String, @Nullable ProviderConfig> providers, Caller caller, String model) {
        DataClass dataClass = caller.dataClass();
        if (dataClass == DataClass.PUBLIC) {
            return deployments;
        }
        List<D> kept = new ArrayList<>(deployments.size());
        List<String> refused = new ArrayList<>(0);
        for (D d : deployments) {
            ProviderConfig provider = providers.apply(providerName.apply(d));
            ProviderDataPolicy policy = provider == null ? null : governance.providerPolicy(provider);
            if (policy != null && policy.allows(dataClass)) {
                kept.add(d);
            } else {
                refused.add(providerName.apply(d) + (policy == null ? "" : " (" + why(policy) + ")"));
            }
        }
        if (kept.isEmpty()) {
            throw new GatewayException(ErrorCategory.POLICY_DENIED, "no provider of model '" + model
                    + "' may receive " + dataClass.label() + " data from " + caller.describe() + ": "
                    + String.join("; ", refused) + ". Route the model to a zero-retention provider or lower the "
                    + "request's data class.");
        }
        return kept;
    }

    private static String why(ProviderDataPolicy policy) {
        String retention = policy.retentionDays() == null ? "retention not documented"
                : policy.retentionDays() == 0 ? "keeps nothing" : "keeps data " + policy.retentionDays() + " days";
        return retention + (policy.trainsOnData() ? ", may train on it" : "") + ", "
                + policy.maxDataClass().label() + " data at most";
    }
}
