package dev.switchboard.policy.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.switchboard.contracts.config.Sha256;
import dev.switchboard.policy.PolicyServiceTestBase;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class KeysIT extends PolicyServiceTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @BeforeEach
    void team() throws Exception {
        mvc.perform(post(platformAdmin(), "/admin/v1/teams",
                        "{\"name\":\"search\",\"models\":[\"gpt-4o\",\"claude\"],\"dataClass\":\"confidential\"}"))
                .andExpect(status().isCreated());
    }

    @Test
    void issuesAKeyOnceAndStoresOnlyItsHashAndPrefix() throws Exception {
        JsonNode created = create("{\"name\":\"indexer\",\"models\":[\"gpt-4o\"]}");
        String key = created.path("key").asString();
        String id = created.path("details").path("id").asString();

        assertThat(key).matches("sb-[0-9A-Za-z]{40}");
        assertThat(created.path("details").path("prefix").asString()).isEqualTo(key.substring(0, 11));
        assertThat(jdbc.sql("SELECT sha256 FROM keys WHERE id = ?").param(id).query(String.class).single())
                .isEqualTo(Sha256.hex(key));
        String fetched = mvc.perform(get(platformAdmin(), "/admin/v1/keys/" + id)).andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("indexer"))
                .andExpect(jsonPath("$.team").value("search"))
                .andReturn().getResponse().getContentAsString();
        String listed = mvc.perform(get(platformAdmin(), "/admin/v1/teams/search/keys")).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andReturn().getResponse().getContentAsString();
        assertThat(fetched + listed).doesNotContain(key).doesNotContain(Sha256.hex(key));
    }

    @Test
    void twoKeysNeverShareAValue() throws Exception {
        String first = create("{\"name\":\"a\"}").path("key").asString();
        String second = create("{\"name\":\"b\"}").path("key").asString();

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void refusesAModelItsTeamDoesNotAllowNamingIt() throws Exception {
        mvc.perform(post(platformAdmin(), "/admin/v1/teams/search/keys",
                        "{\"name\":\"x\",\"models\":[\"gpt-4o\",\"llama-70b\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error.code").value("model_not_allowed"))
                .andExpect(jsonPath("$.error.type").value("invalid_request_error"))
                .andExpect(jsonPath("$.error.message").value(org.hamcrest.Matchers.containsString("'llama-70b'")));
    }

    @Test
    void refusesUnknownRolesAndTwoBudgetsForOnePeriod() throws Exception {
        mvc.perform(post(platformAdmin(), "/admin/v1/teams/search/keys", "{\"name\":\"r\",\"roles\":[\"root\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error.code").value("unknown_role"));
        mvc.perform(post(platformAdmin(), "/admin/v1/teams/search/keys", "{\"name\":\"b\",\"budgets\":["
                        + "{\"limit\":1,\"period\":\"daily\"},{\"limit\":2,\"period\":\"DAILY\"}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error.code").value("duplicate_budget"));
        mvc.perform(post(platformAdmin(), "/admin/v1/teams/search/keys", "{\"name\":\"n\",\"budgets\":["
                        + "{\"limit\":-1,\"period\":\"daily\"}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error.message").value(org.hamcrest.Matchers.containsString("negative")));
    }

    @Test
    void keepsAFutureExpiryAndRefusesAPastOne() throws Exception {
        Instant tomorrow = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        JsonNode created = create("{\"name\":\"temp\",\"expiresAt\":\"" + tomorrow + "\"}");
        assertThat(Instant.parse(created.path("details").path("expiresAt").asString())).isEqualTo(tomorrow);

        mvc.perform(post(platformAdmin(), "/admin/v1/teams/search/keys",
                        "{\"name\":\"old\",\"expiresAt\":\"2020-01-01T00:00:00Z\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error.code").value("invalid_expiry"));
    }

    @Test
    void updatesSettingsWithinTheTeam() throws Exception {
        String id = create("{\"name\":\"svc\"}").path("details").path("id").asString();

        mvc.perform(put(platformAdmin(), "/admin/v1/keys/" + id, "{\"models\":[\"claude\"],\"dataClass\":\"PUBLIC\","
                        + "\"limits\":{\"requestsPerMinute\":60},"
                        + "\"budgets\":[{\"limit\":25.50,\"period\":\"MONTHLY\"}]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.models[0]").value("claude"))
                .andExpect(jsonPath("$.dataClass").value("PUBLIC"))
                .andExpect(jsonPath("$.limits.requestsPerMinute").value(60))
                .andExpect(jsonPath("$.budgets[0].period").value("MONTHLY"));
        mvc.perform(put(platformAdmin(), "/admin/v1/keys/" + id, "{\"models\":[\"mistral\"]}"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void revokesForGoodAndRecordsTheChange() throws Exception {
        String id = create("{\"name\":\"leaked\"}").path("details").path("id").asString();

        mvc.perform(post(platformAdmin(), "/admin/v1/keys/" + id + "/revoke", ""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.revoked").value(true))
                .andExpect(jsonPath("$.revokedAt").isNotEmpty());

        String body = jdbc.sql("SELECT body::text FROM changes WHERE entity = 'key' AND entity_id = ? "
                + "ORDER BY seq DESC LIMIT 1").param(id).query(String.class).single();
        assertThat(JSON.readTree(body).path("revoked").asBoolean()).isTrue();
    }

    @Test
    void everyKeyChangeWritesOneOutboxRowInItsTransaction() throws Exception {
        String id = create("{\"name\":\"audited\"}").path("details").path("id").asString();
        mvc.perform(put(platformAdmin(), "/admin/v1/keys/" + id, "{}")).andExpect(status().isOk());
        mvc.perform(post(platformAdmin(), "/admin/v1/teams/search/keys", "{\"name\":\"bad\",\"models\":[\"nope\"]}"))
                .andExpect(status().isBadRequest());

        assertThat(jdbc.sql("SELECT count(*) FROM changes WHERE entity = 'key'").query(Long.class).single())
                .isEqualTo(2);
    }

    private JsonNode create(String json) throws Exception {
        return JSON.readTree(mvc.perform(post(platformAdmin(), "/admin/v1/teams/search/keys", json))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
    }
}
