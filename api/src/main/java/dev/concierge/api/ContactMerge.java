package dev.concierge.api;

/**
 * {@code POST /api/staff/contacts/{id}/merge}: contact {@code duplicateId} is the same guest as contact {@code id}.
 * Its bookings, orders and conversations move to {@code id}, what {@code id} lacks is filled from it, and it is gone.
 */
public record ContactMerge(long duplicateId) {
    public ContactMerge {
        FieldChecks.start()
                .check(duplicateId > 0, "duplicateId", "must be the id of the contact to merge in")
                .orThrow();
    }
}
