package dev.switchboard.contracts.policy;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * What a provider does with the data it is sent: days it keeps prompts and outputs ({@code null}: not documented),
 * whether it trains on them, whether zero retention applies, and where it processes them. {@code provider} is a
 * provider kind (the built-in facts) or a configured provider's name (an operator's override, e.g. after signing a
 * zero-retention agreement). The most sensitive data class it may serve follows from those facts.
 */
public record ProviderDataPolicy(String provider, @Nullable Integer retentionDays, boolean trainsOnData,
                                 boolean zeroRetention, String region, Source source) {

    public ProviderDataPolicy {
        requireNonNull(provider, "provider");
        requireNonNull(region, "region");
        requireNonNull(source, "source");
    }

    /**
     * Confidential only with zero retention and no training; internal when it does not train on the data; public
     * otherwise.
     */
    public DataClass maxDataClass() {
        if (trainsOnData) {
            return DataClass.PUBLIC;
        }
        return zeroRetention ? DataClass.CONFIDENTIAL : DataClass.INTERNAL;
    }

    public boolean allows(DataClass dataClass) {
        return dataClass.compareTo(maxDataClass()) <= 0;
    }
}
