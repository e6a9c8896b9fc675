package dev.switchboard.router.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class JsonChunksTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final byte[] PREFIX = "data: {\"t\":".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SUFFIX = "}\n\n".getBytes(StandardCharsets.UTF_8);

    @ParameterizedTest
    @ValueSource(strings = {"", "plain ascii", "quote \" backslash \\ slash /", "lines\nand\ttabs\r", "\u0001\u001f ctrl",
            "café – naïve ☕", "emoji 😀 and 𝄞", "js separators \u2028 \u2029", "中文文本"})
    void writesValidJsonThatReadsBackAsTheText(String text) {
        byte[] chunk = JsonChunks.wrap(PREFIX, text, SUFFIX);
        String written = new String(chunk, StandardCharsets.UTF_8);

        assertThat(written).startsWith("data: {\"t\":").endsWith("}\n\n");
        assertThat(JSON.readTree(written.substring(6).trim()).get("t").asString()).isEqualTo(text);
        assertThat(StandardCharsets.UTF_8.newEncoder().canEncode(written)).isTrue();
        assertThat(written).doesNotContain("\u2028").doesNotContain("\u2029");
    }

    @Test
    void aLoneSurrogateIsEscapedSoTheBytesStayValidUtf8() {
        byte[] chunk = JsonChunks.wrap(new byte[0], "a\uD83Db", new byte[0]);
        assertThat(new String(chunk, StandardCharsets.UTF_8)).isEqualTo("\"a\\ud83db\"");
    }
}
