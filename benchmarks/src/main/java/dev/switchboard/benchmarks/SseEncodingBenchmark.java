package dev.switchboard.benchmarks;

import dev.switchboard.contracts.chat.ChatEvent;
import dev.switchboard.router.anthropic.AnthropicSseEncoder;
import dev.switchboard.router.openai.OpenAiSseEncoder;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The encoding loop alone: one encoder per response, as the handlers make it, over {@code Started}, {@code chunks}
 * text deltas, {@code UsageReported} and {@code Finished}. The difference between 100 and 10 chunks, divided by 90,
 * is the time and allocation per text chunk.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class SseEncodingBenchmark {

    @Param({"10", "100"})
    int chunks;

    HotPath path;
    ChatEvent[] events;

    @Setup
    public void setUp() {
        path = new HotPath(chunks);
        List<ChatEvent> all = path.cannedEvents();
        events = all.toArray(new ChatEvent[0]);
    }

    @Benchmark
    public void openAi(Blackhole sink) {
        var encoder = new OpenAiSseEncoder(path.json, true, 1_764_000_000L);
        for (ChatEvent event : events) {
            sink.consume(encoder.encode(event));
        }
    }

    @Benchmark
    public void anthropic(Blackhole sink) {
        var encoder = new AnthropicSseEncoder(path.json);
        for (ChatEvent event : events) {
            sink.consume(encoder.encode(event));
        }
    }
}
