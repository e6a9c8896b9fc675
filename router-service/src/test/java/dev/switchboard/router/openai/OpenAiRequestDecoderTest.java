package dev.switchboard.router.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.contracts.chat.ContentPart;
import dev.switchboard.contracts.chat.ResponseFormat;
import dev.switchboard.contracts.chat.Role;
import dev.switchboard.contracts.chat.ToolChoice;
import dev.switchboard.contracts.error.ErrorCategory;
import dev.switchboard.contracts.error.GatewayException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class OpenAiRequestDecoderTest {

    private final OpenAiRequestDecoder decoder = new OpenAiRequestDecoder(JsonMapper.builder().build());

    private OpenAiChatCall decode(String json) {
        return decoder.decode(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void decodesAToolLoopConversation() {
        var call = decode("""
                {"model":"smart","stream":true,"stream_options":{"include_usage":true},
                 "messages":[
                   {"role":"developer","content":"be brief"},
                   {"role":"user","content":[{"type":"text","text":"weather?"},
                                              {"type":"image_url","image_url":{"url":"data:image/png;base64,AA","detail":"low"}}]},
                   {"role":"assistant","content":null,"tool_calls":[
                      {"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"{\\"city\\":\\"Paris\\"}"}}]},
                   {"role":"tool","tool_call_id":"call_1","content":"sunny"}],
                 "tools":[{"type":"function","function":{"name":"get_weather","parameters":{"type":"object"}}}],
                 "tool_choice":{"type":"function","function":{"name":"get_weather"}},
                 "parallel_tool_calls":false,
                 "max_tokens":64, "temperature":0.2, "stop":"END", "seed":7}
                """);
        var request = call.request();
        assertThat(call.stream()).isTrue();
        assertThat(call.includeUsage()).isTrue();
        assertThat(request.messages()).extracting(m -> m.role())
                .containsExactly(Role.SYSTEM, Role.USER, Role.ASSISTANT, Role.TOOL);
        assertThat(request.messages().get(1).parts()).containsExactly(new ContentPart.Text("weather?"),
                new ContentPart.ImageRef("data:image/png;base64,AA", "low"));
        assertThat(request.messages().get(2).parts())
                .containsExactly(new ContentPart.ToolCall("call_1", "get_weather", "{\"city\":\"Paris\"}"));
        assertThat(request.messages().get(3).parts()).containsExactly(new ContentPart.ToolResult("call_1", "sunny", false));
        assertThat(request.tools()).singleElement().satisfies(t -> {
            assertThat(t.name()).isEqualTo("get_weather");
            assertThat(t.parametersJson()).isEqualTo("{\"type\":\"object\"}");
        });
        assertThat(request.options().toolChoice()).isEqualTo(new ToolChoice.Named("get_weather"));
        assertThat(request.options().parallelToolCalls()).isFalse();
        assertThat(request.sampling().maxOutputTokens()).isEqualTo(64);
        assertThat(request.sampling().temperature()).isEqualTo(0.2);
        assertThat(request.sampling().stop()).containsExactly("END");
        assertThat(request.sampling().seed()).isEqualTo(7L);
    }

    @Test
    void decodesJsonSchemaResponseFormatAndDeprecatedFunctions() {
        var request = decode("""
                {"model":"m","messages":[{"role":"user","content":"hi"}],
                 "functions":[{"name":"f","description":"d"}], "function_call":"auto",
                 "response_format":{"type":"json_schema","json_schema":{"name":"answer","strict":true,
                   "schema":{"type":"object","required":["a"]}}}}
                """).request();
        assertThat(request.tools()).extracting(t -> t.name()).containsExactly("f");
        assertThat(request.options().toolChoice()).isEqualTo(ToolChoice.AUTO);
        assertThat(request.options().responseFormat())
                .isEqualTo(new ResponseFormat.JsonSchema("answer", "{\"type\":\"object\",\"required\":[\"a\"]}", true));
    }

    @Test
    void malformedJsonIsA400() {
        assertThatThrownBy(() -> decode("{\"model\": "))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_REQUEST);
                    assertThat(e.getMessage()).startsWith("the request body is not valid JSON");
                });
    }

    @Test
    void wrongTypesNameTheFieldAndExpectation() {
        assertInvalid("{\"model\":5,\"messages\":[]}", "model", "model: expected a string, got a number");
        assertInvalid("{\"model\":\"m\"}", "messages", "messages: is required");
        assertInvalid("{\"model\":\"m\",\"messages\":[]}", "messages", "messages: needs at least one message");
        assertInvalid("{\"model\":\"m\",\"messages\":[{\"role\":\"robot\",\"content\":\"x\"}]}", "messages[0].role",
                "messages[0].role: unknown role 'robot' (expected one of: system, developer, user, assistant, tool)");
        assertInvalid("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":7}]}", "messages[0].content",
                "messages[0].content: expected a string or an array of content parts, got a number");
        assertInvalid("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"stream\":\"yes\"}",
                "stream", "stream: expected true or false, got a string");
        assertInvalid("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"n\":3}",
                "n", "n: only 1 choice per request is supported, got 3");
        assertInvalid("{\"model\":\"m\",\"messages\":[{\"role\":\"tool\",\"content\":\"x\"}]}",
                "messages[0].tool_call_id", "messages[0].tool_call_id: is required");
    }

    @Test
    void aNonObjectBodyIsRejected() {
        assertThatThrownBy(() -> decode("[1,2]")).hasMessage("the request body must be a JSON object");
        assertThatThrownBy(() -> decoder.decode(new byte[0])).hasMessageContaining("empty");
    }

    private void assertInvalid(String json, String param, String message) {
        assertThatThrownBy(() -> decode(json)).isInstanceOfSatisfying(GatewayException.class, e -> {
            assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_REQUEST);
            assertThat(e.param()).isEqualTo(param);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }
}
