package dev.switchboard.policy.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.switchboard.contracts.policy.PolicyJson;
import dev.switchboard.contracts.policy.RouteDefinition;
import dev.switchboard.contracts.policy.Source;
import dev.switchboard.policy.PolicyServiceTestBase;
import org.junit.jupiter.api.Test;

/** The service runs on the built-in default config: provider {@code mock}, models echo, lorem and embed. */
class AliasesAndRoutesIT extends PolicyServiceTestBase {

    private static final String FALLBACK = """
            {"strategy":"fixed","targets":["mock/echo",{"provider":"mock","model":"lorem"}],
             "fallback-on":["RATE_LIMITED"]}""";

    @Test
    void aRouteIsStoredInTheShapeOfAModelsEntryAndPublished() throws Exception {
        mvc.perform(put(platformAdmin(), "/admin/v1/routes/steady", FALLBACK)).andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("steady"))
                .andExpect(jsonPath("$.definition.targets[1].model").value("lorem"))
                .andExpect(jsonPath("$.definition.fallback-on[0]").value("RATE_LIMITED"))
                .andExpect(jsonPath("$.source").value("API"));
        mvc.perform(put(platformAdmin(), "/admin/v1/routes/short", "\"mock/lorem\"")).andExpect(status().isOk())
                .andExpect(jsonPath("$.definition").value("mock/lorem"));

