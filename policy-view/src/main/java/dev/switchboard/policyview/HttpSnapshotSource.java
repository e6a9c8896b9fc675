package dev.switchboard.policyview;

import dev.switchboard.contracts.identity.Principal;
import dev.switchboard.contracts.identity.Roles;
import dev.switchboard.contracts.identity.SignedPrincipal;
import dev.switchboard.contracts.policy.PolicyJson;
import dev.switchboard.contracts.policy.PolicySnapshot;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;

/**
 * The policy service's {@code GET /internal/v1/policy/snapshot}, called as a service principal signed with the
 * internal secret; reachability is its {@code /actuator/health}.
 */
public final class HttpSnapshotSource implements SnapshotSource {

    static final String SNAPSHOT_PATH = "/internal/v1/policy/snapshot";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final URI base;
    private final SignedPrincipal signer;
    private final String replica;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    /**
     * @param replica names this replica in the policy service's logs, e.g. {@code router}
     */
    public HttpSnapshotSource(URI base, SignedPrincipal signer, String replica) {
        String text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        this.signer = signer;
        this.replica = replica;
    }

    @Override
    public PolicySnapshot fetch() throws IOException {
        var principal = new Principal("service:" + replica, null, null, Set.of(Roles.SERVICE));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + SNAPSHOT_PATH)).timeout(TIMEOUT)
                .header(SignedPrincipal.HEADER, signer.sign(principal)).GET().build();
        HttpResponse<byte[]> response = send(request);
        if (response.statusCode() != 200) {
            throw new IOException("policy snapshot from " + base + " answered " + response.statusCode());
        }
        try {
            return PolicyJson.readSnapshot(response.body());
        } catch (RuntimeException e) {
            throw new IOException("policy snapshot from " + base + " is not readable: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean reachable() {
        try {
            return send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).timeout(TIMEOUT).GET().build())
                    .statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private HttpResponse<byte[]> send(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
