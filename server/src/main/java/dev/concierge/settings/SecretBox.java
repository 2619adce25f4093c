package dev.concierge.settings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Seals secrets stored in the database with AES-256-GCM (the JDK's own implementation): a random 96-bit nonce per
 * value, the setting's name as associated data so a sealed value cannot be moved to another setting. The key is
 * {@code CONCIERGE_SECRET_KEY} (base64 of 32 bytes; the same on every instance sharing a database) or else a file in
 * the data directory made at first start, readable by its owner only.
 */
public final class SecretBox {
    static final String KEY_FILE = "secret.key";
    private static final String VERSION = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    SecretBox(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("the secret key must be 32 bytes (base64 of 32 random bytes)");
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    /** The box of this appliance: {@code environmentKey} when given, else the data directory's key file (made once). */
    public static SecretBox forAppliance(Path dataDir, @Nullable String environmentKey) {
        if (environmentKey != null) {
            try {
                return new SecretBox(Base64.getDecoder().decode(environmentKey.strip()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("CONCIERGE_SECRET_KEY must be base64 of 32 random bytes", e);
            }
        }
        Path file = dataDir.resolve(KEY_FILE);
        try {
            if (!Files.exists(file)) {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                Path temp = Files.createTempFile(dataDir, "secret", ".tmp");
                try {
                    Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // a file system without POSIX permissions: the data directory's own protection applies
                }
                Files.writeString(temp, Base64.getEncoder().encodeToString(fresh));
                try {
                    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException raced) {
                    Files.deleteIfExists(temp);
                }
            }
            return new SecretBox(
                    Base64.getDecoder().decode(Files.readString(file).strip()));
        } catch (IOException e) {
            throw new UncheckedIOException("the secret key " + file + " could not be read or made", e);
        }
    }

    /** {@code value} sealed for the setting {@code name}. */
    public String seal(String name, String value) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(name.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[nonce.length + sealed.length];
            System.arraycopy(nonce, 0, out, 0, nonce.length);
            System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
            return VERSION + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** The value sealed for {@code name}; throws when it was sealed under another key, for another name, or altered. */
    public String open(String name, String sealed) throws GeneralSecurityException {
        if (!sealed.startsWith(VERSION)) {
            throw new GeneralSecurityException("not a sealed value");
        }
        byte[] in = Base64.getDecoder().decode(sealed.substring(VERSION.length()));
        if (in.length <= NONCE_BYTES) {
            throw new GeneralSecurityException("too short");
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
        cipher.updateAAD(name.getBytes(StandardCharsets.UTF_8));
        return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
    }
}
