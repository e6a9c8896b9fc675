package dev.switchboard.cost.pricing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The price feed fixtures in {@code src/test/resources/pricing}. */
final class Fixtures {

    private Fixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/pricing/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no test resource /pricing/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
