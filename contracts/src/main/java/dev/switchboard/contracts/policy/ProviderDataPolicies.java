package dev.switchboard.contracts.policy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The built-in data policies by provider kind, from the providers' published terms for paid API traffic with
 * default settings (research notes dated 2026-08; see {@code docs/data-policies.md}). Where a provider offers zero
 * retention only by agreement, the default here is without it: an operator who has the agreement says so for the
 * configured provider ({@code data-policy:} in {@code switchboard.yaml} or the admin API). Unknown kinds (a generic
 * OpenAI-compatible endpoint) are treated as public-only.
 */
public final class ProviderDataPolicies {

    private static final Map<String, ProviderDataPolicy> BUILT_IN = new LinkedHashMap<>();

    static {
        add("openai", 30, false, false, "us");
        add("anthropic", 30, false, false, "global");
        // Paid tier: logged "for a limited period" (days not published); the free tier trains on data.
        add("gemini", null, false, false, "global");
        add("gemini-openai", null, false, false, "global");
        add("groq", 30, false, false, "us");
        // Nothing is kept: no prompts, responses or logs.
        add("cerebras", 0, false, true, "us");
        // Held in memory only, but small samples may be logged for debugging: not zero retention.
        add("deepinfra", 0, false, false, "us");
        add("mistral", 30, false, false, "eu");
        add("xai", 30, false, false, "us");
        // Upstream endpoints vary; the default data_collection "allow" permits endpoints that train.
        add("openrouter", null, true, false, "global");
        // The built-in mock answers inside the gateway: nothing leaves the process.
        add("mock", 0, false, true, "local");
    }

    private ProviderDataPolicies() {
    }

    private static void add(String kind, Integer retentionDays, boolean trains, boolean zeroRetention, String region) {
        BUILT_IN.put(kind, new ProviderDataPolicy(kind, retentionDays, trains, zeroRetention, region, Source.BUILT_IN));
    }

    /** Every built-in policy, by kind. */
    public static Map<String, ProviderDataPolicy> builtIn() {
        return Map.copyOf(BUILT_IN);
    }

    /** The built-in policy of a kind, if there is one. */
    public static Optional<ProviderDataPolicy> forKind(String kind) {
        return Optional.ofNullable(BUILT_IN.get(kind));
    }

    /** The policy for unknown endpoints: may keep and train on data, so public data only. */
    public static ProviderDataPolicy unknown(String provider) {
        return new ProviderDataPolicy(provider, null, true, false, "unknown", Source.BUILT_IN);
    }
}
