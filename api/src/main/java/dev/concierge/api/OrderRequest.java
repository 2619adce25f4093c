package dev.concierge.api;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An order as a guest or the desk places it (DESIGN.md): menu items and quantities, where it goes (a room number or
 * a table), how it is paid ({@code card}, {@code terminal}, {@code room} — charged to a checked-in stay — or
 * {@code desk}), who it is for, and a note. The same body for {@code POST /api/orders/create} and
 * {@code POST /api/staff/orders}.
 */
public record OrderRequest(
        List<Line> items,
        @Nullable String roomNumber,
        @Nullable String table,
        Payment payment,
        @Nullable ContactDetails contact,
        @Nullable String notes) {
    public static final Set<String> PAYMENT_METHODS = Set.of("card", "terminal", "room", "desk");

    /** The most of one item in one order; more is a typo or an event for the desk to arrange. */
    public static final int MAX_QUANTITY = 99;

    /** One menu item and how many. */
    public record Line(@Nullable String itemId, @Nullable Integer quantity) {}

    /** How the guest pays. */
    public record Payment(@Nullable String method) {}

    public OrderRequest {
        FieldChecks checks = FieldChecks.start().notEmpty("items", items);
        if (items != null) {
            checks.check(items.size() <= 50, "items", "must be at most 50 lines");
            for (int i = 0; i < items.size(); i++) {
                Line line = items.get(i);
                String at = "items[" + i + "]";
                if (line == null) {
                    checks.require(at, null);
                    continue;
                }
                Integer quantity = line.quantity();
                checks.require(at + ".itemId", line.itemId())
                        .require(at + ".quantity", quantity)
                        .check(
                                quantity == null || (quantity >= 1 && quantity <= MAX_QUANTITY),
                                at + ".quantity",
                                "must be between 1 and " + MAX_QUANTITY);
            }
        }
        checks.require("payment", payment);
        String method = payment == null ? null : payment.method();
        if (payment != null) {
            checks.require("payment.method", method)
                    .check(
                            method == null || PAYMENT_METHODS.contains(method),
                            "payment.method",
                            "must be one of card, terminal, room, desk");
        }
        checks.maxLength("roomNumber", roomNumber, 16)
                .maxLength("table", table, 32)
                .maxLength("notes", notes, 2000)
                .check(
                        !"room".equals(method) || (roomNumber != null && !roomNumber.isBlank()),
                        "roomNumber",
                        "is required to charge the order to a room");
        if (contact != null) {
            ContactDetails.check(checks, "contact", contact);
        }
        checks.orThrow();
        items = List.copyOf(items);
        roomNumber = blankToNull(roomNumber);
        table = blankToNull(table);
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
