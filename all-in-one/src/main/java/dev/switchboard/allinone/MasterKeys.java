package dev.switchboard.allinone;

import dev.switchboard.contracts.policy.CredentialSeal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.jspecify.annotations.Nullable;

/**
 * The master key ring provider credentials are sealed with. {@code SWITCHBOARD_MASTER_KEYS} wins; otherwise one key is
 * generated at first start and kept in the data folder (owner-only), so stored credentials survive restarts. A
 * deployment that keeps its database elsewhere should pass the ring from its secret store instead.
 */
final class MasterKeys {

    private MasterKeys() {
    }

    static String resolve(@Nullable String fromEnvironment, Path dataDir) {
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            CredentialSeal.parse(fromEnvironment.trim());
            return fromEnvironment.trim();
        }
        Path stored = dataDir.resolve("master-keys");
        try {
            if (Files.isRegularFile(stored)) {
                return Files.readString(stored, StandardCharsets.US_ASCII).trim();
            }
            Files.createDirectories(dataDir);
            String ring = CredentialSeal.newKeyEntry("local1");
            Files.writeString(stored, ring + "\n", StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(stored, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // nothing stronger to do on this file system
            }
            return ring;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the master key in " + dataDir, e);
        }
    }
}