        mvc.perform(get(viewer("any"), "/admin/v1/routes")).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.name == 'echo')].source").value("FILE"))
                .andExpect(jsonPath("$[?(@.name == 'steady')].source").value("API"))
                .andExpect(jsonPath("$[?(@.name == 'short')].definition").value("mock/lorem"));
        mvc.perform(get(teamAdmin("t"), "/admin/v1/routes/steady")).andExpect(status().isOk())
                .andExpect(jsonPath("$.definition.strategy").value("fixed"));

        String body = jdbc.sql("SELECT body::text FROM changes WHERE entity = 'route' AND entity_id = 'steady'")
                .query(String.class).single();
        var published = PolicyJson.readChange(("{\"v\":1,\"seq\":1,\"entity\":\"route\",\"id\":\"steady\",\"body\":"
                + body + "}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(published.body()).isEqualTo(new RouteDefinition("steady",
                "{\"strategy\":\"fixed\",\"targets\":[\"mock/echo\",{\"provider\":\"mock\",\"model\":\"lorem\"}],"
                        + "\"fallback-on\":[\"RATE_LIMITED\"]}", Source.API));

        mvc.perform(delete(platformAdmin(), "/admin/v1/routes/short")).andExpect(status().isNoContent());
        mvc.perform(get(viewer("any"), "/admin/v1/routes/short")).andExpect(status().isNotFound());
        assertThat(jdbc.sql("SELECT count(*) FROM changes WHERE entity = 'route' AND body IS NULL")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aRouteIsCheckedAgainstTheFilesProvidersAndTheProblemIsNamed() throws Exception {
        mvc.perform(put(platformAdmin(), "/admin/v1/routes/fast", "{\"targets\":[\"mock/echo\",\"openai/gpt-4o\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error.code").value("invalid_route"))
                .andExpect(jsonPath("$.error.message").value(
                        "fast.targets[1]: unknown provider 'openai' (expected one of: mock)"));
        mvc.perform(put(platformAdmin(), "/admin/v1/routes/fast", "{\"targets\":[\"mock/echo\"],\"speed\":1}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error.message").value(containsString("fast.speed: unknown key")));
        mvc.perform(put(platformAdmin(), "/admin/v1/routes/fast", "{not json"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error.message").value(containsString("fast: not valid JSON")));
        mvc.perform(put(platformAdmin(), "/admin/v1/routes/fast",
                        "{\"strategy\":\"rules\",\"rules\":[],\"default\":\"nowhere\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error.message").value(containsString("unknown route 'nowhere'")));
        mvc.perform(put(platformAdmin(), "/admin/v1/routes/echo", "\"mock/lorem\""))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.error.code").value("managed_by_file"));
        mvc.perform(delete(platformAdmin(), "/admin/v1/routes/echo")).andExpect(status().isConflict());
        assertThat(jdbc.sql("SELECT count(*) FROM changes").query(Long.class).single()).isZero();
    }

    @Test
    void anAliasNamesAModelOrAnApiRoute() throws Exception {
        mvc.perform(put(platformAdmin(), "/admin/v1/aliases/quick", "{\"target\":\"echo\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.alias").value("quick"))
                .andExpect(jsonPath("$.target").value("echo"))
                .andExpect(jsonPath("$.source").value("API"));
        mvc.perform(put(platformAdmin(), "/admin/v1/aliases/steady", "{\"target\":\"nowhere\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error.code").value("unknown_target"));
        mvc.perform(put(platformAdmin(), "/admin/v1/routes/steady", FALLBACK)).andExpect(status().isOk());
        mvc.perform(put(platformAdmin(), "/admin/v1/aliases/stable", "{\"target\":\"steady\"}"))
                .andExpect(status().isOk());
        mvc.perform(put(platformAdmin(), "/admin/v1/aliases/lorem", "{\"target\":\"echo\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.error.code").value("managed_by_file"));
        mvc.perform(put(platformAdmin(), "/admin/v1/aliases/steady", "{\"target\":\"echo\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.error.code").value("name_taken"));
        mvc.perform(put(platformAdmin(), "/admin/v1/routes/quick", "\"mock/echo\""))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.error.code").value("name_taken"));
        mvc.perform(delete(platformAdmin(), "/admin/v1/routes/steady"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.error.code").value("in_use"));

        mvc.perform(get(viewer("t"), "/admin/v1/aliases")).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].alias").value(org.hamcrest.Matchers.contains("quick", "stable")));
        mvc.perform(delete(platformAdmin(), "/admin/v1/aliases/stable")).andExpect(status().isNoContent());
        mvc.perform(delete(platformAdmin(), "/admin/v1/aliases/stable")).andExpect(status().isNotFound());
        mvc.perform(delete(platformAdmin(), "/admin/v1/routes/steady")).andExpect(status().isNoContent());
        assertThat(jdbc.sql("SELECT string_agg(entity || ':' || entity_id, ',' ORDER BY seq) FROM changes")
                .query(String.class).single())
                .isEqualTo("alias:quick,route:steady,alias:stable,alias:stable,route:steady");
    }

    @Test
    void onlyPlatformAdminsWriteAndAnyAdminRoleReads() throws Exception {
        mvc.perform(put(teamAdmin("t"), "/admin/v1/aliases/quick", "{\"target\":\"echo\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(put(teamAdmin("t"), "/admin/v1/routes/fast", "\"mock/echo\"")).andExpect(status().isForbidden());
        mvc.perform(delete(viewer("t"), "/admin/v1/routes/fast")).andExpect(status().isForbidden());
        mvc.perform(get(router(), "/admin/v1/aliases")).andExpect(status().isForbidden());
        mvc.perform(get(viewer("t"), "/admin/v1/aliases")).andExpect(status().isOk());
    }

    @Test
    void theSnapshotCarriesAliasesAndRoutes() throws Exception {
        mvc.perform(put(platformAdmin(), "/admin/v1/routes/steady", FALLBACK)).andExpect(status().isOk());
        mvc.perform(put(platformAdmin(), "/admin/v1/aliases/stable", "{\"target\":\"steady\"}"))
                .andExpect(status().isOk());
        mvc.perform(get(router(), "/internal/v1/policy/snapshot")).andExpect(status().isOk())
                .andExpect(jsonPath("$.aliases[0].target").value("steady"))
                .andExpect(jsonPath("$.routes[0].name").value("steady"))
                .andExpect(jsonPath("$.routes[0].definitionJson").value(containsString("\"fallback-on\"")));
    }
}
