package dev.switchboard.allinone;

import dev.switchboard.cost.CostServiceApplication;
import dev.switchboard.edge.EdgeGatewayApplication;
import dev.switchboard.policy.PolicyServiceApplication;
import dev.switchboard.router.RouterServiceApplication;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the services one after another under a shared parent context: the router on a private loopback port,
 * then (with accounting) the cost service on another, then the edge on the public port, pointed at the router's URL
 * exactly as in the distributed deployment. The internal secret that the edge signs principals with is made fresh
 * for each process.
 *
 * <p>Accounting ({@code SWITCHBOARD_ACCOUNTING} or {@code --switchboard.accounting}): {@code embedded} (the
 * default) runs the cost service, fed by the router's completion events over Kafka, with an in-process KRaft broker
 * unless {@code spring.kafka.bootstrap-servers} is given and an embedded PostgreSQL unless
 * {@code spring.datasource.url} or {@code COST_DB_URL} is given, both keeping their data under
 * {@code SWITCHBOARD_DATA}; {@code off} runs neither the cost service nor any infrastructure.
 */
public final class AllInOne implements AutoCloseable {

    private static final List<String> LOGGING = List.of("--logging.include-application-name=false",
            "--logging.level.org.apache.kafka=WARN", "--logging.level.kafka=WARN",
            "--logging.level.state.change.logger=WARN",
            "--logging.level.org.springframework.cloud.gateway.route.RouteDefinitionRouteLocator=WARN",
            // springdoc (the policy service's OpenAPI) sits on the shared class path and warns in every child
            "--logging.level.org.springdoc.core.events.SpringDocAppInitializer=ERROR");

    private static final Logger log = LoggerFactory.getLogger(AllInOne.class);

    private final ConfigurableApplicationContext parent;
    private final int port;
    private final AdminKey adminKey;
    private final @Nullable String costUrl;

    private AllInOne(ConfigurableApplicationContext parent, int port, AdminKey adminKey, @Nullable String costUrl) {
        this.parent = parent;
        this.port = port;
        this.adminKey = adminKey;
        this.costUrl = costUrl;
    }

