package dev.switchboard.providers.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.contracts.chat.ChatRequest;
import dev.switchboard.contracts.chat.ContentPart;
import dev.switchboard.contracts.chat.Message;
import dev.switchboard.contracts.chat.ResponseFormat;
import dev.switchboard.contracts.chat.Role;
import dev.switchboard.contracts.chat.Sampling;
import dev.switchboard.contracts.chat.ToolChoice;
import dev.switchboard.contracts.chat.ToolSpec;
import dev.switchboard.contracts.error.ErrorCategory;
import dev.switchboard.contracts.error.GatewayException;
import dev.switchboard.providers.UpstreamTarget;
import dev.switchboard.providers.anthropic.AnthropicRequestMapper.Purpose;
import dev.switchboard.testkit.JsonAssert;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AnthropicRequestMapperTest {

    private static final AnthropicSettings DEFAULTS = settings(Map.of());

    @Test
    void mergesConsecutiveSameRoleTurnsAndDropsMessagesLeftEmptyKeepingBreakpointsOnTheBlockBefore() {
        JsonNode body = wire(request(List.of(Message.of(Role.USER, "a"), Message.of(Role.USER, ""),
                Message.of(Role.ASSISTANT, ""), new Message(Role.USER, List.of(new ContentPart.CacheBreakpoint(null)), null),
                Message.of(Role.USER, "b"), Message.of(Role.ASSISTANT, "c"), Message.of(Role.ASSISTANT, "d"))));

        JsonAssert.assertJsonEquals("""
                [{"role":"user","content":[{"type":"text","text":"a","cache_control":{"type":"ephemeral"}},{"type":"text","text":"b"}]},
                 {"role":"assistant","content":[{"type":"text","text":"c"},{"type":"text","text":"d"}]}]""",
                body.get("messages").toString());
    }

    @Test
    void putsAPlaceholderUserTurnBeforeAConversationThatStartsWithTheAssistant() {
        JsonNode body = wire(request(List.of(Message.of(Role.SYSTEM, "s"), Message.of(Role.ASSISTANT, "Hi, I'm here."),
                Message.of(Role.USER, "Hello"))));

        assertThat(body.get("messages").get(0).toString())
                .isEqualTo("{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\".\"}]}");
        assertThat(body.get("messages").get(1).get("role").asString()).isEqualTo("assistant");
    }

    @Test
    void aToolLoopWhoseSignedThinkingWasLostGoesOutWithoutThinking() {
        var thinking = new ChatRequest.Options(ToolChoice.AUTO, true, ResponseFormat.TEXT,
                new ChatRequest.Thinking(true, 2048, null), null);
        List<Message> lost = List.of(Message.of(Role.USER, "weather?"),
                new Message(Role.ASSISTANT, List.of(new ContentPart.ToolCall("call_1", "f", "{}")), null),
                new Message(Role.TOOL, List.of(new ContentPart.ToolResult("call_1", "18C", false)), null));
        List<Message> kept = List.of(Message.of(Role.USER, "weather?"),
                new Message(Role.ASSISTANT, List.of(new ContentPart.Reasoning("hm", "sig", "anthropic"),
                        new ContentPart.ToolCall("call_1", "f", "{}")), null),
                new Message(Role.TOOL, List.of(new ContentPart.ToolResult("call_1", "18C", false)), null));

        assertThat(wire(new ChatRequest("m", lost, List.of(), Sampling.DEFAULT, thinking)).has("thinking")).isFalse();
        assertThat(wire(new ChatRequest("m", kept, List.of(), Sampling.DEFAULT, thinking)).at("/thinking/type").asString())
                .isEqualTo("enabled");
        assertThat(wire(new ChatRequest("m", List.of(Message.of(Role.USER, "hi")), List.of(), Sampling.DEFAULT, thinking))
                .has("thinking")).isTrue();
    }

    @Test
    void refusesARequestWithNoUserOrAssistantContent() {
        assertThatThrownBy(() -> wire(request(List.of(Message.of(Role.SYSTEM, "s"), Message.of(Role.USER, "")))))
                .isInstanceOfSatisfying(GatewayException.class,
                        e -> assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_REQUEST))
                .hasMessageContaining("no user or assistant content");
    }

    @Test
    void sanitisesToolIdsTheSameWayOnCallsAndResults() {
        JsonNode body = wire(request(List.of(Message.of(Role.USER, "go"),
                new Message(Role.ASSISTANT, List.of(new ContentPart.ToolCall("functions.Bash:0", "Bash", "")), null),
                new Message(Role.TOOL, List.of(new ContentPart.ToolResult("functions.Bash:0", "ok", false)), null))));

        assertThat(body.at("/messages/1/content/0/id").asString()).isEqualTo("functions_Bash_0");
        assertThat(body.at("/messages/1/content/0/input").toString()).isEqualTo("{}");
        assertThat(body.at("/messages/2/content/0/tool_use_id").asString()).isEqualTo("functions_Bash_0");
        assertThat(ToolUseIds.sanitise("toolu_01-ok")).isEqualTo("toolu_01-ok");
        assertThat(ToolUseIds.sanitise("")).isEqualTo("_");
    }

    @Test
    void putsToolResultsBeforeTheOtherContentOfTheirUserTurn() {
        JsonNode body = wire(request(List.of(Message.of(Role.USER, "go"),
                new Message(Role.ASSISTANT, List.of(new ContentPart.ToolCall("t1", "f", "{}")), null),
                Message.of(Role.USER, "also this"),
                new Message(Role.TOOL, List.of(new ContentPart.ToolResult("t1", "", true)), null))));

        JsonAssert.assertJsonEquals("""
                {"role":"user","content":[{"type":"tool_result","tool_use_id":"t1","is_error":true},
                                          {"type":"text","text":"also this"}]}""", body.at("/messages/2").toString());
    }

    @Test
    void rejectsToolArgumentsThatAreNotAJsonObject() {
        var call = new Message(Role.ASSISTANT, List.of(new ContentPart.ToolCall("call_7", "get_weather", "{city:")), null);

        assertThatThrownBy(() -> wire(request(List.of(Message.of(Role.USER, "go"), call))))
                .isInstanceOfSatisfying(GatewayException.class,
                        e -> assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_REQUEST))
                .hasMessageContaining("call_7").hasMessageContaining("not a JSON object");
    }

    @Test
    void rejectsAnImageThatIsNeitherADataUriNorAnHttpUrl() {
        var image = new Message(Role.USER, List.of(new ContentPart.ImageRef("ftp://example.com/cat.png", null)), null);

        assertThatThrownBy(() -> wire(request(List.of(image))))
                .isInstanceOfSatisfying(GatewayException.class,
                        e -> assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_REQUEST))
                .hasMessageContaining("ftp://example.com");
    }

    @Test
    void clampsTemperatureToAnthropicsRange() {
        assertThat(wire(sampled(new Sampling(1.7, null, null, List.of(), null, Sampling.Penalties.NONE)))
                .get("temperature").asDouble()).isEqualTo(1.0);
        assertThat(wire(sampled(new Sampling(-0.5, null, null, List.of(), null, Sampling.Penalties.NONE)))
                .get("temperature").asDouble()).isEqualTo(0.0);
        assertThat(wire(sampled(new Sampling(0.4, null, null, List.of(), null, Sampling.Penalties.NONE)))
                .get("temperature").asDouble()).isEqualTo(0.4);
    }

    @Test
    void takesMaxTokensFromTheCallerThenTheSettingThenTheDefault() {
        Sampling capped = Sampling.DEFAULT.withMaxOutputTokens(300);
        assertThat(AnthropicRequestMapper.maxTokens(capped, settings(Map.of("max-tokens", "8000")), 0)).isEqualTo(300);
        assertThat(AnthropicRequestMapper.maxTokens(Sampling.DEFAULT, settings(Map.of("max-tokens", "8000")), 0)).isEqualTo(8000);
        assertThat(AnthropicRequestMapper.maxTokens(Sampling.DEFAULT, DEFAULTS, 0)).isEqualTo(4096);
    }

    @Test
    void raisesMaxTokensAboveTheThinkingBudgetOnlyWhenItWouldNotExceedIt() {
        assertThat(AnthropicRequestMapper.maxTokens(Sampling.DEFAULT, DEFAULTS, 8192)).isEqualTo(8192 + 1024);
        assertThat(AnthropicRequestMapper.maxTokens(Sampling.DEFAULT.withMaxOutputTokens(2048), DEFAULTS, 2048))
                .isEqualTo(3072);
        assertThat(AnthropicRequestMapper.maxTokens(Sampling.DEFAULT.withMaxOutputTokens(16000), DEFAULTS, 2048))
                .isEqualTo(16000);
    }

    @Test
    void rejectsAMaxTokensSettingThatIsNotAPositiveInteger() {
        assertThatThrownBy(() -> settings(Map.of("max-tokens", "lots")))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.INTERNAL))
                .hasMessageContaining("max-tokens='lots'").hasMessageContaining("positive integer");
    }

    @Test
    void thinkingDropsSamplingAndTurnsForcedToolUseIntoAuto() {
        var tools = List.of(new ToolSpec("f", null, null, false));
        var sampling = new Sampling(0.2, 0.9, null, List.of(), null, Sampling.Penalties.NONE, 40);
        var options = new ChatRequest.Options(new ToolChoice.Named("f"), false, ResponseFormat.TEXT,
                new ChatRequest.Thinking(true, 500, null), null);
        JsonNode body = wire(new ChatRequest("m", List.of(Message.of(Role.USER, "go")), tools, sampling, options));

        assertThat(body.has("temperature") || body.has("top_p") || body.has("top_k")).isFalse();
        assertThat(body.get("tool_choice").toString()).isEqualTo("{\"type\":\"auto\",\"disable_parallel_tool_use\":true}");
        assertThat(body.get("thinking").toString()).isEqualTo("{\"type\":\"enabled\",\"budget_tokens\":1024}");
    }

    @Test
    void sendsAdaptiveThinkingWithAnEffortWhenTheTargetSaysSo() {
        var options = new ChatRequest.Options(ToolChoice.AUTO, true, ResponseFormat.TEXT,
                new ChatRequest.Thinking(true, null, "high"), null);
        JsonNode body = AnthropicWire.JSON.readTree(AnthropicRequestMapper.toWire(
                new ChatRequest("m", List.of(Message.of(Role.USER, "go")), List.of(), Sampling.DEFAULT, options), "m",
                settings(Map.of("thinking", "adaptive")), Purpose.STREAM));

        assertThat(body.get("thinking").toString()).isEqualTo("{\"type\":\"adaptive\"}");
        assertThat(body.get("output_config").toString()).isEqualTo("{\"effort\":\"high\"}");
        assertThat(body.get("max_tokens").asInt()).isEqualTo(4096);
    }

    @Test
    void leavesThinkingOutWhenTheCallerTurnedItOff() {
        var options = new ChatRequest.Options(ToolChoice.AUTO, true, ResponseFormat.TEXT, ChatRequest.Thinking.OFF, null);
        var sampling = new Sampling(0.5, null, null, List.of(), null, Sampling.Penalties.NONE);
        JsonNode body = wire(new ChatRequest("m", List.of(Message.of(Role.USER, "go")), List.of(), sampling, options));

        assertThat(body.has("thinking")).isFalse();
        assertThat(body.get("temperature").asDouble()).isEqualTo(0.5);
    }

    @Test
    void countTokensBodyCarriesOnlyWhatThatEndpointTakes() {
        var sampling = new Sampling(0.5, null, 100, List.of("END"), null, Sampling.Penalties.NONE);
        var options = new ChatRequest.Options(ToolChoice.AUTO, true, ResponseFormat.TEXT, null, "u1");
        JsonNode body = AnthropicWire.JSON.readTree(AnthropicRequestMapper.toWire(new ChatRequest("m",
                List.of(Message.of(Role.SYSTEM, "s"), Message.of(Role.USER, "go")), List.of(), sampling, options),
                "claude-x", DEFAULTS, Purpose.COUNT));

        JsonAssert.assertJsonEquals("""
                {"model":"claude-x","system":[{"type":"text","text":"s"}],
                 "messages":[{"role":"user","content":[{"type":"text","text":"go"}]}]}""", body.toString());
    }

    private static ChatRequest request(List<Message> messages) {
        return ChatRequest.of("m", messages);
    }

    private static ChatRequest sampled(Sampling sampling) {
        return new ChatRequest("m", List.of(Message.of(Role.USER, "go")), List.of(), sampling, ChatRequest.Options.DEFAULT);
    }

    private static JsonNode wire(ChatRequest request) {
        return AnthropicWire.JSON.readTree(AnthropicRequestMapper.toWire(request, "m", DEFAULTS, Purpose.STREAM));
    }

    private static AnthropicSettings settings(Map<String, String> settings) {
        return AnthropicSettings.of(new UpstreamTarget("anthropic", "m", null, "k", settings, Duration.ofSeconds(5)));
    }
}
