package dev.concierge.api;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * A booking as a guest or the desk asks for it (DESIGN.md): a service slot ({@code serviceId, start, partySize}) or a
 * room stay ({@code roomTypeId, checkIn, checkOut, guests}). {@code start} is venue-local ({@code 2026-03-10T10:00})
 * or carries an offset. {@code status} is for staff only ({@code pending} or {@code confirmed}).
 */
public record ReservationRequest(
        @Nullable String serviceId,
        @Nullable String start,
        @Nullable Integer partySize,
        @Nullable String roomTypeId,
        @Nullable LocalDate checkIn,
        @Nullable LocalDate checkOut,
        @Nullable Integer guests,
        ContactDetails contact,
        @Nullable String notes,
        @Nullable String status) {

    public ReservationRequest {
        FieldChecks checks = FieldChecks.start()
                .check(
                        (serviceId == null) != (roomTypeId == null),
                        serviceId == null ? "serviceId" : "roomTypeId",
                        "give either serviceId (a service slot) or roomTypeId (a room stay), not "
                                + (serviceId == null ? "neither" : "both"))
                .maxLength("notes", notes, 2000)
                .check(
                        status == null || status.equals("pending") || status.equals("confirmed"),
                        "status",
                        "must be pending or confirmed");
        if (serviceId != null) {
            checks.require("start", start)
                    .check(start == null || parsesAsTime(start), "start", "must be a date-time like 2026-03-10T10:00")
                    .require("partySize", partySize)
                    .check(partySize == null || (partySize >= 1 && partySize <= 500), "partySize", "must be 1 or more");
        }
        if (roomTypeId != null) {
            checks.require("checkIn", checkIn)
                    .require("checkOut", checkOut)
                    .check(
                            checkIn == null || checkOut == null || checkOut.isAfter(checkIn),
                            "checkOut",
                            "must be after checkIn")
                    .require("guests", guests)
                    .check(guests == null || (guests >= 1 && guests <= 50), "guests", "must be 1 or more");
        }
        ContactDetails.check(checks, "contact", contact);
        checks.orThrow();
    }

    static boolean parsesAsTime(String text) {
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException withoutOffset) {
            try {
                LocalDateTime.parse(text);
                return true;
            } catch (DateTimeParseException e) {
                return false;
            }
        }
    }
}
