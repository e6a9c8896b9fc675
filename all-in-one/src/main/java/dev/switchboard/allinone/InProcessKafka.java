package dev.switchboard.allinone;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node KRaft broker (broker and controller in one) inside this JVM, its log kept between runs, on free
 * loopback ports chosen at each start. Fast session expiry lets a restart after a crash register again quickly.
 * Tests use {@link #restart} to take it away and bring it back on the same ports and log.
 */
public final class InProcessKafka implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(InProcessKafka.class);

    private final KafkaConfig config;
    private final String bootstrapServers;
    private KafkaRaftServer server;

    private InProcessKafka(KafkaConfig config, String bootstrapServers) {
        this.config = config;
        this.bootstrapServers = bootstrapServers;
        this.server = started(config);
    }

    public static InProcessKafka start(Path logDir) {
        try {
            Files.createDirectories(logDir);
            int port = freePort();
            int controllerPort = freePort();
            Map<String, String> p = new HashMap<>();
            p.put("process.roles", "broker,controller");
            p.put("node.id", "1");
            p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
            p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
            p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
            p.put("controller.listener.names", "CONTROLLER");
            p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
            p.put("inter.broker.listener.name", "PLAINTEXT");
            p.put("log.dirs", logDir.toString());
            p.put("num.partitions", "1");
            p.put("offsets.topic.replication.factor", "1");
            p.put("transaction.state.log.replication.factor", "1");
            p.put("transaction.state.log.min.isr", "1");
            p.put("share.coordinator.state.topic.replication.factor", "1");
            p.put("share.coordinator.state.topic.min.isr", "1");
            p.put("group.initial.rebalance.delay.ms", "0");
            p.put("broker.heartbeat.interval.ms", "500");
            p.put("broker.session.timeout.ms", "2000");
            if (!Files.exists(logDir.resolve("meta.properties"))) {
                new Formatter().setPrintStream(new PrintStream(PrintStream.nullOutputStream()))
                        .setNodeId(1).setClusterId(Uuid.randomUuid().toString())
                        .setControllerListenerName("CONTROLLER").setMetadataLogDirectory(logDir.toString())
                        .addDirectory(logDir.toString()).run();
            }
            String bootstrap = "127.0.0.1:" + port;
            var kafka = new InProcessKafka(new KafkaConfig(p, false), bootstrap);
            log.info("In-process Kafka broker on {}, log in {}", bootstrap, logDir);
            return kafka;
        } catch (IOException e) {
            throw new UncheckedIOException("the in-process Kafka broker did not start in " + logDir, e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot format the Kafka log in " + logDir + ": " + e.getMessage(), e);
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static KafkaRaftServer started(KafkaConfig config) {
        var server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        return server;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Stops the broker, waits {@code downtime}, and starts it again on the same ports and log. */
    public synchronized void restart(Duration downtime) throws InterruptedException {
        close();
        log.info("In-process Kafka broker on {} down for {} ms", bootstrapServers, downtime.toMillis());
        Thread.sleep(downtime.toMillis());
        server = started(config);
        log.info("In-process Kafka broker on {} back", bootstrapServers);
    }

    @Override
    public synchronized void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
