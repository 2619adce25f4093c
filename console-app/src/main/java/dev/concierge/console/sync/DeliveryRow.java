package dev.concierge.console.sync;

import dev.concierge.api.SyncStatus;
import dev.concierge.console.Formats;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** One delivery of one change to one outside service, as the Sync screen's table shows it. */
public record DeliveryRow(
        long id,
        String service,
        String change,
        String status,
        String attempts,
        String when,
        String next,
        String lastError,
        boolean mayRetry) {
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("d MMM HH:mm");

    static DeliveryRow of(SyncStatus.Delivery delivery, ZoneId zone) {
        String status = delivery.status();
        return new DeliveryRow(
                delivery.id(),
                SyncNames.service(delivery.connector()),
                SyncNames.event(delivery.eventType()) + " · " + delivery.aggregateId(),
                switch (status) {
                    case "dead" -> "Failed for good";
                    case "delivering" -> "Sending now";
                    case "pending" -> "Waiting";
                    case "delivered" -> "Delivered";
                    default -> Formats.words(status);
                },
                Integer.toString(delivery.attempts()),
                dayTime(delivery.deliveredAt() != null ? delivery.deliveredAt() : delivery.occurredAt(), zone),
                delivery.nextAttemptAt() == null ? "" : dayTime(delivery.nextAttemptAt(), zone),
                delivery.lastError() == null ? "" : delivery.lastError(),
                // one being sent is left alone; a delivered one may be sent once more (e.g. a row deleted by hand)
                !status.equals("delivering"));
    }

    private static String dayTime(Instant at, ZoneId zone) {
        return DAY_TIME.format(at.atZone(zone));
    }
}
