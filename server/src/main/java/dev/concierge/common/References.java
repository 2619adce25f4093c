package dev.concierge.common;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Short references of bookings and orders that are easy to read aloud and type: two letters for the venue and four characters
 * without look-alikes (no 0/O, 1/I/L), e.g. {@code MR-7K3Q}: 29⁴ ≈ 700,000 per venue.
 */
public final class References {
    static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    private final SecureRandom random = new SecureRandom();
    private final String prefix;

    public References(String venueName) {
        this.prefix = prefixOf(venueName);
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
