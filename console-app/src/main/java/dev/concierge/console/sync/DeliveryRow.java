package dev.concierge.console.sync;

import dev.concierge.api.SyncStatus;
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
    static DeliveryRow of(SyncStatus.Delivery delivery, ZoneId zone, dev.concierge.console.Texts texts) {
        String status = delivery.status();
        DateTimeFormatter dayTime = DateTimeFormatter.ofPattern("d MMM HH:mm", texts.locale());
        return new DeliveryRow(
                delivery.id(),
                SyncNames.service(delivery.connector()),
                SyncNames.event(delivery.eventType()) + " · " + delivery.aggregateId(),
                texts.word("sync.delivery", status),
                Integer.toString(delivery.attempts()),
                dayTime.format(
                        (delivery.deliveredAt() != null ? delivery.deliveredAt() : delivery.occurredAt()).atZone(zone)),
                delivery.nextAttemptAt() == null
                        ? ""
                        : dayTime.format(delivery.nextAttemptAt().atZone(zone)),
                delivery.lastError() == null ? "" : delivery.lastError(),
                // one being sent is left alone; a delivered one may be sent once more (e.g. a row deleted by hand)
                !status.equals("delivering"));
    }
}
