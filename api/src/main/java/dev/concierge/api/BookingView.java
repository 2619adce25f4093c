package dev.concierge.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * A booking as the API shows it (DESIGN.md); times carry the venue's offset. {@code contactId} is the guest's CRM
 * contact ({@code GET /api/staff/contacts/{id}}).
 */
public record BookingView(
        long id,
        String reference,
        String kind,
        @Nullable String serviceId,
        @Nullable String roomTypeId,
        OffsetDateTime start,
        OffsetDateTime end,
        int partySize,
        String status,
        ContactDetails contact,
        @Nullable String notes,
        String source,
        Instant createdAt,
        @Nullable String roomNumber,
        @Nullable Long contactId) {}
