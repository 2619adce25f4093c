package dev.concierge.api;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /api/orders/{id}/payment}: how a guest pays instead of at the card reader, {@code desk} (at the desk or
 * on delivery) or {@code room} (charged to their stay).
 */
public record PaymentChoice(@Nullable String method) {
    public static final Set<String> METHODS = Set.of("desk", "room");

    public PaymentChoice {
        FieldChecks.start()
                .check(method != null && METHODS.contains(method), "method", "is desk or room")
                .orThrow();
    }
}
