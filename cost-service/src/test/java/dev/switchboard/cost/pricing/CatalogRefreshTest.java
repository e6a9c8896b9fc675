package dev.switchboard.cost.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogRefreshTest {

    private static final Instant NOW = Instant.parse("2031-03-04T05:06:07Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final AtomicInteger status = new AtomicInteger(200);
    private final AtomicReference<byte[]> body = new AtomicReference<>(new byte[0]);
    private final AtomicBoolean chunked = new AtomicBoolean();
    private final AtomicBoolean stallAfterFirstBytes = new AtomicBoolean();
    private final CountDownLatch released = new CountDownLatch(1);
    private HttpServer server;

    @AfterEach
    void stopServer() {
        released.countDown();
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void refreshesFromAFileAndAnswersWhatItLoaded() throws IOException {
        Path file = Files.write(dir.resolve("prices.json"), Fixtures.bytes("litellm-prices.json"));
        var refresh = refresh(file.toString(), PriceFeedFormat.AUTO);

        RefreshOutcome outcome = refresh.refresh();

        assertThat(outcome).isEqualTo(new RefreshOutcome(8, 3, 5, file + " (litellm)", NOW));
        assertThat(refresh.last()).contains(outcome);
        assertThat(refresh.catalog().find("openai", "gpt-5")).get()
                .satisfies(info -> assertThat(info.price().cachedInput()).isEqualTo(new BigDecimal("0.125")));
    }

    @Test
    void refreshesFromAFileUrl() throws IOException {
        Path file = Files.write(dir.resolve("models.json"), Fixtures.bytes("openrouter-models.json"));
        var refresh = refresh(file.toUri().toString(), PriceFeedFormat.OPENROUTER);

        assertThat(refresh.refresh().loaded()).isEqualTo(4);
        assertThat(refresh.catalog().find("openrouter", "openai/gpt-4o")).isPresent();
    }

    @Test
    void refreshesOverHttp() throws IOException {
        body.set(Fixtures.bytes("openrouter-models.json"));
        String url = serve();
        var refresh = refresh(url, PriceFeedFormat.AUTO);

        RefreshOutcome outcome = refresh.refresh();

        assertThat(outcome).isEqualTo(new RefreshOutcome(4, 3, 0, url + " (openrouter)", NOW));
        assertThat(refresh.catalog().find("openrouter", "anthropic/claude-sonnet-4.5")).get()
                .satisfies(info -> assertThat(info.price().cacheWrite()).isEqualTo(new BigDecimal("3.75")));
    }

    @Test
    void aFailedRefreshKeepsThePreviousPrices() throws IOException {
        body.set(Fixtures.bytes("openrouter-models.json"));
        String url = serve();
        var refresh = refresh(url, PriceFeedFormat.AUTO);
        RefreshOutcome good = refresh.refresh();

        status.set(503);
        assertThatThrownBy(refresh::refresh).isInstanceOf(PriceFeedException.class)
                .hasMessage("cannot read price feed " + url + " answered HTTP 503 (expected 2xx)");
        status.set(200);
        body.set("<html>busy</html>".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(refresh::refresh).isInstanceOf(PriceFeedException.class)
                .hasMessageStartingWith(url + " is not JSON");
        body.set("{\"data\": [{\"id\": \"openrouter/auto\", \"pricing\": {\"prompt\": \"-1\"}}]}"
                .getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(refresh::refresh).isInstanceOf(PriceFeedException.class)
                .hasMessageContaining("holds no usable price");

        assertThat(refresh.last()).contains(good);
        assertThat(refresh.catalog().find("openrouter", "openai/gpt-4o")).isPresent();
    }

    @Test
    void refusesAFeedLargerThanTheLimit() throws IOException {
        Path file = Files.write(dir.resolve("big.json"), Fixtures.bytes("litellm-prices.json"));
        var refresh = new CatalogRefresh(PriceFeedSource.of(file.toString(), 1024, Duration.ofSeconds(5)),
                PriceFeedFormat.AUTO, CLOCK);

        assertThatThrownBy(refresh::refresh).isInstanceOf(PriceFeedException.class)
                .hasMessageContaining("is larger than 1024 bytes");
        assertThat(refresh.catalog().all()).isEmpty();
    }

    @Test
    void refusesAnHttpFeedLargerThanTheLimitDeclaredOrStreamed() throws IOException {
        body.set(Fixtures.bytes("litellm-prices.json"));
        String url = serve();
        var refresh = new CatalogRefresh(PriceFeedSource.of(url, 1024, Duration.ofSeconds(5)), PriceFeedFormat.AUTO,
                CLOCK);

        assertThatThrownBy(refresh::refresh).isInstanceOf(PriceFeedException.class)
                .hasMessageContaining(url + " is larger than 1024 bytes");
        chunked.set(true);
        assertThatThrownBy(refresh::refresh).isInstanceOf(PriceFeedException.class)
                .hasMessageContaining(url + " is larger than 1024 bytes");
        assertThat(refresh.last()).isEmpty();
    }

    @Test
    void givesUpOnAFeedThatStopsSendingHalfWay() throws IOException {
        body.set(Fixtures.bytes("litellm-prices.json"));
        stallAfterFirstBytes.set(true);
        String url = serve();
        var refresh = new CatalogRefresh(PriceFeedSource.of(url, 1_000_000, Duration.ofSeconds(2)),
                PriceFeedFormat.AUTO, CLOCK);

        // newer JDKs time the body out themselves (request timeout); older ones reach the download deadline
        assertThatThrownBy(refresh::refresh).isInstanceOf(PriceFeedException.class)
                .hasMessageStartingWith("cannot read price feed " + url)
                .hasMessageMatching("(?s).*(request timed out|did not finish within PT12S).*");
    }

    @Test
    void aMissingFileFailsNamingIt() {
        var refresh = refresh(dir.resolve("nowhere.json").toString(), PriceFeedFormat.AUTO);

        assertThatThrownBy(refresh::refresh).isInstanceOf(PriceFeedException.class)
                .hasMessageContaining("nowhere.json");
        assertThat(refresh.last()).isEmpty();
    }

    @Test
    void refusesAnUnsupportedLocationOrNoLocation() {
        assertThatThrownBy(() -> PriceFeedSource.of("ftp://example.test/prices.json", 1, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'ftp://example.test/prices.json'");
        var none = new CatalogRefresh(null, PriceFeedFormat.AUTO, CLOCK);
        assertThat(none.configured()).isFalse();
        assertThatThrownBy(none::refresh).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("switchboard.cost.catalog.refresh-url");
    }

    private static CatalogRefresh refresh(String location, PriceFeedFormat format) {
        return new CatalogRefresh(PriceFeedSource.of(location, PriceFeedSource.DEFAULT_MAX_BYTES,
                Duration.ofSeconds(5)), format, CLOCK);
    }

    private void awaitRelease() {
        try {
            released.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/models", exchange -> {
            byte[] bytes = body.get();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            boolean stream = chunked.get() || stallAfterFirstBytes.get();
            exchange.sendResponseHeaders(status.get(), bytes.length == 0 ? -1 : stream ? 0 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                if (stallAfterFirstBytes.get()) {
                    out.write(bytes, 0, 10);
                    out.flush();
                    awaitRelease();
                }
                out.write(bytes);
            }
        });
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1/models";
    }
}
