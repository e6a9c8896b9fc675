package dev.switchboard.benchmarks;

import dev.switchboard.router.anthropic.AnthropicCall;
import dev.switchboard.router.openai.OpenAiChatCall;
import dev.switchboard.router.routing.Route;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** The request side alone: the ~1.4 KB bodies into a canonical {@code ChatRequest}, and route resolution. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class RequestDecodingBenchmark {

    HotPath path;

    @Setup
    public void setUp() {
        path = new HotPath(HotPathBenchmark.CHUNKS);
    }

    @Benchmark
    public OpenAiChatCall openAiDecode() {
        return path.decodeOpenAi(path.openAiStreamRequest);
    }

    @Benchmark
    public AnthropicCall anthropicDecode() {
        return path.decodeAnthropic(path.anthropicStreamRequest);
    }

    @Benchmark
    public Route resolve() {
        return path.route(HotPath.FIXED_MODEL);
    }
}
