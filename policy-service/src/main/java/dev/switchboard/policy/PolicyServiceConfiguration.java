package dev.switchboard.policy;

import dev.switchboard.contracts.config.ConfigFile;
import dev.switchboard.contracts.config.ConfigParser;
import dev.switchboard.contracts.identity.SignedPrincipal;
import dev.switchboard.policy.access.Access;
import dev.switchboard.policy.access.CallerFilter;
import dev.switchboard.policy.credentials.CredentialRepository;
import dev.switchboard.policy.credentials.CredentialService;
import dev.switchboard.policy.credentials.CredentialsEndpoint;
import dev.switchboard.policy.credentials.MasterKeys;
import dev.switchboard.policy.file.FileEnvironment;
import dev.switchboard.policy.file.FileSync;
import dev.switchboard.policy.file.PolicyFile;
import dev.switchboard.policy.keys.KeyGenerator;
import dev.switchboard.policy.keys.KeyRepository;
import dev.switchboard.policy.keys.KeyService;
import dev.switchboard.policy.keys.KeysEndpoint;
import dev.switchboard.policy.orgs.OrgRepository;
import dev.switchboard.policy.orgs.OrgService;
import dev.switchboard.policy.orgs.OrgsEndpoint;
import dev.switchboard.policy.outbox.Outbox;
import dev.switchboard.policy.providers.ProviderPoliciesEndpoint;
import dev.switchboard.policy.providers.ProviderPolicyRepository;
import dev.switchboard.policy.providers.ProviderPolicyService;
import dev.switchboard.policy.routes.AliasRepository;
import dev.switchboard.policy.routes.AliasService;
import dev.switchboard.policy.routes.AliasesEndpoint;
import dev.switchboard.policy.routes.RouteRepository;
import dev.switchboard.policy.routes.RouteService;
import dev.switchboard.policy.routes.RoutesEndpoint;
import dev.switchboard.policy.snapshot.SnapshotEndpoint;
import dev.switchboard.policy.teams.TeamRepository;
import dev.switchboard.policy.teams.TeamService;
import dev.switchboard.policy.teams.TeamsEndpoint;
import dev.switchboard.policy.users.UsersEndpoint;
import dev.switchboard.policy.web.ApiErrorHandler;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The policy service's beans; {@link PolicyServiceApplication} runs them alone, the all-in-one beside the rest. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({PolicyProperties.class, SwitchboardProperties.class})
@Import({OutboxConfiguration.class, TeamsEndpoint.class, KeysEndpoint.class, OrgsEndpoint.class, UsersEndpoint.class,
        CredentialsEndpoint.class, ProviderPoliciesEndpoint.class, AliasesEndpoint.class, RoutesEndpoint.class,
        SnapshotEndpoint.class, ApiErrorHandler.class})
public class PolicyServiceConfiguration {

    /** The title and summary /v3/api-docs shows above the generated paths. */
    @Bean
    OpenAPI policyOpenApi() {
        return new OpenAPI().info(new Info().title("Switchboard policy service").version("v1")
                .description("Admin API for orgs, teams, keys, users, provider credentials, data policies, model aliases "
                        + "and routes; every "
                        + "call needs the x-switchboard-principal header the edge signs."));
    }

