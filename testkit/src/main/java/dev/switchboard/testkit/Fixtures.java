package dev.switchboard.testkit;

import dev.switchboard.contracts.chat.ChatEvent;
import dev.switchboard.contracts.error.ErrorCategory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads golden transcripts from the classpath: {@code fixtures/<provider>/<scenario>/} (streamed) or
 * {@code fixtures-json/<provider>/<scenario>/} (non-streaming) with {@code request.json},
 * {@code upstream-request.json}, {@code upstream-response.http} and one of {@code expected-events.jsonl},
 * {@code expected-response.json} or {@code expected-error.json}.
 */
public final class Fixtures {

    private static final JsonMapper JSON = new JsonMapper();

    private Fixtures() {}

    /** Every streamed scenario folder of that provider, sorted by name. */
    public static List<Fixture> load(String provider) {
        return loadAll("fixtures", provider);
    }

    /** Every non-streaming scenario folder of that provider ({@code fixtures-json/<provider>/}), sorted by name. */
    public static List<Fixture> loadNonStreaming(String provider) {
        return loadAll("fixtures-json", provider);
    }

    /** One non-streaming scenario of that provider. */
    public static Fixture loadNonStreaming(String provider, String scenario) {
        return read(provider, classpathFolder("fixtures-json/" + provider + "/" + scenario));
    }

    private static List<Fixture> loadAll(String base, String provider) {
        Path root = classpathFolder(base + "/" + provider);
        try (Stream<Path> folders = Files.list(root)) {
            List<Fixture> fixtures = new ArrayList<>();
            folders.filter(Files::isDirectory).sorted()
                    .forEach(dir -> fixtures.add(read(provider, dir)));
            if (fixtures.isEmpty()) {
                throw new IllegalStateException("no scenario folders under " + base + "/" + provider);
            }
            return fixtures;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One scenario of that provider. */
    public static Fixture load(String provider, String scenario) {
        return read(provider, classpathFolder("fixtures/" + provider + "/" + scenario));
    }

    private static Fixture read(String provider, Path dir) {
        String scenario = dir.getFileName().toString().replace("/", "");
        try {
            var request = ChatRequestJson.read(Files.readString(dir.resolve("request.json")));
            String upstreamRequest = Files.readString(dir.resolve("upstream-request.json"));
            var response = RawResponse.parse(Files.readAllBytes(dir.resolve("upstream-response.http")));
            return new Fixture(provider, scenario, request, upstreamRequest, response, expected(dir));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read fixture " + provider + "/" + scenario, e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("bad fixture " + provider + "/" + scenario + ": " + e.getMessage(), e);
        }
    }

    private static Fixture.Expected expected(Path dir) throws IOException {
        Path events = dir.resolve("expected-events.jsonl");
        if (Files.exists(events)) {
            List<ChatEvent> list = new ArrayList<>();
            for (String line : Files.readAllLines(events, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    list.add(ChatEventJson.read(line));
                }
            }
            return new Fixture.Expected.Events(list);
        }
        Path response = dir.resolve("expected-response.json");
        if (Files.exists(response)) {
            return new Fixture.Expected.Response(ChatResponseJson.read(Files.readString(response)));
        }
        JsonNode error = JSON.readTree(Files.readString(dir.resolve("expected-error.json")));
        @org.jspecify.annotations.Nullable Duration retryAfter = error.has("retryAfterSeconds")
                ? Duration.ofMillis(Math.round(error.get("retryAfterSeconds").asDouble() * 1000)) : null;
        return new Fixture.Expected.Failure(ErrorCategory.valueOf(error.path("category").asString()), retryAfter);
    }

    private static Path classpathFolder(String name) {
        URL url = Thread.currentThread().getContextClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalArgumentException("no classpath folder '" + name + "' (expected src/test/resources/" + name + ")");
        }
        try {
            URI uri = url.toURI();
            if (!"jar".equals(uri.getScheme())) {
                return Path.of(uri);
            }
            return jarFileSystem(uri).provider().getPath(uri);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static FileSystem jarFileSystem(URI uri) {
        try {
            return FileSystems.getFileSystem(uri);
        } catch (FileSystemNotFoundException e) {
            try {
                return FileSystems.newFileSystem(uri, Map.of());
            } catch (IOException io) {
                throw new UncheckedIOException(io);
            }
        }
    }
}
