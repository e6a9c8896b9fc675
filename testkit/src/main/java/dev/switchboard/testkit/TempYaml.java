package dev.switchboard.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A {@code switchboard.yaml} written to a fresh temporary file, for tests that start a service on it. */
public final class TempYaml {

    private TempYaml() {
    }

    public static Path write(String content) {
        try {
            return Files.writeString(Files.createTempFile("switchboard", ".yaml"), content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a temporary switchboard.yaml", e);
        }
    }
}
