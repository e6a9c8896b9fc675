package dev.switchboard.policy.credentials;

import dev.switchboard.contracts.identity.Principal;
import dev.switchboard.contracts.policy.SealedCredential;
import dev.switchboard.contracts.policy.Source;
import dev.switchboard.policy.access.Access;
import dev.switchboard.policy.access.CallerFilter;
import dev.switchboard.policy.credentials.CredentialService.ResealResult;
import dev.switchboard.policy.web.ApiException;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /admin/v1/credentials}: provider API keys, sealed with the master key (platform admins only). Answers
 * name them and say when they changed; the value and its ciphertext never leave the service through this API.
 */
@RestController
@RequestMapping("/admin/v1/credentials")
public class CredentialsEndpoint {

    private final CredentialRepository credentials;
    private final CredentialService service;
    private final Access access;

    public CredentialsEndpoint(CredentialRepository credentials, CredentialService service, Access access) {
        this.credentials = credentials;
        this.service = service;
        this.access = access;
    }

    /** A credential as listed: no value, no ciphertext. */
    public record CredentialInfo(String name, Instant updatedAt, Source source) {
        static CredentialInfo of(SealedCredential credential) {
            return new CredentialInfo(credential.name(), credential.updatedAt(), credential.source());
        }
    }

    /** The body of a PUT. */
    public record CredentialValue(@Nullable String value) {
        @Override
        public String toString() {
            return "CredentialValue[…]";
        }
    }

    @GetMapping
    public List<CredentialInfo> list(@RequestAttribute(CallerFilter.ATTRIBUTE) Principal caller) {
        access.requirePlatformAdmin(caller);
        return credentials.all().stream().map(CredentialInfo::of).toList();
    }

    @PutMapping("/{name}")
    public CredentialInfo put(@RequestAttribute(CallerFilter.ATTRIBUTE) Principal caller, @PathVariable String name,
                              @RequestBody CredentialValue body) {
        access.requirePlatformAdmin(caller);
        if (body.value() == null) {
            throw ApiException.badRequest("invalid_value", "value is required");
        }
        return CredentialInfo.of(service.put(name, body.value()));
    }

    @DeleteMapping("/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(@RequestAttribute(CallerFilter.ATTRIBUTE) Principal caller, @PathVariable String name) {
        access.requirePlatformAdmin(caller);
        service.delete(name);
    }

    /** Re-seals every credential sealed under an older master key with the active one. */
    @PostMapping("/reseal")
    public ResealResult reseal(@RequestAttribute(CallerFilter.ATTRIBUTE) Principal caller) {
        access.requirePlatformAdmin(caller);
        return service.reseal();
    }
}
