package dev.concierge.api;

import org.jspecify.annotations.Nullable;

/**
 * {@code POST /api/staff/kiosks}: a kiosk to pair, by the name staff know it by ("Lobby"), and the Stripe Terminal
 * reader beside it ({@code tmr_…}) when it takes cards.
 */
public record KioskRequest(String name, @Nullable String readerId) {
    public KioskRequest(@Nullable String name, @Nullable String readerId) {
        String reader = readerId == null || readerId.isBlank() ? null : readerId.trim();
        FieldChecks.start()
                .require("name", name)
                .maxLength("name", name, 100)
                .check(
                        reader == null || reader.matches("tmr_[A-Za-z0-9]{1,60}"),
                        "readerId",
                        "must be a Stripe Terminal reader id like tmr_FDOt2wlRZEdpd7")
                .orThrow();
        this.name = java.util.Objects.requireNonNull(name).trim();
        this.readerId = reader;
    }
}
