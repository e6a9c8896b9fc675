package dev.switchboard.allinone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL (zonky's binaries) with its data folder kept between runs, on a free loopback port chosen at each
 * start. A postmaster orphaned by a killed all-in-one (pg_ctl daemonises it) is stopped first, so the data folder
 * and its lock are free again.
 */
final class EmbeddedPostgres implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);

    private final io.zonky.test.db.postgres.embedded.EmbeddedPostgres postgres;

    private EmbeddedPostgres(io.zonky.test.db.postgres.embedded.EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedPostgres start(Path dataDir) {
        try {
            Files.createDirectories(dataDir.getParent());
            stopOrphan(dataDir);
            var postgres = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(0)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("synchronous_commit", "on")
                    .setRegisterShutdownHook(false)
                    .start();
            log.info("Embedded PostgreSQL on 127.0.0.1:{}, data in {}", postgres.getPort(), dataDir);
            return new EmbeddedPostgres(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start in " + dataDir, e);
        }
    }

    private static void stopOrphan(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        String firstLine = Files.readAllLines(pidFile, StandardCharsets.US_ASCII).stream().findFirst().orElse("")
                .trim();
        long pid;
        try {
            pid = Long.parseLong(firstLine);
        } catch (NumberFormatException e) {
            return;
        }
        var process = ProcessHandle.of(pid)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        if (process.isPresent()) {
            log.warn("Stopping PostgreSQL process {} left running by an earlier start on {}", pid, dataDir);
            process.get().destroy();
            try {
                process.get().onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("PostgreSQL process " + pid + " still holds " + dataDir, e);
            }
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
