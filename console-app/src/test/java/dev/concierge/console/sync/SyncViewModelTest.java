package dev.concierge.console.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.concierge.api.SyncStatus;
import dev.concierge.console.ServerCalls;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class SyncViewModelTest {
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    private static final Instant TEN = Instant.parse("2026-03-10T09:00:00Z");

    /** The server as the screen sees it: what it answers, and what it was asked. */
    private static final class Server implements SyncApi {
        SyncStatus status = new SyncStatus(List.of(), List.of());
        final List<String> asked = new ArrayList<>();
        final List<Long> retried = new ArrayList<>();

        @Override
        public SyncStatus status(@Nullable String filter) {
            asked.add(filter == null ? "all" : filter);
            return status;
        }

        @Override
        public void retry(long id) {
            retried.add(id);
        }
    }

    private final Server server = new Server();
    private final SyncViewModel model = new SyncViewModel(
            dev.concierge.console.Texts.english(),
            server,
            MADRID,
            new ServerCalls(Runnable::run, Runnable::run, () -> {}));

    private static SyncStatus.Delivery delivery(long id, String status, @Nullable String error) {
        return new SyncStatus.Delivery(
                id, "google-sheets", "contact.changed", "contact-" + id, status, 3, TEN, error, TEN, null);
    }

    @Test
    void servicesAreSaidInWordsWithWhatWaitsAndTheLastError() {
        server.status = new SyncStatus(
                List.of(
                        new SyncStatus.Connector("google-sheets", "failing", 2, 1, TEN, null, "403 from Google"),
                        new SyncStatus.Connector("stripe", "ok", 0, 0, null, TEN, null)),
                List.of(delivery(7, "dead", "403 from Google")));

        model.refresh();

        ConnectorRow sheets = model.connectors().get(0);
        assertEquals("Google Sheets", sheets.service());
        assertEquals("Failing: needs a look", sheets.state());
        assertEquals("2 waiting since 10 Mar 10:00, 1 failed for good, nothing delivered yet", sheets.detail());
        assertEquals("Last error: 403 from Google", sheets.error());
        ConnectorRow stripe = model.connectors().get(1);
        assertEquals("Up to date", stripe.state());
        assertEquals("nothing waiting, last delivered 10 Mar 10:00", stripe.detail());
        DeliveryRow row = model.deliveries().get(0);
        assertEquals("contact changed · contact-7", row.change());
        assertEquals("Failed for good", row.status());
        assertEquals(1, model.failedCount());
    }

    @Test
    void theFilterAsksForThatStatusAndARefreshKeepsTheSelection() {
        server.status = new SyncStatus(List.of(), List.of(delivery(7, "dead", "x"), delivery(8, "pending", "y")));
        model.refresh();
        model.selectedProperty().set(model.deliveries().get(1));

        model.statusFilterProperty().set("dead");
        model.statusFilterProperty().set(SyncViewModel.ALL);

        assertEquals(List.of("all", "dead", "all"), server.asked);
        assertSame(model.deliveries().get(1), model.selectedProperty().get());
        assertEquals(8, model.selectedProperty().get().id());
    }

    @Test
    void retryTriesTheSelectedDeliveryAndSaysSo() {
        server.status = new SyncStatus(List.of(), List.of(delivery(7, "dead", "x"), delivery(9, "delivering", null)));
        model.refresh();

        model.retrySelected();
        assertEquals("Select a delivery first.", model.problemProperty().get());

        model.selectedProperty().set(model.deliveries().get(1));
        model.retrySelected();
        assertEquals(
                "That delivery is being sent right now.",
                model.problemProperty().get());

        model.selectedProperty().set(model.deliveries().get(0));
        model.retrySelected();
        assertEquals(List.of(7L), server.retried);
        assertEquals(
                "Google Sheets will get contact changed · contact-7 again now.",
                model.noticeProperty().get());
        assertEquals("", model.problemProperty().get());
    }
}
