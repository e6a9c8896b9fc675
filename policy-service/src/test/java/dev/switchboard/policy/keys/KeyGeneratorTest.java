package dev.switchboard.policy.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeyGeneratorTest {

    private final KeyGenerator generator = new KeyGenerator();

    @Test
    void keysAreSbAndFortyBase62Characters() {
        assertThat(generator.next()).matches("sb-[0-9A-Za-z]{40}");
    }

    @Test
    void keysDoNotRepeat() {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            keys.add(generator.next());
        }
        assertThat(keys).hasSize(1000);
    }

    @Test
    void theVisiblePrefixIsSbAndEightCharacters() {
        assertThat(KeyGenerator.visiblePrefix("sb-AbC12345restrestrest")).isEqualTo("sb-AbC12345");
    }
}
