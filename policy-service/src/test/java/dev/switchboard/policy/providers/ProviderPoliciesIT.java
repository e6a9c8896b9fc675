package dev.switchboard.policy.providers;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.switchboard.policy.PolicyServiceTestBase;
import org.junit.jupiter.api.Test;

class ProviderPoliciesIT extends PolicyServiceTestBase {

    private static final String OPENAI = "$[?(@.provider == 'openai')]";

    @Test
    void listsBuiltInFactsWithTheirMaxDataClass() throws Exception {
        mvc.perform(get(viewer("any"), "/admin/v1/provider-policies")).andExpect(status().isOk())
                .andExpect(jsonPath(OPENAI + ".source").value("BUILT_IN"))
                .andExpect(jsonPath(OPENAI + ".maxDataClass").value("INTERNAL"))
                .andExpect(jsonPath("$[?(@.provider == 'openrouter')].maxDataClass").value("PUBLIC"))
                .andExpect(jsonPath("$[?(@.provider == 'cerebras')].maxDataClass").value("CONFIDENTIAL"));
    }

    @Test
    void anOverrideTakesTheBuiltInsPlaceUntilRemoved() throws Exception {
        mvc.perform(put(platformAdmin(), "/admin/v1/provider-policies/openai",
                        "{\"retentionDays\":0,\"zeroRetention\":true,\"region\":\"eu\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.maxDataClass").value("CONFIDENTIAL"));
        mvc.perform(put(platformAdmin(), "/admin/v1/provider-policies/my-gateway", "{\"trainsOnData\":true}"))
                .andExpect(status().isOk());

        mvc.perform(get(platformAdmin(), "/admin/v1/provider-policies")).andExpect(status().isOk())
                .andExpect(jsonPath(OPENAI + ".source").value("API"))
                .andExpect(jsonPath(OPENAI + ".region").value("eu"))
                .andExpect(jsonPath("$[?(@.provider == 'my-gateway')].region").value("unknown"));

        mvc.perform(delete(platformAdmin(), "/admin/v1/provider-policies/openai")).andExpect(status().isNoContent());
        mvc.perform(delete(platformAdmin(), "/admin/v1/provider-policies/openai")).andExpect(status().isNotFound());
        mvc.perform(get(platformAdmin(), "/admin/v1/provider-policies"))
                .andExpect(jsonPath(OPENAI + ".source").value("BUILT_IN"));
    }

    @Test
    void explainsTheDataClasses() throws Exception {
        mvc.perform(get(teamAdmin("t"), "/admin/v1/data-classes")).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].name").value(org.hamcrest.Matchers.contains("public", "internal",
                        "confidential")))
                .andExpect(jsonPath("$[2].meaning").value(org.hamcrest.Matchers.containsString("zero retention")));
    }
}
