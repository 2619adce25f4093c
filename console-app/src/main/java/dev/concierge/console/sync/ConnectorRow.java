package dev.concierge.console.sync;

import dev.concierge.api.SyncStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/** One outside service's health, in words: its state, what waits, what failed, when it last took a change. */
public record ConnectorRow(String name, String service, String state, boolean healthy, String detail, String error) {
    static ConnectorRow of(SyncStatus.Connector connector, ZoneId zone, dev.concierge.console.Texts texts) {
        DateTimeFormatter dayTime = DateTimeFormatter.ofPattern("d MMM HH:mm", texts.locale());
        String waiting = connector.pending() == 0
                ? texts.get("sync.nothingWaiting")
                : texts.get(
                        "sync.waitingSince", connector.pending(), dayTime(connector.oldestPendingAt(), zone, dayTime));
        String failed = connector.dead() == 0 ? "" : ", " + texts.get("sync.failedForGood", connector.dead());
        String last = ", "
                + (connector.lastDeliveredAt() == null
                        ? texts.get("sync.nothingDelivered")
                        : texts.get("sync.lastDelivered", dayTime(connector.lastDeliveredAt(), zone, dayTime)));
        return new ConnectorRow(
                connector.name(),
                SyncNames.service(connector.name()),
                SyncNames.state(connector.state(), texts),
                connector.state().equals("ok"),
                waiting + failed + last,
                connector.lastError() == null ? "" : texts.get("today.lastError", connector.lastError()));
    }

    private static String dayTime(@Nullable Instant at, ZoneId zone, DateTimeFormatter format) {
        return at == null ? "—" : format.format(at.atZone(zone));
    }
}
