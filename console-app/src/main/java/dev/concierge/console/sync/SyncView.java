package dev.concierge.console.sync;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.concierge.console.Controls;
import dev.concierge.console.files.FileExport;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.jspecify.annotations.Nullable;

/**
 * The Sync screen: a card per outside service saying in words how it keeps up, then the deliveries. R (or the Retry
 * button) tries the selected delivery again now.
 */
public final class SyncView extends BorderPane {
    /** The screen's keys, for the help overlay. */
    public static String keys(dev.concierge.console.Texts texts) {
        return texts.get("sync.keys");
    }

    private final SyncViewModel model;
    private final BackupsViewModel backups;
    private final @Nullable SupportBundle bundle;
    private final dev.concierge.console.Texts texts;
    private final TableView<DeliveryRow> table = new TableView<>();
    private final FlowPane services = new FlowPane(12, 12);

    /** @param bundle the owner's support bundle download; null for everyone else (the server refuses them too) */
    public SyncView(SyncViewModel model, BackupsViewModel backups, @Nullable SupportBundle bundle) {
        this.model = model;
        this.backups = backups;
        this.bundle = bundle;
        this.texts = model.texts();
        setId("sync");
        setTop(top());
        setCenter(table());
        setBottom(footer());
        setPadding(new Insets(16, 24, 12, 24));
        focusedProperty().addListener((observable, before, now) -> {
            if (now) {
                table.requestFocus();
            }
        });
    }

