package dev.concierge.api;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code PATCH /api/staff/bookings/{id}}: a new status ({@code roomNumber} with {@code checked_in}) and/or new notes.
 */
public record BookingUpdate(
        @Nullable String status,
        @Nullable String roomNumber,
        @Nullable String notes) {
    private static final Set<String> STATUSES =
            Set.of("pending", "confirmed", "checked_in", "checked_out", "cancelled", "completed", "no_show");

    public BookingUpdate {
        FieldChecks.start()
                .check(status != null || notes != null, "status", "give a status or notes to change")
                .check(status == null || STATUSES.contains(status), "status", "is not a booking status")
                .check(roomNumber == null || "checked_in".equals(status), "roomNumber", "goes with status checked_in")
                .maxLength("roomNumber", roomNumber, 16)
                .maxLength("notes", notes, 2000)
                .orThrow();
    }
}
