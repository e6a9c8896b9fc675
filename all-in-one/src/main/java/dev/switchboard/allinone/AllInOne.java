package dev.switchboard.allinone;

import dev.switchboard.edge.EdgeGatewayApplication;
import dev.switchboard.router.RouterServiceApplication;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the services one after another under a shared parent context: the router on a private loopback port,
 * then the edge on the public port, pointed at the router's URL exactly as in the distributed deployment. The
 * internal secret that the edge signs principals with is made fresh for each process.
 */
public final class AllInOne implements AutoCloseable {

    private static final List<String> LOGGING = List.of("--logging.include-application-name=false",
            "--logging.level.org.apache.kafka=WARN", "--logging.level.kafka=WARN",
            "--logging.level.org.springframework.cloud.gateway.route.RouteDefinitionRouteLocator=WARN");

    private final ConfigurableApplicationContext parent;
    private final int port;
    private final AdminKey adminKey;

    private AllInOne(ConfigurableApplicationContext parent, int port, AdminKey adminKey) {
        this.parent = parent;
        this.port = port;
        this.adminKey = adminKey;
    }

    /**
     * @param env environment lookup ({@code SWITCHBOARD_ADMIN_KEY}, {@code SWITCHBOARD_DATA},
     *            {@code SWITCHBOARD_INTERNAL_SECRET})
     * @param args passed to every service (e.g. {@code --switchboard.config=...}); the edge's {@code --server.port}
     *             also comes from here or {@code SWITCHBOARD_PORT}
     */
    public static AllInOne start(Function<String, @Nullable String> env, String... args) {
        Path dataDir = Path.of(Objects.requireNonNullElse(env.apply("SWITCHBOARD_DATA"), "switchboard-data"));
        AdminKey adminKey = AdminKey.resolve(env.apply("SWITCHBOARD_ADMIN_KEY"), dataDir);
        String secret = Objects.requireNonNullElseGet(env.apply("SWITCHBOARD_INTERNAL_SECRET"), AllInOne::newSecret);
        ConfigurableApplicationContext parent = new SpringApplicationBuilder(SharedInfrastructure.class)
                .web(WebApplicationType.NONE).properties("spring.config.name=switchboard", "spring.main.banner-mode=off")
                .run(LOGGING.toArray(String[]::new));
        try {
            List<String> common = new ArrayList<>(LOGGING);
            common.add("--switchboard.internal-secret=" + secret);
            common.add("--switchboard.admin-key-sha256=" + adminKey.sha256());
            var router = RouterServiceApplication.builder().parent(parent)
                    .run(with(common, args, "--server.port=0", "--server.address=127.0.0.1"));
            String routerUrl = "http://127.0.0.1:" + router.getEnvironment().getProperty("local.server.port");
            var edge = EdgeGatewayApplication.builder().parent(parent)
                    .run(with(common, args, "--switchboard.edge.router-url=" + routerUrl));
            int port = Integer.parseInt(Objects.requireNonNull(edge.getEnvironment().getProperty("local.server.port")));
            return new AllInOne(parent, port, adminKey);
        } catch (RuntimeException e) {
            parent.close();
            throw e;
        }
    }

    /** Common, then the user's, then this service's own arguments; a later argument replaces an earlier one. */
    private static String[] with(List<String> common, String[] userArgs, String... own) {
        Map<String, String> byKey = new LinkedHashMap<>();
        Stream.of(common.stream(), Stream.of(userArgs), Stream.of(own)).flatMap(s -> s)
                .forEach(arg -> byKey.put(arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg, arg));
        return byKey.values().toArray(String[]::new);
    }

    private static String newSecret() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** The public port the edge listens on. */
    public int port() {
        return port;
    }

    /** The admin key in plain text, only on the start that generated it. */
    public @Nullable String newAdminKey() {
        return adminKey.printOnce();
    }

    @Override
    public void close() {
        parent.close();
    }
}
