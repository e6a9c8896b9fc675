package dev.switchboard.contracts.config;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live {@code switchboard.yaml}: loaded at start (a bad file stops start-up), then polled; a changed file is
 * parsed, validated and swapped in atomically, and a bad edit keeps the last good config live and is logged.
 * Without a file, the built-in default (the {@code mock} provider) is served.
 */
public final class ConfigFile implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConfigFile.class);

    private final @Nullable Path path;
    private final ConfigParser parser;
    private final UnaryOperator<SwitchboardConfig> decorate;
    private final AtomicReference<SwitchboardConfig> current = new AtomicReference<>();
    private final List<Consumer<SwitchboardConfig>> listeners = new CopyOnWriteArrayList<>();
    private @Nullable ScheduledExecutorService poller;
    private long version;

    /**
     * @param path the file, or {@code null} to serve the built-in default
     * @param decorate applied to every parsed config before activation (e.g. to add the admin key)
     */
    public ConfigFile(@Nullable Path path, ConfigParser parser, UnaryOperator<SwitchboardConfig> decorate) {
        this.path = path;
        this.parser = requireNonNull(parser, "parser");
        this.decorate = requireNonNull(decorate, "decorate");
        activate(load());
    }

    /** The config file to use: {@code explicit} when given, else {@code switchboard.yaml} in {@code dir} if present. */
    public static @Nullable Path locate(@Nullable String explicit, Path dir) {
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        Path candidate = dir.resolve("switchboard.yaml");
        return Files.isRegularFile(candidate) ? candidate : null;
    }

    public SwitchboardConfig current() {
        return current.get();
    }

    public String source() {
        return path == null ? "built-in default" : path.toString();
    }

    public void onActivate(Consumer<SwitchboardConfig> listener) {
        listeners.add(listener);
    }

    /** Polls the file every {@code interval}; does nothing for the built-in default. */
    public synchronized void watch(Duration interval) {
        if (path == null || poller != null) {
            return;
        }
        poller = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("config-watch").factory());
        poller.scheduleWithFixedDelay(this::reload, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Re-reads the file; activates it when its content changed and is valid.
     *
     * @return whether a new config became active
     */
    public synchronized boolean reload() {
        try {
            String text = read();
            if (ConfigParser.sha256(text).equals(current.get().stamp().sha256())) {
                return false;
            }
            activate(parser.parse(text, source()));
            return true;
        } catch (ConfigException | IOException e) {
            log.error("switchboard.yaml reload rejected; version {} stays live: {}",
                    current.get().stamp().version(), e.getMessage());
            return false;
        }
    }

    private SwitchboardConfig load() {
        try {
            return parser.parse(read(), source());
        } catch (IOException e) {
            throw new ConfigException(source(), List.of("cannot read: " + e.getMessage()));
        }
    }

    private String read() throws IOException {
        if (path == null) {
            try (var in = ConfigFile.class.getResourceAsStream("default-switchboard.yaml")) {
                return new String(requireNonNull(in, "default-switchboard.yaml").readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        return Files.readString(path);
    }

    private void activate(SwitchboardConfig parsed) {
        SwitchboardConfig next = decorate.apply(parsed).withVersion(++version);
        current.set(next);
        log.info("config version {} active (sha256 {}, {} providers, {} models) from {}", next.stamp().version(),
                next.stamp().sha256().substring(0, 12), next.providers().size(), next.models().size(), source());
        listeners.forEach(listener -> listener.accept(next));
    }

    @Override
    public synchronized void close() {
        if (poller != null) {
            poller.shutdownNow();
        }
    }
}
