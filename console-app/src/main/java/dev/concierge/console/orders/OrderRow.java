package dev.concierge.console.orders;

import dev.concierge.api.OrderView;
import dev.concierge.console.Formats;
import dev.concierge.console.Texts;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** One order as the queue shows it: every column already written for a person. */
public record OrderRow(
        long id,
        String reference,
        String status,
        String time,
        String items,
        String place,
        String total,
        String paymentMethod,
        String paymentStatus) {

    /** The order's life, one step at a time; cancelled stands apart. */
    static final List<String> STEPS = List.of("new", "accepted", "preparing", "delivered");

    static OrderRow of(OrderView order, ZoneId zone, Texts texts) {
        String items = order.items().stream()
                .map(item -> item.quantity() + " × " + item.name())
                .collect(Collectors.joining(", "));
        String place = order.roomNumber() != null
                ? texts.get("orders.room", order.roomNumber())
                : order.table() != null ? texts.get("orders.table", order.table()) : "—";
        return new OrderRow(
                order.id(),
                order.reference(),
                order.status(),
                Formats.time(order.createdAt(), zone),
                items,
                place,
                Formats.money(order.total(), texts.locale()),
                order.payment().method(),
                order.payment().status());
    }

    /** The status one step on, e.g. new → accepted; empty for a delivered or cancelled order. */
    Optional<String> nextStatus() {
        int step = STEPS.indexOf(status);
        return step >= 0 && step + 1 < STEPS.size() ? Optional.of(STEPS.get(step + 1)) : Optional.empty();
    }

    boolean cancellable() {
        return !status.equals("delivered") && !status.equals("cancelled");
    }

    boolean refundable() {
        return paymentMethod.equals("card") && paymentStatus.equals("paid");
    }

    /** Where it is in the queue: new first, then accepted, preparing, delivered, cancelled. */
    int stage() {
        int step = STEPS.indexOf(status);
        return step >= 0 ? step : STEPS.size();
    }

    String payment() {
        return paymentMethod + " · " + paymentStatus;
    }

    /** "card · unpaid" in the console's language. */
    String payment(Texts texts) {
        return texts.word("payment.method", paymentMethod) + " · " + texts.word("payment.status", paymentStatus);
    }
}
