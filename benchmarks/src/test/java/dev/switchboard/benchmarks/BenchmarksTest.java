package dev.switchboard.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.router.openai.OpenAiChatCall;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.infra.Blackhole;
import tools.jackson.databind.JsonNode;

/** Runs every benchmark method once, so a change to the hot path cannot leave the benchmarks broken or hollow. */
class BenchmarksTest {

    private final Blackhole sink = new Blackhole(
            "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");

    @Test
    void openAiWholeWritesTheCannedAnswerAsOneCompletion() {
        var bench = new HotPathBenchmark();
        bench.chunks = HotPathBenchmark.CHUNKS;
        bench.setUp();
        bench.openAiWhole(sink);

        JsonNode body = bench.path.json.readTree(bench.path.openAiWhole(bench.path.openAiWholeRequest));
        assertThat(body.get("object").asString()).isEqualTo("chat.completion");
        assertThat(body.get("model").asString()).isEqualTo("gpt-4o-mini");
        assertThat(body.at("/choices/0/message/content").asString()).isEqualTo(bench.path.canned.text());
        assertThat(body.at("/usage/completion_tokens").asLong()).isEqualTo(100);
    }

    @Test
    void streamedBenchmarksWriteEveryChunkOfTheAnswer() {
        var bench = new HotPathBenchmark();
        bench.chunks = HotPathBenchmark.CHUNKS;
        bench.setUp();

        EncodedStream openAi = bench.openAiStreamed(sink);
        // role chunk, 100 content chunks, then finish + usage + [DONE] in one write
        assertThat(openAi.chunks()).isEqualTo(HotPathBenchmark.CHUNKS + 2);
        assertThat(text(openAi.first())).contains("\"role\":\"assistant\"");
        assertThat(text(openAi.last())).contains("\"finish_reason\":\"stop\"", "\"completion_tokens\":100")
                .endsWith("data: [DONE]\n\n");

        EncodedStream anthropic = bench.anthropicStreamed(sink);
        // message_start, block start + first delta, 99 deltas, then block stop + message_delta + message_stop
        assertThat(anthropic.chunks()).isEqualTo(HotPathBenchmark.CHUNKS + 2);
        assertThat(text(anthropic.first())).startsWith("event: message_start\n");
        assertThat(text(anthropic.last())).contains("\"stop_reason\":\"end_turn\"")
                .endsWith("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
    }

    @Test
    void fallbackRouteServesTheSameBytesAfterItsFirstDeploymentRefuses() {
        var bench = new FixedVsFallbackBenchmark();
        bench.setUp();
        assertThat(bench.path.route(HotPath.FALLBACK_MODEL).deployments().getFirst().adapter())
                .isInstanceOf(RefusingAdapter.class);

        EncodedStream fixed = bench.fixed(sink);
        EncodedStream fallback = bench.fallback(sink);

        assertThat(fallback.chunks()).isEqualTo(fixed.chunks());
        assertThat(fallback.bytes()).isEqualTo(fixed.bytes());
    }

    @Test
    void encodingBenchmarksRunForEveryChunkCount() {
        for (String chunks : new String[] {"10", "100"}) {
            var bench = new SseEncodingBenchmark();
            bench.chunks = Integer.parseInt(chunks);
            bench.setUp();
            bench.openAi(sink);
            bench.anthropic(sink);
            assertThat(bench.events).hasSize(bench.chunks + 3);
        }
    }

    @Test
    void decodingBenchmarksReadTheWholeRequest() {
        var bench = new RequestDecodingBenchmark();
        bench.setUp();

        OpenAiChatCall openAi = bench.openAiDecode();
        assertThat(openAi.stream()).isTrue();
        assertThat(openAi.includeUsage()).isTrue();
        assertThat(openAi.request().messages()).hasSize(4);
        assertThat(openAi.request().tools()).hasSize(1);
        assertThat(bench.anthropicDecode().request().messages()).hasSize(4);
        assertThat(bench.resolve().name()).isEqualTo("gpt-4o-mini");
        assertThat(bench.path.openAiStreamRequest.length).isBetween(1_200, 1_700);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
