package dev.concierge.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Log lines masked again on their way into a support bundle, as the encoder masks new ones. */
class MaskingJsonEncoderTest {
    @Test
    void aJsonLineIsMaskedFieldByFieldAndKeepsItsShape() {
        String line =
                "{\"level\":\"INFO\",\"message\":\"Booked for ana@example.com on 2026-03-10\",\"password\":\"x1\","
                        + "\"ms\":1534,\"guest\":{\"phones\":[\"+34 612 345 678\"],\"token\":\"cst_abc\"}}";

        assertEquals(
                "{\"level\":\"INFO\",\"message\":\"Booked for [REDACTED] on 2026-03-10\",\"password\":\"[REDACTED]\","
                        + "\"ms\":1534,\"guest\":{\"phones\":[\"[REDACTED]\"],\"token\":\"[REDACTED]\"}}",
                MaskingJsonEncoder.remask(line));
    }

    @Test
    void anyOtherLineIsMaskedAsText() {
        assertEquals(
                "12:00:01 INFO guest [REDACTED] paid with [REDACTED] {not json",
                MaskingJsonEncoder.remask(
                        "12:00:01 INFO guest ana@example.com paid with 4242 4242 4242 4242 {not json"));
    }
}
