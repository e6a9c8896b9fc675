package dev.switchboard.benchmarks;

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
import org.openjdk.jmh.infra.Blackhole;

/**
 * The streamed OpenAI path on a route of one deployment ({@code fixed}) and on a route whose first deployment is rate
 * limited before any output, so the second serves ({@code fallback}). Both end on the same deployment and write the
 * same bytes; the difference is the cost of the failed attempt and of switching. FallbackChain's INFO line for the
 * fallback is not written (logback.xml), so its cost is not included.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class FixedVsFallbackBenchmark {

    HotPath path;

    @Setup
    public void setUp() {
        path = new HotPath(HotPathBenchmark.CHUNKS);
    }

    @Benchmark
    public EncodedStream fixed(Blackhole sink) {
        return path.openAiStreamed(path.openAiStreamRequest, sink);
    }

    @Benchmark
    public EncodedStream fallback(Blackhole sink) {
        return path.openAiStreamed(path.openAiFallbackRequest, sink);
    }
}
