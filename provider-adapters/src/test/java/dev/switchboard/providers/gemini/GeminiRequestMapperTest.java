package dev.switchboard.providers.gemini;

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
import dev.switchboard.testkit.JsonAssert;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class GeminiRequestMapperTest {

    private static final ToolSpec WEATHER = new ToolSpec("get_weather", null, "{\"type\":\"object\"}", false);

    private static String wire(String model, List<Message> messages) {
        return wire(model, new ChatRequest(model, messages, List.of(), Sampling.DEFAULT, ChatRequest.Options.DEFAULT));
    }

    private static String wire(String model, ChatRequest request) {
        return new String(GeminiRequestMapper.toWire(request, model), StandardCharsets.UTF_8);
    }

    private static Message msg(Role role, ContentPart... parts) {
        return new Message(role, List.of(parts), null);
    }

    private static ContentPart.ToolCall call(String id, String name) {
        return new ContentPart.ToolCall(id, name, "{\"city\":\"Paris\"}");
    }

    private static ContentPart.Reasoning gemini(String text, String signature) {
        return new ContentPart.Reasoning(text, signature, "gemini");
    }

    @Test
    void mergesConsecutiveTurnsOfTheSameRoleAndKeepsToolResultsWithTheUserTextAfterThem() {
        String json = wire("gemini-2.5-flash", List.of(
                Message.of(Role.USER, "a"),
                msg(Role.ASSISTANT, call("c1", "get_weather")),
                msg(Role.ASSISTANT, new ContentPart.Text("more")),
                msg(Role.TOOL, new ContentPart.ToolResult("c1", "15C", false)),
                Message.of(Role.USER, "b")));
        JsonAssert.assertJsonEquals("""
                {"contents":[
                  {"role":"user","parts":[{"text":"a"}]},
                  {"role":"model","parts":[{"functionCall":{"name":"get_weather","args":{"city":"Paris"},"id":"c1"}},
                                           {"text":"more"}]},
                  {"role":"user","parts":[{"functionResponse":{"name":"get_weather","response":{"output":"15C"},"id":"c1"}},
                                          {"text":"b"}]}]}""", json);
    }

    @Test
    void writesToolResultsInTheOrderOfTheirCalls() {
        String json = wire("gemini-2.5-flash", List.of(
                Message.of(Role.USER, "a"),
                msg(Role.ASSISTANT, call("c1", "first"), call("c2", "second"), call("c3", "third")),
                msg(Role.TOOL, new ContentPart.ToolResult("c3", "3", false), new ContentPart.ToolResult("c1", "1", false)),
                msg(Role.TOOL, new ContentPart.ToolResult("c2", "2", false))));
        assertThat(json).containsSubsequence("\"name\":\"first\"", "\"name\":\"second\"", "\"name\":\"third\"",
                "\"name\":\"first\"", "\"name\":\"second\"", "\"name\":\"third\"");
    }

    @Test
    void rejectsAToolResultWithoutAnEarlierCall() {
        var messages = List.of(Message.of(Role.USER, "a"), msg(Role.TOOL, new ContentPart.ToolResult("nope", "x", false)));
        assertThatThrownBy(() -> wire("gemini-2.5-flash", messages))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_REQUEST);
                    assertThat(e.param()).isEqualTo("messages[1]");
                })
                .hasMessageContaining("'nope'").hasMessageContaining("function name");
    }

    @Test
    void neverSendsMintedIdsUpstream() {
        String json = wire("gemini-2.5-flash", List.of(Message.of(Role.USER, "a"),
                msg(Role.ASSISTANT, call("call_gm_resp_0", "get_weather")),
                msg(Role.TOOL, new ContentPart.ToolResult("call_gm_resp_0", "15C", false))));
        assertThat(json).doesNotContain("call_gm_").contains("\"name\":\"get_weather\"");
    }

    @Test
    void putsATrailingSignatureOnTheLastPartOfTheTurnAndDropsOtherProvidersReasoning() {
        String json = wire("gemini-2.5-flash", List.of(Message.of(Role.USER, "a"),
                msg(Role.ASSISTANT, new ContentPart.Reasoning("think", "anthropic-sig", "anthropic"),
                        new ContentPart.Text("answer"), gemini("", "sig-end"))));
        JsonAssert.assertJsonEquals("""
                {"contents":[{"role":"user","parts":[{"text":"a"}]},
                  {"role":"model","parts":[{"text":"answer","thoughtSignature":"sig-end"}]}]}""", json);
    }

    @Test
    void signsOnlyTheFirstUnsignedCallOfAGemini3TurnWithTheEscapeValue() {
        var messages = List.of(Message.of(Role.USER, "a"),
                msg(Role.ASSISTANT, call("c1", "get_weather"), call("c2", "get_weather")),
                msg(Role.TOOL, new ContentPart.ToolResult("c1", "1", false), new ContentPart.ToolResult("c2", "2", false)),
                msg(Role.ASSISTANT, gemini("", "real"), call("c3", "get_weather"), call("c4", "get_weather")));
        String json = wire("gemini-3-flash-preview", messages);
        assertThat(json.split(GeminiContents.SKIP_SIGNATURE, -1)).hasSize(2);
        assertThat(json).containsSubsequence("\"id\":\"c1\"", GeminiContents.SKIP_SIGNATURE, "\"id\":\"c2\"",
                "\"id\":\"c3\"", "\"thoughtSignature\":\"real\"", "\"id\":\"c4\"");
        assertThat(wire("gemini-2.5-flash", messages)).doesNotContain(GeminiContents.SKIP_SIGNATURE);
    }

    @Test
    void rejectsArgumentsThatAreNotAJsonObject() {
        var messages = List.of(Message.of(Role.USER, "a"),
                msg(Role.ASSISTANT, new ContentPart.ToolCall("c1", "f", "[1,2]")));
        assertThatThrownBy(() -> wire("gemini-2.5-flash", messages))
                .isInstanceOfSatisfying(GatewayException.class,
                        e -> assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_REQUEST))
                .hasMessageContaining("must be a JSON object");
    }

    @Test
    void rejectsImagesThatAreNeitherHttpNorBase64DataUris() {
        var messages = List.of(msg(Role.USER, new ContentPart.ImageRef("ftp://host/cat.png", null)));
        assertThatThrownBy(() -> wire("gemini-2.5-flash", messages))
                .isInstanceOf(GatewayException.class).hasMessageContaining("http(s) URL or a base64 data URI");
    }

    @Test
    void mapsThinkingToALevelForGemini3AndABudgetOtherwise() {
        assertThat(thinking("gemini-3-pro-preview", new ChatRequest.Thinking(true, null, null)))
                .contains("\"thinkingConfig\":{\"includeThoughts\":true,\"thinkingLevel\":\"high\"}");
        assertThat(thinking("gemini-3-pro-preview", ChatRequest.Thinking.OFF))
                .contains("\"thinkingConfig\":{\"thinkingLevel\":\"low\"}");
        assertThat(thinking("gemini-2.5-flash", new ChatRequest.Thinking(true, null, "medium")))
                .contains("\"thinkingConfig\":{\"includeThoughts\":true,\"thinkingBudget\":2048}");
        assertThat(thinking("gemini-2.5-flash", new ChatRequest.Thinking(true, null, null)))
                .contains("\"thinkingBudget\":1024");
        assertThat(thinking("gemini-2.5-flash", ChatRequest.Thinking.OFF))
                .contains("\"thinkingConfig\":{\"thinkingBudget\":0}");
    }

    @Test
    void sendsToolChoiceNoneAndJsonObjectFormat() {
        var options = new ChatRequest.Options(ToolChoice.NONE, true, new ResponseFormat.JsonObject());
        var request = new ChatRequest("m", List.of(Message.of(Role.USER, "a")), List.of(WEATHER), Sampling.DEFAULT, options);
        JsonAssert.assertJsonEquals("""
                {"contents":[{"role":"user","parts":[{"text":"a"}]}],
                 "tools":[{"functionDeclarations":[{"name":"get_weather","parametersJsonSchema":{"type":"object"}}]}],
                 "toolConfig":{"functionCallingConfig":{"mode":"NONE"}},
                 "generationConfig":{"responseMimeType":"application/json"}}""", wire("gemini-2.5-flash", request));
    }

    @Test
    void wrapsTheWholeRequestForCountTokens() {
        var request = ChatRequest.of("m", List.of(Message.of(Role.SYSTEM, "terse"), Message.of(Role.USER, "a")));
        JsonAssert.assertJsonEquals("""
                {"generateContentRequest":{"model":"models/gemini-2.5-flash",
                  "systemInstruction":{"parts":[{"text":"terse"}]},
                  "contents":[{"role":"user","parts":[{"text":"a"}]}]}}""",
                new String(GeminiRequestMapper.countTokens(request, "gemini-2.5-flash"), StandardCharsets.UTF_8));
    }

    private static String thinking(String model, ChatRequest.Thinking thinking) {
        var options = new ChatRequest.Options(ToolChoice.AUTO, true, ResponseFormat.TEXT, thinking, null);
        return wire(model, new ChatRequest(model, List.of(Message.of(Role.USER, "a")), List.of(), Sampling.DEFAULT, options));
    }
}
