package dev.switchboard.policy.credentials;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.switchboard.contracts.identity.Principal;
import dev.switchboard.contracts.identity.Roles;
import dev.switchboard.contracts.identity.SignedPrincipal;
import dev.switchboard.policy.access.Access;
import dev.switchboard.policy.access.CallerFilter;
import dev.switchboard.policy.outbox.Outbox;
import dev.switchboard.policy.web.ApiErrorHandler;
import java.time.Clock;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.support.TransactionTemplate;

/** Without a master key ring, credential writes answer 503 before anything is stored (no database needed). */
class WithoutMasterKeyTest {

    private static final String SECRET = "unit-test-secret-0123456789";

    private final MockMvc mvc;

    WithoutMasterKeyTest() {
        var unusedDatabase = new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/none");
        JdbcClient jdbc = JdbcClient.create(unusedDatabase);
        var repository = new CredentialRepository(jdbc);
        var service = new CredentialService(repository, MasterKeys.of(null), new Outbox(jdbc),
                new TransactionTemplate(new DataSourceTransactionManager(unusedDatabase)), Clock.systemUTC());
        mvc = MockMvcBuilders.standaloneSetup(new CredentialsEndpoint(repository, service, new Access()))
                .setControllerAdvice(new ApiErrorHandler())
                .addFilters(new CallerFilter(new SignedPrincipal(SECRET, Clock.systemUTC())))
                .build();
    }

    @Test
    void credentialWritesAnswer503WithAClearMessage() throws Exception {
        String admin = new SignedPrincipal(SECRET, Clock.systemUTC())
                .sign(new Principal("op", null, null, Set.of(Roles.PLATFORM_ADMIN)));

        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/admin/v1/credentials/x")
                        .header(SignedPrincipal.HEADER, admin).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"value\":\"sk-1\"}"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.error.code").value("no_master_key"))
                .andExpect(jsonPath("$.error.message").value(org.hamcrest.Matchers.containsString(
                        "SWITCHBOARD_MASTER_KEYS")));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .post("/admin/v1/credentials/reseal").header(SignedPrincipal.HEADER, admin))
                .andExpect(status().isServiceUnavailable());
    }
}
