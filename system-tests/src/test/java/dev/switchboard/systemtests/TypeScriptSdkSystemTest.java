package dev.switchboard.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The official TypeScript SDKs ({@code @anthropic-ai/sdk}, {@code openai}) against the all-in-one, served by the
 * built-in mock. The tests are {@code node:test} files in {@code src/test/node}; they are copied with the package
 * and lock files to {@code target/node-tests}, installed there with {@code npm ci}, and run with {@code node --test}.
 * Node 20+ and npm are required: without them this test fails, it is not skipped.
 */
class TypeScriptSdkSystemTest {

    static final String NARROW_KEY = "sb-narrow-key-0123";
    static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);
    static final Duration RUN_TIMEOUT = Duration.ofMinutes(3);

    static RunningSwitchboard switchboard;
    static Path work;

    @BeforeAll
    static void start() throws IOException, InterruptedException {
        Path module = moduleDir();
        work = installNodeTests(module.resolve("src/test/node"), module.resolve("target/node-tests"));
        switchboard = RunningSwitchboard.start("""
                providers:
                  mock: { kind: mock }
                models:
                  echo: mock/echo
                  limited: mock/error-429
                  broken: mock/error-503
                keys:
                  - { name: narrow, key: env:NARROW_KEY, models: [echo] }
                """, Map.of("NARROW_KEY", NARROW_KEY));
    }

    @AfterAll
    static void stop() {
        if (switchboard != null) {
            switchboard.close();
        }
    }

    @Test
    void anthropicSdk() throws IOException, InterruptedException {
        nodeTest("anthropic-sdk.test.mjs");
    }

    @Test
    void openAiSdk() throws IOException, InterruptedException {
        nodeTest("openai-sdk.test.mjs");
    }

    private static void nodeTest(String file) throws IOException, InterruptedException {
        Result result = run(work, RUN_TIMEOUT, Map.of(
                        "SWITCHBOARD_BASE_URL", switchboard.baseUrl(),
                        "SWITCHBOARD_KEY", RunningSwitchboard.ADMIN_KEY,
                        "SWITCHBOARD_NARROW_KEY", NARROW_KEY),
                "node", "--test", "--test-reporter=spec", file);
        assertThat(result.exitCode()).as("node --test %s exited with %s:%n%s", file, result.exitCode(), result.output())
                .isZero();
        System.out.println(result.output());
    }

    /** The system-tests module: Surefire's {@code basedir}, else the working directory Surefire starts in. */
    private static Path moduleDir() {
        String basedir = System.getProperty("basedir");
        Path dir = (basedir != null ? Path.of(basedir) : Path.of("")).toAbsolutePath();
        if (!Files.isDirectory(dir.resolve("src/test/node"))) {
            throw new AssertionError("src/test/node not found under " + dir + "; run from the system-tests module");
        }
        return dir;
    }

    /**
     * Copies the package, its lock and the test files to {@code target}, and runs {@code npm ci} there unless the same
     * lock is already installed; the source tree keeps no {@code node_modules}.
     */
    private static Path installNodeTests(Path source, Path target) throws IOException, InterruptedException {
        requireTool("node");
        requireTool("npm");
        Files.createDirectories(target);
        byte[] lock = Files.readAllBytes(source.resolve("package-lock.json"));
        Path installedLock = target.resolve("node_modules/.switchboard-installed-lock.json");
        boolean installed = Files.exists(installedLock) && Arrays.equals(lock, Files.readAllBytes(installedLock));
        try (Stream<Path> files = Files.list(target)) {
            for (Path stale : files.filter(p -> p.getFileName().toString().endsWith(".mjs")).toList()) {
                Files.delete(stale);
            }
        }
        try (Stream<Path> files = Files.list(source)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (!installed) {
            Result result = run(target, INSTALL_TIMEOUT, Map.of(), "npm", "ci", "--no-audit", "--no-fund");
            if (result.exitCode() != 0) {
                throw new AssertionError("npm ci in " + target + " exited with " + result.exitCode() + ":\n"
                        + result.output());
            }
            Files.write(installedLock, lock);
        }
        return target;
    }

    private static void requireTool(String tool) throws InterruptedException {
        Result version;
        try {
            version = run(Path.of("").toAbsolutePath(), Duration.ofSeconds(60), Map.of(), tool, "--version");
        } catch (IOException e) {
            throw new AssertionError("TypeScriptSdkSystemTest needs '" + tool + "' (Node.js 20+ with npm) on the PATH: "
                    + e.getMessage(), e);
        }
        if (version.exitCode() != 0) {
            throw new AssertionError("'" + tool + " --version' exited with " + version.exitCode() + ":\n"
                    + version.output());
        }
    }

    record Result(int exitCode, String output) {}

    private static Result run(Path dir, Duration timeout, Map<String, String> env, String... command)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile("switchboard-node", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(List.of(command))).directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            Map<String, String> environment = builder.environment();
            // Only what the test sets reaches the SDKs; no colours in the assertion messages.
            environment.keySet().removeIf(name -> name.startsWith("ANTHROPIC_") || name.startsWith("OPENAI_"));
            environment.put("NO_COLOR", "1");
            environment.put("FORCE_COLOR", "0");
            environment.putAll(env);
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout + ":\n"
                        + Files.readString(log));
            }
            return new Result(process.exitValue(), Files.readString(log));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
