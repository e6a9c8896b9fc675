package dev.switchboard.systemtests;

import dev.switchboard.allinone.AllInOne;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The all-in-one started in this JVM on random ports, with a {@code switchboard.yaml} written for the test. */
final class RunningSwitchboard implements AutoCloseable {

    static final String ADMIN_KEY = "sb-system-test-admin-key";

    private final AllInOne allInOne;
    private final Path config;
    private final Map<String, String> env;
    private final String[] args;

    private RunningSwitchboard(AllInOne allInOne, Path config, Map<String, String> env, String[] args) {
        this.allInOne = allInOne;
        this.config = config;
        this.env = env;
        this.args = args;
    }

    /**
     * Starts without accounting ({@code --switchboard.accounting=off}: no PostgreSQL, no Kafka, no cost service),
     * which keeps these tests as fast as the request path itself; an extra argument can turn it back on.
     *
     * @param yaml the {@code switchboard.yaml} content
     * @param secrets values for {@code env:NAME} references, passed as properties of that name
     * @param extraArgs more arguments for every service
     */
    static RunningSwitchboard start(String yaml, Map<String, String> secrets, String... extraArgs) {
        try {
            Path dir = Files.createTempDirectory("switchboard-system-test");
            Path config = Files.writeString(dir.resolve("switchboard.yaml"), yaml);
            Map<String, String> env = Map.of("SWITCHBOARD_ADMIN_KEY", ADMIN_KEY,
                    "SWITCHBOARD_DATA", dir.resolve("data").toString());
            List<String> args = new ArrayList<>(List.of("--server.port=0", "--switchboard.config=" + config,
                    "--switchboard.reload-interval=200ms", "--switchboard.accounting=off"));
            secrets.forEach((name, value) -> args.add("--" + name + "=" + value));
            args.addAll(List.of(extraArgs));
            String[] all = args.toArray(String[]::new);
            return new RunningSwitchboard(AllInOne.start(env::get, all), config, env, all);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops this instance and starts another on the same data folder and settings (new random ports). */
    RunningSwitchboard restart() {
        allInOne.close();
        return new RunningSwitchboard(AllInOne.start(env::get, args), config, env, args);
    }

    /** The live {@code switchboard.yaml}; the services poll it every 200 ms. */
    Path configFile() {
        return config;
    }

    /** The cost service's loopback URL, when accounting is on. */
    String costUrl() {
        return java.util.Objects.requireNonNull(allInOne.costUrl(), "accounting is off");
    }

    String baseUrl() {
        return "http://127.0.0.1:" + allInOne.port();
    }

    @Override
    public void close() {
        allInOne.close();
    }
}
