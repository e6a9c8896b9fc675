package dev.switchboard.systemtests;

import dev.switchboard.testkit.RawResponse;
import java.nio.charset.StandardCharsets;

/** OpenAI chat-completion streams as a fake upstream sends them: a role chunk, one chunk per piece, stop, usage. */
final class OpenAiStreams {

    private OpenAiStreams() {
    }

    static RawResponse sse(String model, String... contents) {
        var body = new StringBuilder();
        body.append(chunk(model, "{\"role\":\"assistant\",\"content\":\"\"}", "null"));
        for (String content : contents) {
            body.append(chunk(model, "{\"content\":\"" + content + "\"}", "null"));
        }
        body.append(chunk(model, "{}", "\"stop\""));
        body.append("data: {\"id\":\"chatcmpl-up\",\"object\":\"chat.completion.chunk\",\"created\":1,"
                + "\"model\":\"" + model + "\",\"choices\":[],\"usage\":{\"prompt_tokens\":9,"
                + "\"completion_tokens\":3,\"total_tokens\":12}}\n\n");
        body.append("data: [DONE]\n\n");
        return RawResponse.parse(("HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\n\r\n" + body)
                .getBytes(StandardCharsets.UTF_8));
    }

    static String chunk(String model, String delta, String finish) {
        return "data: {\"id\":\"chatcmpl-up\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"" + model
                + "\",\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":" + finish + "}]}\n\n";
    }
}
