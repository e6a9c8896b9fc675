package dev.switchboard.router.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.chat.ChatEvent;
import dev.switchboard.contracts.chat.FinishReason;
import dev.switchboard.contracts.chat.ResolvedModel;
import dev.switchboard.contracts.chat.TokenUsage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AnthropicSseEncoderTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static List<JsonNode> encode(ChatEvent... events) {
        var encoder = new AnthropicSseEncoder(JSON);
        var sse = new StringBuilder();
        for (ChatEvent event : events) {
            sse.append(new String(encoder.encode(event), StandardCharsets.UTF_8));
        }
        List<JsonNode> out = new ArrayList<>();
        for (String block : sse.toString().split("\n\n")) {
            String[] lines = block.split("\n");
            JsonNode data = JSON.readTree(lines[1].substring("data: ".length()));
            assertThat(lines[0]).isEqualTo("event: " + data.get("type").asString());
            out.add(data);
        }
        return out;
    }

    private static List<String> shape(List<JsonNode> events) {
        return events.stream().map(e -> e.get("type").asString()
                + (e.has("index") ? "#" + e.get("index").asInt() : "")
                + (e.has("content_block") ? ":" + e.at("/content_block/type").asString() : "")
                + (e.has("delta") && e.at("/delta/type").isString() ? ":" + e.at("/delta/type").asString() : "")).toList();
    }

    @Test
    void textThenToolCallsGetOneBlockEachWithSharedIndexes() {
        List<JsonNode> events = encode(new ChatEvent.Started("chatcmpl-1", new ResolvedModel("openai", "gpt-4o")),
                new ChatEvent.TextDelta(""), new ChatEvent.TextDelta("Let me check."),
                new ChatEvent.ToolCallStarted(0, "call_a", "get_weather"),
                new ChatEvent.ToolCallArgumentsDelta(0, ""), new ChatEvent.ToolCallArgumentsDelta(0, "{\"city\":\"Paris\"}"),
                new ChatEvent.ToolCallStarted(1, "call_b", "get_time"),
                new ChatEvent.ToolCallArgumentsDelta(1, "{}"),
                new ChatEvent.UsageReported(new TokenUsage(100, 20, 60, 10, 0)),
                new ChatEvent.Finished(FinishReason.STOP));

        assertThat(shape(events)).containsExactly("message_start", "content_block_start#0:text",
                "content_block_delta#0:text_delta", "content_block_stop#0", "content_block_start#1:tool_use",
                "content_block_delta#1:input_json_delta", "content_block_stop#1", "content_block_start#2:tool_use",
                "content_block_delta#2:input_json_delta", "content_block_stop#2", "message_delta", "message_stop");
        assertThat(events.getFirst().at("/message/id").asString()).isEqualTo("msg_chatcmpl-1");
        assertThat(events.get(4).at("/content_block/id").asString()).isEqualTo("call_a");
        JsonNode delta = events.get(10);
        assertThat(delta.at("/delta/stop_reason").asString()).as("tool calls always mean tool_use").isEqualTo("tool_use");
        assertThat(delta.at("/usage/input_tokens").asLong()).as("uncached input only").isEqualTo(30);
        assertThat(delta.at("/usage/cache_read_input_tokens").asLong()).isEqualTo(60);
        assertThat(delta.at("/usage/cache_creation_input_tokens").asLong()).isEqualTo(10);
        assertThat(delta.at("/usage/output_tokens").asLong()).isEqualTo(20);
    }

    @Test
    void thinkingKeepsItsSignatureAndOtherProvidersSignaturesAreMarked() {
        List<JsonNode> events = encode(new ChatEvent.Started("msg_1", new ResolvedModel("gem", "gemini-2.5-pro")),
                new ChatEvent.ReasoningDelta("Let me think"), new ChatEvent.ReasoningSignature("abc", "anthropic"),
                new ChatEvent.ReasoningSignature("g-sig", "gemini"),
                new ChatEvent.ToolCallStarted(0, "call_1", "f"),
                new ChatEvent.Finished(FinishReason.TOOL_CALLS));

        assertThat(shape(events)).containsExactly("message_start", "content_block_start#0:thinking",
                "content_block_delta#0:thinking_delta", "content_block_delta#0:signature_delta", "content_block_stop#0",
                "content_block_start#1:thinking", "content_block_delta#1:signature_delta", "content_block_stop#1",
                "content_block_start#2:tool_use", "content_block_stop#2", "message_delta", "message_stop");
        assertThat(events.get(3).at("/delta/signature").asString()).isEqualTo("abc");
        assertThat(events.get(6).at("/delta/signature").asString()).isEqualTo("sb1.gemini.g-sig");
        assertThat(events.getFirst().at("/message/id").asString()).isEqualTo("msg_1");
    }

    @Test
    void aMatchedStopSequenceIsReported() {
        List<JsonNode> events = encode(new ChatEvent.Started("x", new ResolvedModel("a", "claude")),
                new ChatEvent.TextDelta("one two"), new ChatEvent.Finished(FinishReason.STOP, "END"));
        JsonNode delta = events.get(events.size() - 2);
        assertThat(delta.at("/delta/stop_reason").asString()).isEqualTo("stop_sequence");
        assertThat(delta.at("/delta/stop_sequence").asString()).isEqualTo("END");
    }

    @Test
    void lengthAndContentFilterMapToAnthropicStopReasons() {
        assertThat(AnthropicResponseEncoder.stopReason(FinishReason.LENGTH, null, false)).isEqualTo("max_tokens");
        assertThat(AnthropicResponseEncoder.stopReason(FinishReason.CONTENT_FILTER, null, false)).isEqualTo("refusal");
        assertThat(AnthropicResponseEncoder.stopReason(FinishReason.STOP, null, false)).isEqualTo("end_turn");
    }
}
