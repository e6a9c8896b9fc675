package dev.switchboard.router.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.contracts.chat.ChatRequest;
import dev.switchboard.contracts.chat.ContentPart;
import dev.switchboard.contracts.chat.Message;
import dev.switchboard.contracts.chat.ResponseFormat;
import dev.switchboard.contracts.chat.Role;
import dev.switchboard.contracts.chat.ToolChoice;
import dev.switchboard.contracts.error.ErrorCategory;
import dev.switchboard.contracts.error.GatewayException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class AnthropicRequestDecoderTest {

    private final AnthropicRequestDecoder decoder = new AnthropicRequestDecoder(JsonMapper.builder().build());

    private AnthropicCall decode(String json) {
        return decoder.decode(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void decodesSystemToolsResultsThinkingAndCacheBreakpoints() {
        AnthropicCall call = decode("""
                {"model":"claude-sonnet-4-5","max_tokens":1024,"stream":true,"temperature":0.5,"top_k":40,
                 "stop_sequences":["END"],"metadata":{"user_id":"u-1"},
                 "system":[{"type":"text","text":"Rules","cache_control":{"type":"ephemeral","ttl":"1h"}}],
                 "thinking":{"type":"enabled","budget_tokens":2048},
                 "tool_choice":{"type":"any","disable_parallel_tool_use":true},
                 "tools":[{"name":"get_weather","input_schema":{"type":"object"}}],
                 "messages":[
                   {"role":"user","content":[{"type":"text","text":"Weather?"},
                     {"type":"image","source":{"type":"base64","media_type":"image/png","data":"iVBO"}}]},
                   {"role":"assistant","content":[{"type":"thinking","thinking":"hm","signature":"sig"},
                     {"type":"thinking","thinking":"","signature":"sb1.gemini.gsig"},
                     {"type":"tool_use","id":"toolu_1","name":"get_weather","input":{"city":"Paris"}}]},
                   {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1",
                     "content":[{"type":"text","text":"18C"}]},{"type":"text","text":"thanks"}]},
                   {"role":"system","content":"Be brief."}]}
                """);
        ChatRequest r = call.request();
        assertThat(call.stream()).isTrue();
        assertThat(r.messages()).extracting(Message::role)
                .containsExactly(Role.SYSTEM, Role.USER, Role.ASSISTANT, Role.TOOL, Role.USER, Role.SYSTEM);
        assertThat(r.messages().getFirst().parts()).containsExactly(new ContentPart.Text("Rules"),
                new ContentPart.CacheBreakpoint("1h"));
        assertThat(r.messages().get(1).parts().get(1)).isEqualTo(new ContentPart.ImageRef("data:image/png;base64,iVBO", null));
        assertThat(r.messages().get(2).parts()).containsExactly(new ContentPart.Reasoning("hm", "sig", "anthropic"),
                new ContentPart.Reasoning("", "gsig", "gemini"),
                new ContentPart.ToolCall("toolu_1", "get_weather", "{\"city\":\"Paris\"}"));
        assertThat(r.messages().get(3).parts()).containsExactly(new ContentPart.ToolResult("toolu_1", "18C", false));
        assertThat(r.messages().get(4).text()).isEqualTo("thanks");
        assertThat(r.options().toolChoice()).isEqualTo(ToolChoice.REQUIRED);
        assertThat(r.options().parallelToolCalls()).isFalse();
        assertThat(r.options().thinking()).isEqualTo(new ChatRequest.Thinking(true, 2048, null));
        assertThat(r.options().user()).isEqualTo("u-1");
        assertThat(r.sampling().topK()).isEqualTo(40);
        assertThat(r.sampling().maxOutputTokens()).isEqualTo(1024);
        assertThat(r.sampling().stop()).containsExactly("END");
        assertThat(r.tools().getFirst().parametersJson()).isEqualTo("{\"type\":\"object\"}");
    }

    @Test
    void structuredOutputAndAdaptiveThinking() {
        ChatRequest r = decode("""
                {"model":"m","max_tokens":10,"thinking":{"type":"adaptive"},
                 "output_config":{"effort":"high","format":{"type":"json_schema","schema":{"type":"object"}}},
                 "messages":[{"role":"user","content":"hi"}]}
                """).request();
        assertThat(r.options().thinking()).isEqualTo(new ChatRequest.Thinking(true, null, "high"));
        assertThat(r.options().responseFormat()).isEqualTo(new ResponseFormat.JsonSchema("output", "{\"type\":\"object\"}", true));
    }

    @Test
    void faultsNameTheFieldInAnthropicsPathStyle() {
        assertThatThrownBy(() -> decode("{\"model\":\"m\",\"max_tokens\":5,\"messages\":[{\"role\":\"bot\",\"content\":\"x\"}]}"))
                .hasMessage("messages.0.role: expected user, assistant or system, got 'bot'");
        assertThatThrownBy(() -> decode("""
                {"model":"m","max_tokens":5,"tools":[{"type":"web_search_20250305","name":"web_search"}],"messages":[]}
                """)).isInstanceOfSatisfying(GatewayException.class,
                e -> assertThat(e.category()).isEqualTo(ErrorCategory.UNSUPPORTED_CAPABILITY));
        assertThatThrownBy(() -> decode("""
                {"model":"m","max_tokens":5,"thinking":{"type":"enabled"},"messages":[]}
                """)).hasMessageContaining("thinking.budget_tokens");
    }

    @Test
    void countTokensDoesNotNeedMaxTokens() {
        ChatRequest r = decoder.decodeCount("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(r.messages()).containsExactly(Message.of(Role.USER, "hi"));
        assertThat(r.sampling().maxOutputTokens()).isNull();
    }
}
