package dev.concierge.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * A booking as the API shows it (DESIGN.md); times carry the venue's offset. {@code contactId} is the guest's CRM
 * contact ({@code GET /api/staff/contacts/{id}}). {@code deposit} is there when the guest was asked for one.
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
        @Nullable Long contactId,
        @Nullable Deposit deposit) {

    /**
     * What the guest pays in advance. {@code status}: {@code unpaid} (the payment could not be started yet),
     * {@code pending} (waiting for the guest: {@code clientSecret} completes it with Stripe.js), {@code paid},
     * {@code failed}, {@code refunded}; an unpaid booking is held until {@code dueAt}, then cancelled.
     */
    public record Deposit(
            Money amount,
            String status,
            @Nullable String clientSecret,
            @Nullable Instant dueAt) {}
}
