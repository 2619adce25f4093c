package dev.concierge.console.bookings;

import dev.concierge.api.BookingView;
import java.util.List;
import java.util.Map;

/**
 * The status moves the desk makes on this screen, each where the server allows it (BookingService's transitions):
 * a pending booking is confirmed, a confirmed slot completed; either may be cancelled or marked a no-show. Check-in
 * and check-out stay on the Today screen.
 */
enum Move {
    CONFIRM("confirmed", "bookings.move.confirm", "A"),
    COMPLETE("completed", "bookings.move.complete", "D"),
    NO_SHOW("no_show", "bookings.move.noShow", "S"),
    CANCEL("cancelled", "bookings.move.cancel", "C");

    private static final Map<String, List<String>> ALLOWED = Map.of(
            "service:pending", List.of("confirmed", "cancelled", "no_show"),
            "service:confirmed", List.of("completed", "cancelled", "no_show"),
            "room:pending", List.of("confirmed", "cancelled", "no_show"),
            "room:confirmed", List.of("cancelled", "no_show"));

    private final String status;
    private final String label;
    private final String key;

    Move(String status, String label, String key) {
        this.status = status;
        this.label = label;
        this.key = key;
    }

    String status() {
        return status;
    }

    /** The move's button, in the words of {@code texts}. */
    String label(dev.concierge.console.Texts texts) {
        return texts.get(label);
    }

    String key() {
        return key;
    }

    boolean allowedFor(BookingView booking) {
        return ALLOWED.getOrDefault(booking.kind() + ":" + booking.status(), List.of())
                .contains(status);
    }
}
