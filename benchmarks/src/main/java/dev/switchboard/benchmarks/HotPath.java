package dev.switchboard.benchmarks;

import dev.switchboard.contracts.chat.ChatEvent;
import dev.switchboard.contracts.chat.ChatResponse;
import dev.switchboard.contracts.config.ConfigParser;
import dev.switchboard.contracts.identity.Principal;
import dev.switchboard.contracts.policy.DataClass;
import dev.switchboard.contracts.policy.FilePolicy;
import dev.switchboard.providers.ProviderRegistry;
import dev.switchboard.router.anthropic.AnthropicCall;
import dev.switchboard.router.anthropic.AnthropicRequestDecoder;
import dev.switchboard.router.anthropic.AnthropicSseEncoder;
import dev.switchboard.router.openai.OpenAiChatCall;
import dev.switchboard.router.openai.OpenAiRequestDecoder;
import dev.switchboard.router.openai.OpenAiResponseEncoder;
import dev.switchboard.router.openai.OpenAiSseEncoder;
import dev.switchboard.router.policy.Caller;
import dev.switchboard.router.routing.FallbackChain;
import dev.switchboard.router.routing.Route;
import dev.switchboard.router.routing.RoutingTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.openjdk.jmh.infra.Blackhole;
import tools.jackson.databind.json.JsonMapper;

/**
 * What {@code ChatCompletionsHandler} and {@code MessagesHandler} do between the request body and the response bytes,
 * without WebFlux: decode, resolve the route for the caller, run the fallback chain, encode. Built once per trial from
 * {@code switchboard.yaml} and the request bodies on the classpath (sent compact, as the SDKs send them).
 */
final class HotPath {

    /** A model served by one deployment. */
    static final String FIXED_MODEL = "gpt-4o-mini";
    /** A model whose first deployment refuses before any output, so its second one serves. */
    static final String FALLBACK_MODEL = "smart";

    final JsonMapper json = JsonMapper.builder().build();
    final CannedAdapter canned;
    final byte[] openAiStreamRequest;
    final byte[] openAiWholeRequest;
    final byte[] openAiFallbackRequest;
    final byte[] anthropicStreamRequest;

    private final OpenAiRequestDecoder openAiDecoder = new OpenAiRequestDecoder(json);
    private final OpenAiResponseEncoder openAiResponseEncoder = new OpenAiResponseEncoder(json);
    private final AnthropicRequestDecoder anthropicDecoder = new AnthropicRequestDecoder(json);
    private final FallbackChain fallback = new FallbackChain();
    private final Caller principal;
    private final Clock clock = Clock.systemUTC();
    private final RoutingTable routes;

    HotPath(int chunks) {
        canned = new CannedAdapter(CannedAdapter.prose(chunks));
        var config = new ConfigParser(name -> "sk-bench-" + name.toLowerCase(Locale.ROOT),
                Set.of(CannedAdapter.KIND, RefusingAdapter.KIND)).parse(resource("switchboard.yaml"), "switchboard.yaml");
        routes = RoutingTable.build(config, new ProviderRegistry(List.of(canned, new RefusingAdapter())));
        var key = config.keysByHash().values().stream().filter(k -> "bench-app".equals(k.name())).findFirst()
                .orElseThrow();
        principal = new Caller(new Principal(key.name()), FilePolicy.key(key), null, DataClass.PUBLIC);
        String openAi = compact(resource("openai-chat-request.json"));
        openAiStreamRequest = bytes(openAi);
        openAiWholeRequest = bytes(replaceOnce(openAi, "\"stream\":true", "\"stream\":false"));
        openAiFallbackRequest = bytes(replaceOnce(openAi, "\"model\":\"" + FIXED_MODEL + "\"",
                "\"model\":\"" + FALLBACK_MODEL + "\""));
        anthropicStreamRequest = bytes(compact(resource("anthropic-messages-request.json")));
    }

    /** {@code stream:false}: decode, resolve, one non-streaming call, the {@code chat.completion} bytes. */
    byte[] openAiWhole(byte[] body) {
        OpenAiChatCall call = openAiDecoder.decode(body);
        Route route = routes.resolve(call.request().model(), principal);
        ChatResponse response = Completion.of(fallback.complete(call.request(), route));
        return openAiResponseEncoder.encode(response, clock.instant().getEpochSecond());
    }

    /** {@code stream:true}: decode, resolve, the streamed events as {@code chat.completion.chunk}s. */
    EncodedStream openAiStreamed(byte[] body, Blackhole sink) {
        OpenAiChatCall call = openAiDecoder.decode(body);
        Route route = routes.resolve(call.request().model(), principal);
        var encoder = new OpenAiSseEncoder(json, call.includeUsage(), clock.instant().getEpochSecond());
        var out = new EncodedStream(encoder::encode, sink);
        fallback.stream(call.request(), route).subscribe(out);
        return out.finished();
    }

    /** {@code /v1/messages} with {@code stream:true}: decode, resolve, the events as Anthropic's SSE sequence. */
    EncodedStream anthropicStreamed(byte[] body, Blackhole sink) {
        AnthropicCall call = anthropicDecoder.decode(body);
        Route route = routes.resolve(call.request().model(), principal);
        var encoder = new AnthropicSseEncoder(json);
        var out = new EncodedStream(encoder::encode, sink);
        fallback.stream(call.request(), route).subscribe(out);
        return out.finished();
    }

    OpenAiChatCall decodeOpenAi(byte[] body) {
        return openAiDecoder.decode(body);
    }

    AnthropicCall decodeAnthropic(byte[] body) {
        return anthropicDecoder.decode(body);
    }

    Route route(String model) {
        return routes.resolve(model, principal);
    }

    /** The events one answer from the canned adapter consists of, for encoding alone. */
    List<ChatEvent> cannedEvents() {
        return List.copyOf(canned.events(route(FIXED_MODEL).deployments().getFirst().target()));
    }

    private String compact(String json) {
        return this.json.writeValueAsString(this.json.readTree(json));
    }

    private static String replaceOnce(String text, String target, String replacement) {
        int at = text.indexOf(target);
        if (at < 0 || text.indexOf(target, at + 1) >= 0) {
            throw new IllegalStateException("expected '" + target + "' once in the request body");
        }
        return text.substring(0, at) + replacement + text.substring(at + target.length());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String resource(String name) {
        try (InputStream in = HotPath.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
