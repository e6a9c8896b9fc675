package dev.switchboard.policy.snapshot;

import dev.switchboard.contracts.identity.Principal;
import dev.switchboard.contracts.policy.PolicyJson;
import dev.switchboard.contracts.policy.PolicySnapshot;
import dev.switchboard.policy.access.Access;
import dev.switchboard.policy.access.CallerFilter;
import dev.switchboard.policy.credentials.CredentialRepository;
import dev.switchboard.policy.keys.KeyRepository;
import dev.switchboard.policy.keys.KeyRepository.StoredKey;
import dev.switchboard.policy.orgs.OrgRepository;
import dev.switchboard.policy.providers.ProviderPolicyRepository;
import dev.switchboard.policy.routes.AliasRepository;
import dev.switchboard.policy.routes.RouteRepository;
import dev.switchboard.policy.teams.TeamRepository;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /internal/v1/policy/snapshot}: everything a router needs, read in one REPEATABLE READ transaction so
 * {@code seq} is exactly the last change the entries reflect. Credentials travel sealed.
 */
@RestController
public class SnapshotEndpoint {

    private final JdbcClient jdbc;
    private final TeamRepository teams;
    private final KeyRepository keys;
    private final ProviderPolicyRepository providerPolicies;
    private final CredentialRepository credentials;
    private final AliasRepository aliases;
    private final RouteRepository routes;
    private final OrgRepository orgs;
    private final TransactionTemplate repeatableRead;
    private final Access access;

    public SnapshotEndpoint(JdbcClient jdbc, TeamRepository teams, KeyRepository keys,
                            ProviderPolicyRepository providerPolicies, CredentialRepository credentials,
                            AliasRepository aliases, RouteRepository routes, OrgRepository orgs,
                            PlatformTransactionManager transactions, Access access) {
        this.jdbc = jdbc;
        this.teams = teams;
        this.keys = keys;
        this.providerPolicies = providerPolicies;
        this.credentials = credentials;
        this.aliases = aliases;
        this.routes = routes;
        this.orgs = orgs;
        this.repeatableRead = new TransactionTemplate(transactions);
        repeatableRead.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        repeatableRead.setReadOnly(true);
        this.access = access;
    }

    @GetMapping(path = "/internal/v1/policy/snapshot", produces = MediaType.APPLICATION_JSON_VALUE)
    public byte[] snapshot(@RequestAttribute(CallerFilter.ATTRIBUTE) Principal caller) {
        access.requireService(caller);
        return PolicyJson.write(read());
    }

    /** The snapshot as of the last committed change. */
    public PolicySnapshot read() {
        return repeatableRead.execute(tx -> new PolicySnapshot(
                jdbc.sql("SELECT coalesce(max(seq), 0) FROM changes").query(Long.class).single(),
                teams.all(), keys.all().stream().map(StoredKey::policy).toList(), providerPolicies.all(),
                credentials.all(), aliases.all(), routes.all(), orgs.all()));
    }
}
