package dev.concierge.staff;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import org.jspecify.annotations.Nullable;

/** Argon2id password hashing (password4j), with OWASP's parameters: 19 MiB, 2 iterations, 1 lane. */
final class PasswordHasher {
    private static final Argon2Function ARGON2 = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);

    /**
     * A hash of a password nobody has, checked when an e-mail is unknown so timing does not reveal accounts. Made on
     * first use, not at start-up, where every millisecond counts.
     */
    private volatile @Nullable String decoy;

    String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(ARGON2).getResult();
    }

    boolean matches(String password, String storedHash) {
        return Password.check(password, storedHash).with(Argon2Function.getInstanceFromHash(storedHash));
    }

    /** Spends the same time as a real check, for unknown accounts. */
    void spendCheckTime(String password) {
        String hash = decoy;
        if (hash == null) {
            hash = hash("decoy password that is never used");
            decoy = hash;
        }
        matches(password, hash);
    }
}
