package dev.switchboard.cost.requestlog;

import static dev.switchboard.cost.TestEvents.completion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.switchboard.contracts.events.CompletionEventJson;
import dev.switchboard.cost.CostServiceTestBase;
import dev.switchboard.cost.ingest.CompletionLedger;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** Prompts and answers of teams that keep them: stored with their request, shown until they expire, then deleted. */
class RequestBodiesIT extends CostServiceTestBase {

    private static final String PROMPT = "{\"model\":\"smart\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    private static final String ANSWER = "{\"choices\":[{\"message\":{\"content\":\"hello\"}}]}";

    @Autowired
    MockMvc mvc;

    @Autowired
    CompletionLedger ledger;

    @Autowired
    RequestBodyRetention retention;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Test
    void showsKeptBodiesWithTheRequestsMetadata() throws Exception {
        ledger.record(completion("kept").at("2031-03-04T10:00:00Z").bodies(PROMPT, ANSWER, 30).build());

        mvc.perform(get("/v1/requests/kept"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.requestId").value("kept"))
                .andExpect(jsonPath("$.keyName").value("app-key"))
                .andExpect(jsonPath("$.requestBody").value(PROMPT))
                .andExpect(jsonPath("$.responseBody").value(ANSWER))
                .andExpect(jsonPath("$.bodiesTruncated").value(false))
                .andExpect(jsonPath("$.bodiesExpireAt").value("2031-04-03T10:00:00Z"));
        // the list stays metadata only
        mvc.perform(get("/v1/requests")).andExpect(jsonPath("$.requests[0].requestId").value("kept"))
                .andExpect(jsonPath("$.requests[0].requestBody").doesNotExist());
    }

    @Test
    void aRequestWithoutBodiesShowsMetadataOnlyAndAnUnknownOneIsNotFound() throws Exception {
        ledger.record(completion("plain").build());

        mvc.perform(get("/v1/requests/plain"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.requestId").value("plain"))
                .andExpect(jsonPath("$.requestBody").doesNotExist())
                .andExpect(jsonPath("$.responseBody").doesNotExist())
                .andExpect(jsonPath("$.bodiesExpireAt").doesNotExist());
        mvc.perform(get("/v1/requests/nobody")).andExpect(status().isNotFound());
    }

    @Test
    void expiredBodiesAreHiddenAndTheRetentionJobDeletesThemKeepingTheMetadata() throws Exception {
        ledger.record(completion("old").at("2020-01-01T00:00:00Z").bodies(PROMPT, null, 7).build());
        ledger.record(completion("young").at("2031-03-04T10:00:00Z").bodies(PROMPT, ANSWER, 7).build());

        mvc.perform(get("/v1/requests/old")).andExpect(status().isOk())
                .andExpect(jsonPath("$.requestBody").doesNotExist());

        assertThat(retention.purge(Instant.parse("2020-01-08T00:00:00Z"))).isEqualTo(1);
        assertThat(retention.purge(Instant.parse("2020-01-08T00:00:00Z"))).isZero();

        assertThat(jdbc.sql("SELECT request_id FROM request_bodies").query(String.class).list())
                .containsExactly("young");
        assertThat(jdbc.sql("SELECT count(*) FROM completions").query(Long.class).single()).isEqualTo(2);
        mvc.perform(get("/v1/requests/young")).andExpect(jsonPath("$.requestBody").value(PROMPT));
    }

    @Test
    void aRedeliveredEventKeepsItsFirstBodiesAndAMissingAnswerStaysNull() throws Exception {
        var event = completion("twice").bodies("{\"nul\":\"a\u0000b\"}", null, 30).build();
        kafka.send("completions", event.requestId(), CompletionEventJson.write(event));
        kafka.send("completions", event.requestId(), CompletionEventJson.write(
                completion("twice").bodies("{\"other\":1}", ANSWER, 30).build()));
        kafka.flush();

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                jdbc.sql("SELECT count(*) FROM request_bodies WHERE request_id = 'twice'").query(Long.class)
                        .single() == 1);

        mvc.perform(get("/v1/requests/twice"))
                .andExpect(jsonPath("$.requestBody").value("{\"nul\":\"a\uFFFDb\"}"))
                .andExpect(jsonPath("$.responseBody").doesNotExist());
        assertThat(jdbc.sql("SELECT count(*) FROM request_bodies WHERE response_body IS NULL").query(Long.class)
                .single()).isEqualTo(1);
    }
}
