package dev.concierge.integration.google;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The calendar event id of a booking, chosen by us so that inserting it again (after a crash, or an answer lost on
 * the way) is a 409 instead of a second event. Google allows the base32hex alphabet (a–v, 0–9), 5 to 1024 characters:
 * 32 of them from a hash of the reference, the same on every machine and every attempt.
 */
final class CalendarEventIds {
    private static final char[] BASE32HEX = "0123456789abcdefghijklmnopqrstuv".toCharArray();
    /** 20 bytes of SHA-256 are 32 base32hex characters: 160 bits, no collision between a venue's bookings. */
    private static final int BYTES = 20;

    private CalendarEventIds() {}

    static String of(String bookingReference) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256")
                    .digest(("concierge-booking:" + bookingReference).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
        StringBuilder id = new StringBuilder(BYTES * 8 / 5);
        int buffer = 0;
        int bits = 0;
        for (int i = 0; i < BYTES; i++) {
            buffer = (buffer << 8) | (digest[i] & 0xff);
            bits += 8;
            while (bits >= 5) {
                id.append(BASE32HEX[(buffer >>> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        return id.toString();
    }
}
