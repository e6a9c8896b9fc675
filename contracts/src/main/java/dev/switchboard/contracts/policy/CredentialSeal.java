package dev.switchboard.contracts.policy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for provider credentials under a ring of master keys: {@code v1.<key-id>.<base64url(iv | ciphertext |
 * tag)>}, the key id bound as associated data. New seals use the first (active) key; any key of the ring opens, so
 * the master key rotates without downtime: add the new key first, re-seal, then drop the old one.
 *
 * <p>The ring is given as {@code <id>:<base64 of 32 bytes>[,<id>:<base64>...]} (e.g. from
 * {@code SWITCHBOARD_MASTER_KEYS}).
 */
public final class CredentialSeal {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final Map<String, SecretKeySpec> keys;
    private final String activeId;

    private CredentialSeal(Map<String, SecretKeySpec> keys, String activeId) {
        this.keys = keys;
        this.activeId = activeId;
    }

    /** Parses a key ring; problems name the entry but never show key material. */
    public static CredentialSeal parse(String ring) {
        Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
        String first = null;
        for (String entry : ring.split(",")) {
            int colon = entry.indexOf(':');
            String id = colon < 0 ? "" : entry.substring(0, colon).trim();
            if (!id.matches("[A-Za-z0-9_-]{1,32}")) {
                throw new IllegalArgumentException("master key entries are <id>:<base64 of 32 bytes>; an entry has no valid id");
            }
            byte[] material;
            try {
                material = Base64.getDecoder().decode(entry.substring(colon + 1).trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("master key '" + id + "' is not base64");
            }
            if (material.length != 32) {
                throw new IllegalArgumentException("master key '" + id + "' has " + material.length
                        + " bytes (expected 32 for AES-256)");
            }
            keys.put(id, new SecretKeySpec(material, "AES"));
            first = first == null ? id : first;
        }
        if (first == null) {
            throw new IllegalArgumentException("no master key given");
        }
        return new CredentialSeal(Map.copyOf(keys), first);
    }

    /** A new random key, as a ring entry, for first-time setup. */
    public static String newKeyEntry(String id) {
        byte[] material = new byte[32];
        RANDOM.nextBytes(material);
        return id + ":" + Base64.getEncoder().encodeToString(material);
    }

    public String activeKeyId() {
        return activeId;
    }

    public String seal(String plaintext) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, activeId, iv);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return "v1." + activeId + "." + B64.encodeToString(ByteBuffer.allocate(IV_BYTES + sealed.length)
                    .put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed", e);
        }
    }

    /** Opens a seal; a wrong key, an unknown key id or tampering is an {@link IllegalArgumentException}. */
    public String open(String sealed) {
        String[] parts = sealed.split("\\.", -1);
        if (parts.length != 3 || !"v1".equals(parts[0])) {
            throw new IllegalArgumentException("not a sealed credential");
        }
        if (!keys.containsKey(parts[1])) {
            throw new IllegalArgumentException("sealed with master key '" + parts[1] + "', which is not in the key ring");
        }
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(parts[2]);
            if (bytes.length <= IV_BYTES) {
                throw new IllegalArgumentException("not a sealed credential");
            }
            byte[] iv = java.util.Arrays.copyOf(bytes, IV_BYTES);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, parts[1], iv);
            return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("sealed credential does not open under master key '" + parts[1] + "'");
        }
    }

    /** Whether a seal was made with an older key than the active one (re-seal it). */
    public boolean isStale(String sealed) {
        return !sealed.startsWith("v1." + activeId + ".");
    }

    private Cipher cipher(int mode, String keyId, byte[] iv) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, keys.get(keyId), new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
