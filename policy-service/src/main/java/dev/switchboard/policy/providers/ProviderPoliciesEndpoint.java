package dev.switchboard.policy.providers;

import dev.switchboard.contracts.identity.Principal;
import dev.switchboard.contracts.policy.DataClass;
import dev.switchboard.contracts.policy.ProviderDataPolicies;
import dev.switchboard.contracts.policy.ProviderDataPolicy;
import dev.switchboard.contracts.policy.Source;
import dev.switchboard.policy.access.Access;
import dev.switchboard.policy.access.CallerFilter;
import dev.switchboard.policy.web.ApiException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Provider data policies ({@code /admin/v1/provider-policies}) and the data classes they allow. */
@RestController
public class ProviderPoliciesEndpoint {

    private final ProviderPolicyRepository policies;
    private final ProviderPolicyService service;
    private final Access access;

    public ProviderPoliciesEndpoint(ProviderPolicyRepository policies, ProviderPolicyService service, Access access) {
        this.policies = policies;
        this.service = service;
        this.access = access;
    }

    /** A policy as listed, with the most sensitive data class it may serve. */
    public record PolicyView(String provider, @Nullable Integer retentionDays, boolean trainsOnData,
                             boolean zeroRetention, String region, Source source, DataClass maxDataClass) {
        static PolicyView of(ProviderDataPolicy policy) {
            return new PolicyView(policy.provider(), policy.retentionDays(), policy.trainsOnData(),
                    policy.zeroRetention(), policy.region(), policy.source(), policy.maxDataClass());
        }
    }

    /** The body of a PUT; flags left out are false, a region left out is {@code unknown}. */
    public record PolicyFacts(@Nullable Integer retentionDays, @Nullable Boolean trainsOnData,
                              @Nullable Boolean zeroRetention, @Nullable String region) {}

    /** A data class and what it means. */
    public record DataClassInfo(String name, String meaning) {}

    /** The built-in facts by kind, with every override (by provider name or kind) in their place. */
    @GetMapping("/admin/v1/provider-policies")
    public List<PolicyView> list(@RequestAttribute(CallerFilter.ATTRIBUTE) Principal caller) {
        access.requireAnyAdminRole(caller);
        Map<String, ProviderDataPolicy> merged = new TreeMap<>(ProviderDataPolicies.builtIn());
        policies.all().forEach(policy -> merged.put(policy.provider(), policy));
        return merged.values().stream().map(PolicyView::of).toList();
    }

    @PutMapping("/admin/v1/provider-policies/{provider}")
    public PolicyView put(@RequestAttribute(CallerFilter.ATTRIBUTE) Principal caller, @PathVariable String provider,
                          @RequestBody PolicyFacts facts) {
        access.requirePlatformAdmin(caller);
        if (facts.retentionDays() != null && facts.retentionDays() < 0) {
            throw ApiException.badRequest("invalid_retention", "retentionDays is at least 0");
        }
        String region = facts.region() == null || facts.region().isBlank() ? "unknown" : facts.region();
        return PolicyView.of(service.put(new ProviderDataPolicy(provider, facts.retentionDays(),
                Boolean.TRUE.equals(facts.trainsOnData()), Boolean.TRUE.equals(facts.zeroRetention()), region,
                Source.API)));
    }

    @DeleteMapping("/admin/v1/provider-policies/{provider}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(@RequestAttribute(CallerFilter.ATTRIBUTE) Principal caller, @PathVariable String provider) {
        access.requirePlatformAdmin(caller);
        service.delete(provider);
    }

    @GetMapping("/admin/v1/data-classes")
    public List<DataClassInfo> dataClasses(@RequestAttribute(CallerFilter.ATTRIBUTE) Principal caller) {
        access.requireAnyAdminRole(caller);
        return List.of(
                new DataClassInfo(DataClass.PUBLIC.label(), "may be published; any provider may serve it, "
                        + "including ones that keep and train on data"),
                new DataClassInfo(DataClass.INTERNAL.label(), "not for outside eyes; only providers that do not "
                        + "train on data (the default for teams)"),
                new DataClassInfo(DataClass.CONFIDENTIAL.label(), "customer or regulated data; only providers with "
                        + "zero retention that do not train on data"));
    }
}
