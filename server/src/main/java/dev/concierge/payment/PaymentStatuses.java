package dev.concierge.payment;

import java.util.Map;
import java.util.Set;

/**
 * How a card payment's status may move (an order's payment, a booking's deposit): a late "failed" after "paid" is
 * ignored, a refund only follows a payment.
 */
public final class PaymentStatuses {
    private static final Map<String, Set<String>> TRANSITIONS = Map.of(
            "unpaid", Set.of("pending", "paid", "failed"),
            "pending", Set.of("paid", "failed", "unpaid"),
            "failed", Set.of("pending", "paid", "unpaid"),
            "paid", Set.of("refunded"),
            "refunded", Set.of());

    private PaymentStatuses() {}

    /** Whether a payment that is {@code from} may become {@code to} (the same status is no move). */
    public static boolean canMove(String from, String to) {
        return TRANSITIONS.getOrDefault(from, Set.of()).contains(to);
    }
}
