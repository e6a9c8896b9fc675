package dev.switchboard.allinone;

import dev.switchboard.contracts.config.ConfigParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * The operator's key. {@code SWITCHBOARD_ADMIN_KEY} wins; otherwise one is generated at first start, printed once,
 * and only its SHA-256 is kept in the data folder.
 *
 * @param sha256 the hash the edge compares against
 * @param printOnce the plain key, only on the start that created it
 */
record AdminKey(String sha256, @Nullable String printOnce) {

    static AdminKey resolve(@Nullable String fromEnvironment, Path dataDir) {
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return new AdminKey(ConfigParser.sha256(fromEnvironment.trim()), null);
        }
        Path stored = dataDir.resolve("admin-key.sha256");
        try {
            if (Files.isRegularFile(stored)) {
                return new AdminKey(Files.readString(stored, StandardCharsets.US_ASCII).trim(), null);
            }
            byte[] random = new byte[30];
            new SecureRandom().nextBytes(random);
            String key = "sb-" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.createDirectories(dataDir);
            Files.writeString(stored, ConfigParser.sha256(key) + "\n", StandardCharsets.US_ASCII);
            return new AdminKey(ConfigParser.sha256(key), key);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the admin key hash in " + dataDir, e);
        }
    }
}
