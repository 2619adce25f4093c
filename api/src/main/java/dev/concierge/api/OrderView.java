package dev.concierge.api;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An order as the API shows it (DESIGN.md). Items carry the name and price they had when ordered. The payment's
 * status moves apart from the order's: a delivered order may still be unpaid, a paid one may be cancelled and
 * refunded. {@code clientSecret} is present only for a card payment the payer still has to complete; {@code failure}
 * says why the last try at a card reader failed (the provider's code, e.g. {@code card_declined}), until the next.
 */
public record OrderView(
        long id,
        String reference,
        List<Item> items,
        Money total,
        String status,
        Payment payment,
        @Nullable String roomNumber,
        @Nullable String table,
        @Nullable ContactDetails contact,
        @Nullable String notes,
        String source,
        Instant createdAt,
        @Nullable Long contactId,
        @Nullable Long stayId) {

    public OrderView {
        items = List.copyOf(items);
    }

    public record Item(String itemId, String name, int quantity, Money unitPrice) {}

    public record Payment(
            String method,
            String status,
            @Nullable String clientSecret,
            @Nullable String failure) {
        public Payment(String method, String status, @Nullable String clientSecret) {
            this(method, status, clientSecret, null);
        }
    }
}
