package dev.switchboard.policy.keys;

/** The answer to creating a key: the only time the plaintext {@code key} is ever shown. */
public record IssuedKey(String key, KeyView details) {

    @Override
    public String toString() {
        return "IssuedKey[" + details.prefix() + "…]";
    }
}
