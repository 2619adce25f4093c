package dev.concierge.api;

import java.time.LocalDate;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code PATCH /api/staff/bookings/{id}}: any of a new status ({@code roomNumber} goes with {@code checked_in}), a
 * new start or party size for a service slot, new {@code checkIn}/{@code checkOut} dates or guests ({@code partySize})
 * for a room stay (capacity is checked again either way), new contact details, new notes.
 */
public record BookingUpdate(
        @Nullable String status,
        @Nullable String roomNumber,
        @Nullable String start,
        @Nullable LocalDate checkIn,
        @Nullable LocalDate checkOut,
        @Nullable Integer partySize,
        @Nullable ContactDetails contact,
        @Nullable String notes) {
    private static final Set<String> STATUSES =
            Set.of("pending", "confirmed", "checked_in", "checked_out", "cancelled", "completed", "no_show");

    public BookingUpdate {
        FieldChecks checks = FieldChecks.start()
                .check(
                        status != null
                                || start != null
                                || checkIn != null
                                || checkOut != null
                                || partySize != null
                                || contact != null
                                || notes != null,
                        "body",
                        "give at least one of status, start, checkIn, checkOut, partySize, contact, notes")
                .check(
                        checkIn == null || checkOut == null || checkOut.isAfter(checkIn),
                        "checkOut",
                        "must be after checkIn")
                .check(status == null || STATUSES.contains(status), "status", "is not a booking status")
                .check(roomNumber == null || "checked_in".equals(status), "roomNumber", "goes with status checked_in")
                .maxLength("roomNumber", roomNumber, 16)
                .check(
                        start == null || ReservationRequest.parsesAsTime(start),
                        "start",
                        "must be a date-time like 2026-03-10T10:00")
                .check(partySize == null || (partySize >= 1 && partySize <= 500), "partySize", "must be 1 or more")
                .maxLength("notes", notes, 2000);
        if (contact != null) {
            ContactDetails.check(checks, "contact", contact);
        }
        checks.orThrow();
    }

    /** Just a status move, as {@code POST …/cancel} makes. */
    public static BookingUpdate status(String status) {
        return new BookingUpdate(status, null, null, null, null, null, null, null);
    }
}
