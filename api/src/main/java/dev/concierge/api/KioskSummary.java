package dev.concierge.api;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A kiosk as listed to staff: {@code status} is {@code pairing} (code not yet used), {@code paired}, or {@code expired}
 * (the code ran out unused); revoked kiosks are not listed.
 */
public record KioskSummary(
        String id,
        String name,
        @Nullable String readerId,
        String status,
        Instant createdAt,
        @Nullable Instant pairedAt) {}