    private VBox top() {
        Label title = Controls.label("sync-title", texts.get("screen.sync"), Styles.TITLE_3);
        ComboBox<String> status = new ComboBox<>();
        status.setId("sync-status-filter");
        status.setAccessibleText(texts.get("sync.statusFilter"));
        status.getItems().setAll(SyncViewModel.STATUS_FILTERS);
        status.setConverter(new StringConverter<>() {
            @Override
            public String toString(String value) {
                return switch (value == null ? SyncViewModel.ALL : value) {
                    case "pending", "dead", "delivered" -> texts.word("sync.delivery", value);
                    default -> texts.get("sync.allDeliveries");
                };
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        status.valueProperty().bindBidirectional(model.statusFilterProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox row = new HBox(12, title, gap, status);
        row.setAlignment(Pos.CENTER_LEFT);

        services.setId("sync-services");
        model.connectors().addListener((ListChangeListener<ConnectorRow>) change -> showServices());
        showServices();
        Label keys = Controls.label("sync-keys", texts.get("sync.explained"), Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        keys.setWrapText(true);
        VBox top = new VBox(10, row, services, new BackupsLine(backups));
        if (bundle != null) {
            top.getChildren().add(supportLine(bundle));
        }
        top.getChildren().add(keys);
        top.setPadding(new Insets(0, 0, 12, 0));
        return top;
    }

    private HBox supportLine(SupportBundle bundle) {
        FileExport export = bundle.export();
        Button download = Controls.button(
                "sync-support-bundle",
                texts.get("support.download"),
                texts.get("support.download.help"),
                bundle::download);
        download.disableProperty().bind(export.runningProperty());
        download.setMinWidth(Region.USE_PREF_SIZE); // the saved file's long path wraps, the button keeps its words
        HBox line = new HBox(
                12,
                download,
                Controls.message("sync-support-progress", export.progressProperty(), Styles.TEXT_SMALL),
                Controls.message("sync-support-problem", export.problemProperty(), Styles.DANGER));
        line.setId("sync-support");
        line.setAlignment(Pos.CENTER_LEFT);
        return line;
    }

    private void showServices() {
        if (model.connectors().isEmpty()) {
            services.getChildren()
                    .setAll(Controls.label("sync-no-services", texts.get("sync.noServices"), Styles.TEXT_MUTED));
            return;
        }
        services.getChildren()
                .setAll(model.connectors().stream().map(SyncView::card).toList());
    }

    /** A service's card: its state in words first (never by colour alone), then what waits and the last error. */
    private static VBox card(ConnectorRow row) {
        String id = "sync-service-" + row.name();
        Label name = Controls.label(id + "-name", row.service(), Styles.TEXT_BOLD);
        Label state = Controls.label(id + "-state", row.state(), row.healthy() ? Styles.SUCCESS : Styles.DANGER);
        Label detail = Controls.label(id + "-detail", row.detail(), Styles.TEXT_SMALL);
        detail.setWrapText(true);
        VBox card = new VBox(4, new HBox(8, name, state), detail);
        if (!row.error().isEmpty()) {
            Label error = Controls.label(id + "-error", row.error(), Styles.TEXT_SMALL, Styles.DANGER);
            error.setWrapText(true);
            card.getChildren().add(error);
        }
        card.setId(id);
        card.setPadding(new Insets(10, 12, 10, 12));
        card.setPrefWidth(300);
        card.setStyle("-fx-background-color: -color-bg-subtle; -fx-background-radius: 6;"
                + " -fx-border-color: -color-border-default; -fx-border-radius: 6;");
        return card;
    }

    private TableView<DeliveryRow> table() {
        table.setId("sync-table");
        table.setAccessibleText(texts.get("sync.table"));
        table.setItems(model.deliveries());
        table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setPlaceholder(Controls.label("sync-empty", texts.get("sync.empty"), Styles.TEXT_MUTED));
        table.getColumns()
                .setAll(List.of(
                        column("service", texts.get("form.service"), DeliveryRow::service, 95),
                        column("change", texts.get("sync.change"), DeliveryRow::change, 215),
                        column("status", texts.get("orders.column.status"), DeliveryRow::status, 110),
                        column("tries", texts.get("sync.tries"), DeliveryRow::attempts, 55),
                        column("when", texts.get("sync.when"), DeliveryRow::when, 105),
                        column("next-try", texts.get("sync.nextTry"), DeliveryRow::next, 105),
                        column("last-error", texts.get("sync.lastError"), DeliveryRow::lastError, 150)));
        table.setRowFactory(view -> {
            TableRow<DeliveryRow> row = new TableRow<>();
            row.itemProperty().addListener((observable, before, now) -> {
                row.setAccessibleText(now == null ? null : now.service() + ", " + now.change() + ", " + now.status());
                row.setTooltip(now == null || now.lastError().isEmpty() ? null : new Tooltip(now.lastError()));
            });
            return row;
        });
        table.getSelectionModel().selectedItemProperty().addListener((observable, before, now) -> {
            if (now != null) {
                model.selectedProperty().set(now);
            }
        });
        model.selectedProperty().addListener((observable, before, now) -> {
            if (now == null) {
                table.getSelectionModel().clearSelection();
            } else if (table.getSelectionModel().getSelectedItem() != now) {
                table.getSelectionModel().select(now);
            }
        });
        table.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.R && !event.isShortcutDown() && !event.isAltDown()) {
                model.retrySelected();
                event.consume();
            }
        });
        return table;
    }

    private VBox footer() {
        Button retry = Controls.button("sync-retry", texts.get("sync.retry"), texts.get("sync.keys"), () -> {
            model.retrySelected();
            table.requestFocus();
        });
        retry.disableProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> model.selectedProperty().get() == null
                                || !model.selectedProperty().get().mayRetry(),
                        model.selectedProperty()));
        Label notice = Controls.message("sync-notice", model.noticeProperty(), Styles.SUCCESS);
        Label problem = Controls.message("sync-problem", model.problemProperty(), Styles.DANGER);
        HBox actions = new HBox(12, retry, notice);
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox footer = new VBox(6, actions, problem);
        footer.setPadding(new Insets(10, 0, 0, 0));
        return footer;
    }

    private static TableColumn<DeliveryRow, String> column(
            String id, String title, Function<DeliveryRow, String> value, double width) {
        TableColumn<DeliveryRow, String> column = new TableColumn<>(title);
        column.setId("sync-column-" + id);
        double wide = Math.max(width, title.length() * 8.0 + 20); // a longer (Spanish) heading is not cut
        column.setPrefWidth(wide);
        column.setMinWidth(wide); // each keeps room for its text; a wider window goes to all of them
        column.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
        return column;
    }
}
