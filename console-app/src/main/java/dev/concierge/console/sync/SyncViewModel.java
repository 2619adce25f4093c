package dev.concierge.console.sync;

import dev.concierge.api.SyncStatus;
import dev.concierge.console.ServerCalls;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * The outbox as staff see it: each outside service's health and the deliveries (all, or those waiting, failed or
 * delivered), asked for again every few seconds without losing the selected one; a failed or waiting delivery is
 * tried again at once on request.
 */
public final class SyncViewModel {
    /** The status filter's choices, in the API's words; {@link #ALL} asks for every status. */
    public static final String ALL = "all";

    public static final List<String> STATUS_FILTERS = List.of(ALL, "pending", "dead", "delivered");

    private final SyncApi api;
    private final ZoneId zone;
    private final ServerCalls calls;
    private final ObservableList<ConnectorRow> connectors = FXCollections.observableArrayList();
    private final ObservableList<DeliveryRow> deliveries = FXCollections.observableArrayList();
    private final ObjectProperty<@Nullable DeliveryRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final StringProperty statusFilter = new SimpleStringProperty(this, "statusFilter", ALL);
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private boolean refreshing;
    private boolean askAgain;

    private final dev.concierge.console.Texts texts;

    public SyncViewModel(dev.concierge.console.Texts texts, SyncApi api, ZoneId zone, ServerCalls calls) {
        this.texts = texts;
        this.api = api;
        this.zone = zone;
        this.calls = calls;
        statusFilter.addListener((observable, before, now) -> refresh());
    }

    /** Asks the server again; a call while one is awaited asks once more when it has come. */
    public void refresh() {
        if (refreshing) {
            askAgain = true;
            return;
        }
        refreshing = true;
        String status = ALL.equals(statusFilter.get()) ? null : statusFilter.get();
        calls.call(() -> api.status(status), this::show, why -> {
            problem.set(texts.get("sync.notLoaded", why));
            answered();
        });
    }

    private void show(SyncStatus status) {
        List<ConnectorRow> services = status.connectors().stream()
                .map(connector -> ConnectorRow.of(connector, zone, texts))
                .toList();
        if (!connectors.equals(services)) {
            connectors.setAll(services);
        }
        @Nullable DeliveryRow keep = selected.get();
        List<DeliveryRow> rows = status.deliveries().stream()
                .map(delivery -> DeliveryRow.of(delivery, zone, texts))
                .toList();
        if (!deliveries.equals(rows)) {
            deliveries.setAll(rows);
        }
        selected.set(keep == null ? null : find(keep.id()).orElse(null));
        problem.set("");
        answered();
    }

    private void answered() {
        refreshing = false;
        if (askAgain) {
            askAgain = false;
            refresh();
        }
    }

    private Optional<DeliveryRow> find(long id) {
        return deliveries.stream().filter(row -> row.id() == id).findFirst();
    }

    /** Tries the selected delivery again now. */
    public void retrySelected() {
        DeliveryRow row = selected.get();
        if (row == null) {
            problem.set(texts.get("sync.selectFirst"));
            return;
        }
        if (!row.mayRetry()) {
            problem.set(texts.get("sync.sendingNow"));
            return;
        }
        calls.run(
                () -> api.retry(row.id()),
                () -> {
                    notice.set(texts.get("sync.retried", row.service(), row.change()));
                    problem.set("");
                    refresh();
                },
                why -> problem.set(texts.get("sync.notRetried", why)));
    }

    public dev.concierge.console.Texts texts() {
        return texts;
    }

    /** Failed deliveries across every service, for the screen's summary line. */
    public long failedCount() {
        return deliveries.stream()
                .filter(row -> row.status().equals(texts.word("sync.delivery", "dead")))
                .count();
    }

    public ObservableList<ConnectorRow> connectors() {
        return connectors;
    }

    public ObservableList<DeliveryRow> deliveries() {
        return deliveries;
    }

    public ObjectProperty<@Nullable DeliveryRow> selectedProperty() {
        return selected;
    }

    public StringProperty statusFilterProperty() {
        return statusFilter;
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
