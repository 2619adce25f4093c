package dev.concierge.api;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code PATCH /api/staff/orders/{id}}: the next status along new → accepted → preparing → delivered (or cancelled
 * before delivery), a payment status (e.g. paid at the desk), a note.
 */
public record OrderUpdate(
        @Nullable String status,
        @Nullable String paymentStatus,
        @Nullable String notes) {
    public static final Set<String> STATUSES = Set.of("new", "accepted", "preparing", "delivered", "cancelled");
    public static final Set<String> PAYMENT_STATUSES = Set.of("unpaid", "pending", "paid", "refunded", "failed");

    public OrderUpdate {
        FieldChecks.start()
                .check(
                        status != null || paymentStatus != null || notes != null,
                        "body",
                        "give at least one of status, paymentStatus, notes")
                .check(status == null || STATUSES.contains(status), "status", "is not an order status")
                .check(
                        paymentStatus == null || PAYMENT_STATUSES.contains(paymentStatus),
                        "paymentStatus",
                        "is not a payment status")
                .maxLength("notes", notes, 2000)
                .orThrow();
    }
}