    /**
     * @param env environment lookup ({@code SWITCHBOARD_ADMIN_KEY}, {@code SWITCHBOARD_DATA},
     *            {@code SWITCHBOARD_INTERNAL_SECRET}, {@code SWITCHBOARD_ACCOUNTING}, {@code COST_DB_URL},
     *            {@code SPRING_DATASOURCE_URL}, {@code SPRING_KAFKA_BOOTSTRAP_SERVERS})
     * @param args passed to every service (e.g. {@code --switchboard.config=...}); the edge's {@code --server.port}
     *             also comes from here or {@code SWITCHBOARD_PORT}
     */
    public static AllInOne start(Function<String, @Nullable String> env, String... args) {
        Path dataDir = Path.of(Objects.requireNonNullElse(env.apply("SWITCHBOARD_DATA"), "switchboard-data"));
        AdminKey adminKey = AdminKey.resolve(env.apply("SWITCHBOARD_ADMIN_KEY"), dataDir);
        String secret = Objects.requireNonNullElseGet(env.apply("SWITCHBOARD_INTERNAL_SECRET"), AllInOne::newSecret);
        boolean accounting = accountingOn(
                setting(args, "switchboard.accounting", env.apply("SWITCHBOARD_ACCOUNTING")));
        String givenDb = setting(args, "spring.datasource.url", Stream.of("COST_DB_URL", "SPRING_DATASOURCE_URL")
                .map(env).filter(Objects::nonNull).findFirst().orElse(null));
        String givenKafka = setting(args, "spring.kafka.bootstrap-servers",
                env.apply("SPRING_KAFKA_BOOTSTRAP_SERVERS"));
        List<String> parentArgs = new ArrayList<>(LOGGING);
        if (accounting && givenDb == null) {
            parentArgs.add("--" + SharedInfrastructure.POSTGRES_DIR + "=" + dataDir.resolve("pg"));
        }
        if (accounting && givenKafka == null) {
            parentArgs.add("--" + SharedInfrastructure.KAFKA_DIR + "=" + dataDir.resolve("kafka"));
        }
        ConfigurableApplicationContext parent = new SpringApplicationBuilder(SharedInfrastructure.class)
                .web(WebApplicationType.NONE).properties("spring.config.name=switchboard", "spring.main.banner-mode=off")
                .run(parentArgs.toArray(String[]::new));
        try {
            List<String> common = new ArrayList<>(LOGGING);
            common.add("--switchboard.internal-secret=" + secret);
            common.add("--switchboard.admin-key-sha256=" + adminKey.sha256());
            List<String> routerOwn = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1"));
            List<String> edgeOwn = new ArrayList<>();
            String costUrl = null;
            if (accounting) {
                String bootstrap = givenKafka != null ? givenKafka
                        : parent.getBean(InProcessKafka.class).bootstrapServers();
                common.add("--switchboard.master-keys=" + MasterKeys.resolve(env.apply("SWITCHBOARD_MASTER_KEYS"), dataDir));
                common.add("--spring.kafka.bootstrap-servers=" + bootstrap);
                List<String> backOffice = BackOffice.arguments(parent, givenDb);
                String policyUrl = BackOffice.url(PolicyServiceApplication.builder().parent(parent)
                        .run(with(common, args, backOffice.toArray(String[]::new))));
                log.info("Governance: policy service admin API on {} (also /admin/v1 through the edge)", policyUrl);
                routerOwn.add("--switchboard.policy.url=" + policyUrl);
                routerOwn.add("--switchboard.events.spool-dir=" + dataDir.resolve("spool"));
                edgeOwn.addAll(List.of("--switchboard.policy.url=" + policyUrl, "--switchboard.edge.policy-url=" + policyUrl));
                costUrl = BackOffice.url(CostServiceApplication.builder().parent(parent)
                        .run(with(common, args, backOffice.toArray(String[]::new))));
                edgeOwn.add("--switchboard.edge.cost-url=" + costUrl);
                log.info("Accounting: cost service API on {} (also /admin/v1/spend, /requests through the edge)", costUrl);
            }
            var router = RouterServiceApplication.builder().parent(parent)
                    .run(with(common, args, routerOwn.toArray(String[]::new)));
            edgeOwn.add("--switchboard.edge.router-url=http://127.0.0.1:"
                    + router.getEnvironment().getProperty("local.server.port"));
            var edge = EdgeGatewayApplication.builder().parent(parent)
                    .run(with(common, args, edgeOwn.toArray(String[]::new)));
            int port = Integer.parseInt(Objects.requireNonNull(edge.getEnvironment().getProperty("local.server.port")));
            return new AllInOne(parent, port, adminKey, costUrl);
        } catch (RuntimeException e) {
            parent.close();
            throw e;
        }
    }

    private static boolean accountingOn(@Nullable String value) {
        String mode = value == null || value.isBlank() ? "embedded" : value.trim().toLowerCase(Locale.ROOT);
        return switch (mode) {
            case "embedded" -> true;
            case "off" -> false;
            default -> throw new IllegalArgumentException(
                    "switchboard.accounting must be embedded or off, not '" + value + "'");
        };
    }

    /** The last {@code --name=value} among the arguments, else the fallback; blank counts as not given. */
    private static @Nullable String setting(String[] args, String name, @Nullable String fallback) {
        String value = fallback;
        for (String arg : args) {
            if (arg.startsWith("--" + name + "=")) {
                value = arg.substring(name.length() + 3);
            }
        }
        return value == null || value.isBlank() ? null : value;
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

    /** The cost service's loopback URL when accounting is on. */
    public @Nullable String costUrl() {
        return costUrl;
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