    /** Microsecond ticks, PostgreSQL's precision, so a published change says exactly what was stored. */
    @Bean
    Clock policyClock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }

    @Bean
    Access access() {
        return new Access();
    }

    @Bean
    CallerFilter callerFilter(SwitchboardProperties properties, Clock policyClock) {
        String secret = properties.internalSecret();
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException("SWITCHBOARD_INTERNAL_SECRET (switchboard.internal-secret) is not set: "
                    + "the policy service verifies the principal the edge signs with it");
        }
        return new CallerFilter(new SignedPrincipal(secret, policyClock));
    }

    @Bean
    MasterKeys masterKeys(SwitchboardProperties properties) {
        return MasterKeys.of(properties.masterKeys());
    }

    @Bean
    Outbox outbox(JdbcClient jdbc) {
        return new Outbox(jdbc);
    }

    @Bean
    OrgRepository orgRepository(JdbcClient jdbc) {
        return new OrgRepository(jdbc);
    }

    @Bean
    OrgService orgService(OrgRepository orgs, Outbox outbox, PlatformTransactionManager transactions) {
        return new OrgService(orgs, outbox, new TransactionTemplate(transactions));
    }

    @Bean
    TeamRepository teamRepository(JdbcClient jdbc) {
        return new TeamRepository(jdbc);
    }

    @Bean
    KeyRepository keyRepository(JdbcClient jdbc) {
        return new KeyRepository(jdbc);
    }

    @Bean
    CredentialRepository credentialRepository(JdbcClient jdbc) {
        return new CredentialRepository(jdbc);
    }

    @Bean
    ProviderPolicyRepository providerPolicyRepository(JdbcClient jdbc) {
        return new ProviderPolicyRepository(jdbc);
    }

    @Bean
    AliasRepository aliasRepository(JdbcClient jdbc) {
        return new AliasRepository(jdbc);
    }

    @Bean
    RouteRepository routeRepository(JdbcClient jdbc) {
        return new RouteRepository(jdbc);
    }

    @Bean
    AliasService aliasService(AliasRepository aliases, RouteRepository routes, ConfigFile switchboardConfig,
                              Outbox outbox, PlatformTransactionManager transactions) {
        return new AliasService(aliases, routes, switchboardConfig, outbox, new TransactionTemplate(transactions));
    }

    @Bean
    RouteService routeService(RouteRepository routes, AliasRepository aliases, ConfigFile switchboardConfig,
                              Outbox outbox, PlatformTransactionManager transactions) {
        return new RouteService(routes, aliases, switchboardConfig, outbox, new TransactionTemplate(transactions));
    }

    @Bean
    TeamService teamService(TeamRepository teams, OrgRepository orgs, JdbcClient jdbc, Outbox outbox,
                            PlatformTransactionManager transactions) {
        return new TeamService(teams, orgs, jdbc, outbox, new TransactionTemplate(transactions));
    }

    @Bean
    KeyService keyService(KeyRepository keys, TeamRepository teams, Outbox outbox,
                          PlatformTransactionManager transactions, Clock policyClock) {
        return new KeyService(keys, teams, outbox, new TransactionTemplate(transactions), new KeyGenerator(),
                policyClock);
    }

    @Bean
    CredentialService credentialService(CredentialRepository credentials, MasterKeys masterKeys, Outbox outbox,
                                        PlatformTransactionManager transactions, Clock policyClock) {
        return new CredentialService(credentials, masterKeys, outbox, new TransactionTemplate(transactions),
                policyClock);
    }

    @Bean
    ProviderPolicyService providerPolicyService(ProviderPolicyRepository policies, Outbox outbox,
                                                PlatformTransactionManager transactions) {
        return new ProviderPolicyService(policies, outbox, new TransactionTemplate(transactions));
    }

    @Bean
    FileEnvironment fileEnvironment(Environment environment) {
        return new FileEnvironment(environment::getProperty);
    }

    /** Every provider kind is accepted: the policy service never calls providers, so it need not know them. */
    @Bean(destroyMethod = "close")
    ConfigFile switchboardConfig(SwitchboardProperties properties, FileEnvironment fileEnvironment) {
        return new ConfigFile(ConfigFile.locate(properties.config(), Path.of("")),
                new ConfigParser(fileEnvironment, Set.of()), config -> config);
    }

    @Bean
    FileSync fileSync(TeamRepository teams, KeyRepository keys, ProviderPolicyRepository policies,
                      AliasRepository aliases, OrgRepository orgs, Outbox outbox,
                      PlatformTransactionManager transactions, FileEnvironment fileEnvironment) {
        return new FileSync(teams, keys, policies, aliases, orgs, outbox, new TransactionTemplate(transactions),
                fileEnvironment);
    }

    @Bean
    PolicyFile policyFile(ConfigFile switchboardConfig, FileSync fileSync, SwitchboardProperties properties) {
        return new PolicyFile(switchboardConfig, fileSync, properties.reloadInterval());
    }
}
