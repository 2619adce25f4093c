package dev.concierge.staff;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Random tokens and keys, and the SHA-256 hashes they are stored as. */
public final class Secrets {
    private final SecureRandom random = new SecureRandom();

    /** A new secret of 32 random bytes with a readable prefix, e.g. {@code cst_…} for a staff token. */
    public String newSecret(String prefix) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A short random id, e.g. {@code key_3f9a1c0b2d4e}. */
    public String newId(String prefix) {
        byte[] bytes = new byte[6];
        random.nextBytes(bytes);
        return prefix + HexFormat.of().formatHex(bytes);
    }

    /**
     * The stored form of a high-entropy secret. A fast hash is enough here (unlike passwords): the secret has 256
     * random bits, so it cannot be guessed from its hash.
     */
    public static String hash(String secret) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
