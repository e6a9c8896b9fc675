package dev.switchboard.benchmarks;

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
 * One request through the router, body bytes in and response bytes out: a ~1.4 KB chat request (system prompt,
 * three turns, one tool), a route from {@code switchboard.yaml}, an adapter that answers at once and, when streamed,
 * 10 or 100 text chunks of about four characters (the difference over 90 is the cost of one more chunk through
 * the whole path: adapter event, routing, encoding).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class HotPathBenchmark {

    static final int CHUNKS = 100;

    @Param({"10", "100"})
    public int chunks;

    HotPath path;

    @Setup
    public void setUp() {
        path = new HotPath(chunks);
    }

    @Benchmark
    public void openAiWhole(Blackhole sink) {
        sink.consume(path.openAiWhole(path.openAiWholeRequest));
    }

    @Benchmark
    public EncodedStream openAiStreamed(Blackhole sink) {
        return path.openAiStreamed(path.openAiStreamRequest, sink);
    }

    @Benchmark
    public EncodedStream anthropicStreamed(Blackhole sink) {
        return path.anthropicStreamed(path.anthropicStreamRequest, sink);
    }
}
