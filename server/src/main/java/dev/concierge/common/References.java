package dev.concierge.common;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.random.RandomGenerator;
import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;

/**
 * Short references of bookings and orders that are easy to read aloud and type: two letters for the venue and four characters
 * without look-alikes (no 0/O, 1/I/L), e.g. {@code MR-7K3Q}: 29⁴ ≈ 700,000 per venue.
 */
public final class References {
    static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    /** Draws before giving up: six collisions in a row mean the insert breaks another constraint, not this one. */
    private static final int ATTEMPTS = 6;

    private final RandomGenerator random;
    private final String prefix;

    public References(String venueName) {
        this(venueName, new SecureRandom());
    }

    /** With {@code random} drawing the characters (a test repeats a draw to make two references collide). */
    References(String venueName, RandomGenerator random) {
        this.prefix = prefixOf(venueName);
        this.random = random;
    }

    /**
     * Inserts a row under a fresh reference with {@code insert}, drawing again when the reference is taken. Each try
     * runs in a savepoint of the caller's transaction: on PostgreSQL a failed statement aborts the whole
     * transaction, so a plain retry after a collision failed too (a 500 where H2 had carried on).
     */
    public <T> T insertUnique(DSLContext db, BiFunction<DSLContext, String, T> insert) {
        for (int attempt = 1; ; attempt++) {
            String reference = next();
            try {
                return db.transactionResult(savepoint -> insert.apply(savepoint.dsl(), reference));
            } catch (IntegrityConstraintViolationException e) {
                if (attempt >= ATTEMPTS) {
                    throw e; // not a reference collision after all
                }
            }
        }
    }

    public String next() {
        StringBuilder reference = new StringBuilder(prefix).append('-');
        for (int i = 0; i < 4; i++) {
            reference.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return reference.toString();
    }

    /** The venue's own word (the longest in its name, e.g. Miramar): its first letter and its next consonant. */
    static String prefixOf(String venueName) {
        String word = "";
        for (String candidate :
                venueName.toUpperCase(Locale.ROOT).replaceAll("[^A-Z ]", "").split("\\s+")) {
            if (candidate.length() > word.length()) {
                word = candidate;
            }
        }
        if (word.length() < 2) {
            return "CG";
        }
        for (int i = 1; i < word.length(); i++) {
            if ("AEIOU".indexOf(word.charAt(i)) < 0) {
                return "" + word.charAt(0) + word.charAt(i);
            }
        }
        return word.substring(0, 2);
    }
}
