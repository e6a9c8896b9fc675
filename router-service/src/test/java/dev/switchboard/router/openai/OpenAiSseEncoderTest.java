package dev.switchboard.router.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.chat.ChatEvent;
import dev.switchboard.contracts.chat.FinishReason;
import dev.switchboard.contracts.chat.ResolvedModel;
import dev.switchboard.contracts.chat.TokenUsage;
import dev.switchboard.contracts.error.ErrorCategory;
import dev.switchboard.contracts.error.GatewayException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class OpenAiSseEncoderTest {

    private final JsonMapper json = JsonMapper.builder().build();

    private String encode(boolean includeUsage, List<ChatEvent> events) {
        var encoder = new OpenAiSseEncoder(json, includeUsage, 1_700_000_000L);
        var out = new StringBuilder();
        events.forEach(e -> out.append(new String(encoder.encode(e), StandardCharsets.UTF_8)));
        return out.toString();
    }

    private List<JsonNode> chunks(String sse) {
        return sse.lines().filter(l -> l.startsWith("data: {")).map(l -> json.readTree(l.substring(6))).toList();
    }

    @Test
    void writesChunksToolCallsAndUsageThenDone() {
        String sse = encode(true, List.of(new ChatEvent.Started("chatcmpl-1", new ResolvedModel("mock", "echo")),
                new ChatEvent.TextDelta("Hi"),
                new ChatEvent.ToolCallStarted(0, "call_1", "f"),
                new ChatEvent.ToolCallArgumentsDelta(0, "{}"),
                new ChatEvent.UsageReported(new TokenUsage(10, 4, 2, 0, 1)),
                new ChatEvent.Finished(FinishReason.TOOL_CALLS)));

        assertThat(sse).endsWith("data: [DONE]\n\n");
        var chunks = chunks(sse);
        assertThat(chunks).hasSize(6);
        assertThat(chunks).allSatisfy(c -> {
            assertThat(c.get("id").asString()).isEqualTo("chatcmpl-1");
            assertThat(c.get("object").asString()).isEqualTo("chat.completion.chunk");
            assertThat(c.get("model").asString()).isEqualTo("echo");
        });
        assertThat(chunks.get(0).at("/choices/0/delta/role").asString()).isEqualTo("assistant");
        assertThat(chunks.get(1).at("/choices/0/delta/content").asString()).isEqualTo("Hi");
        assertThat(chunks.get(2).at("/choices/0/delta/tool_calls/0/id").asString()).isEqualTo("call_1");
        assertThat(chunks.get(2).at("/choices/0/delta/tool_calls/0/function/name").asString()).isEqualTo("f");
        assertThat(chunks.get(3).at("/choices/0/delta/tool_calls/0/function/arguments").asString()).isEqualTo("{}");
        assertThat(chunks.get(3).at("/choices/0/delta/tool_calls/0/id").isMissingNode()).isTrue();
        assertThat(chunks.get(4).at("/choices/0/finish_reason").asString()).isEqualTo("tool_calls");
        assertThat(chunks.get(5).get("choices")).isEmpty();
        assertThat(chunks.get(5).at("/usage/prompt_tokens").asLong()).isEqualTo(10);
        assertThat(chunks.get(5).at("/usage/total_tokens").asLong()).isEqualTo(14);
        assertThat(chunks.get(5).at("/usage/prompt_tokens_details/cached_tokens").asLong()).isEqualTo(2);
        assertThat(chunks.get(5).at("/usage/completion_tokens_details/reasoning_tokens").asLong()).isEqualTo(1);
    }

    @Test
    void fastTextChunksAreValidJsonThatKeepsEveryCharacter() {
        String tricky = "quote \" backslash \\ newline \n tab \t bell \u0007 sep \u2028 emoji \uD83D\uDE00 é";
        String sse = encode(true, List.of(new ChatEvent.Started("id\"1", new ResolvedModel("mock", "m\\1")),
                new ChatEvent.TextDelta(tricky)));
        var chunk = chunks(sse).get(1);
        assertThat(chunk.at("/choices/0/delta/content").asString()).isEqualTo(tricky);
        assertThat(chunk.get("id").asString()).isEqualTo("id\"1");
        assertThat(chunk.get("model").asString()).isEqualTo("m\\1");
        assertThat(chunk.get("usage").isNull()).isTrue();
        assertThat(chunk.at("/choices/0/finish_reason").isNull()).isTrue();
    }

    @Test
    void sendsNoUsageChunkUnlessAsked() {
        String sse = encode(false, List.of(new ChatEvent.Started("c", new ResolvedModel("mock", "echo")),
                new ChatEvent.UsageReported(TokenUsage.of(1, 1)), new ChatEvent.Finished(FinishReason.STOP)));
        assertThat(sse).doesNotContain("usage");
        assertThat(chunks(sse)).hasSize(2);
    }

    @Test
    void writesMidStreamErrorsAsAnErrorEvent() {
        var encoder = new OpenAiSseEncoder(json, false, 0);
        String error = new String(encoder.error(new GatewayException(ErrorCategory.UPSTREAM_UNAVAILABLE, "gone")),
                StandardCharsets.UTF_8);
        assertThat(error).startsWith("data: {\"error\":").endsWith("\n\n");
        assertThat(json.readTree(error.substring(6)).at("/error/type").asString()).isEqualTo("server_error");
    }
}
