package dev.concierge.console.sync;

import dev.concierge.api.SyncStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/** One outside service's health, in words: its state, what waits, what failed, when it last took a change. */
public record ConnectorRow(String name, String service, String state, boolean healthy, String detail, String error) {
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("d MMM HH:mm");

    static ConnectorRow of(SyncStatus.Connector connector, ZoneId zone) {
        String waiting = connector.pending() == 0
                ? "nothing waiting"
                : connector.pending() + " waiting since " + dayTime(connector.oldestPendingAt(), zone);
        String failed = connector.dead() == 0 ? "" : ", " + connector.dead() + " failed for good";
        String last = connector.lastDeliveredAt() == null
                ? ", nothing delivered yet"
                : ", last delivered " + dayTime(connector.lastDeliveredAt(), zone);
        return new ConnectorRow(
                connector.name(),
                SyncNames.service(connector.name()),
                SyncNames.state(connector.state()),
                connector.state().equals("ok"),
                waiting + failed + last,
                connector.lastError() == null ? "" : "Last error: " + connector.lastError());
    }

    private static String dayTime(@Nullable Instant at, ZoneId zone) {
        return at == null ? "—" : DAY_TIME.format(at.atZone(zone));
    }
}
