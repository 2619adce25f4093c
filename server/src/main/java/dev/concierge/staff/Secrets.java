package dev.concierge.staff;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

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

    /** Letters and digits that cannot be misread for one another on a screen (no 0/O, 1/I/L). */
    private static final String TYPED_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    /**
     * A code a person reads off one screen and types into another (a kiosk's pairing code, the first run's setup
     * code): 8 characters of 31 (≈ 40 bits), shown as {@code ABCD-EFGH}; short-lived and tried a few times at most.
     */
    public String newTypedCode() {
        StringBuilder code = new StringBuilder(9);
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                code.append('-');
            }
            code.append(TYPED_ALPHABET.charAt(random.nextInt(TYPED_ALPHABET.length())));
        }
        return code.toString();
    }

    /** A typed code as it is hashed: case, spaces and dashes do not matter. */
    public static String normalizeTypedCode(String typed) {
        return typed.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
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
