package dev.concierge.console.orders;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.concierge.console.Controls;
import dev.concierge.console.Texts;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The order queue as a table. Keys on the table: Enter or A moves the selected order one step, C (or Delete) asks to
 * cancel it, R asks for a refund; the confirmation answers to Enter (cancel the order) and Escape (keep it).
 */
public final class OrdersView extends BorderPane {
    private final OrdersViewModel model;
    private final Texts texts;
    private final TableView<OrderRow> table = new TableView<>();

    public OrdersView(OrdersViewModel model) {
        this.model = model;
        this.texts = model.texts();
        setId("orders");
        setTop(toolbar());
        setCenter(table());
        setBottom(footer());
        setPadding(new Insets(16, 24, 12, 24));
        focusedProperty().addListener((observable, before, now) -> {
            if (now) {
                table.requestFocus();
            }
        });
    }

    /** The queue's keys, as its toolbar and the help overlay list them. */
    public static String keys(Texts texts, boolean mayRefund) {
        return texts.get(mayRefund ? "orders.keys.refund" : "orders.keys");
    }

    private VBox toolbar() {
        Label title = Controls.label("orders-title", texts.get("screen.orders"), Styles.TITLE_3);

        ComboBox<String> status = new ComboBox<>();
        status.setId("orders-status-filter");
        status.setAccessibleText(texts.get("orders.statusFilter"));
        status.getItems().setAll(OrdersViewModel.STATUS_FILTERS);
        status.setConverter(new StringConverter<>() {
            @Override
            public String toString(String value) {
                return value == null || OrdersViewModel.ALL.equals(value)
                        ? texts.get("orders.allStatuses")
                        : model.status(value);
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        status.valueProperty().bindBidirectional(model.statusFilterProperty());

        ComboBox<String> category = new ComboBox<>();
        category.setId("orders-category-filter");
        category.setAccessibleText(texts.get("orders.categoryFilter"));
        category.getItems().setAll(model.categoryChoices());
        category.setConverter(new StringConverter<>() {
            @Override
            public String toString(String value) {
                return value == null || value.isEmpty()
                        ? texts.get("orders.allCategories")
                        : texts.word("menu.category", value);
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        category.valueProperty().bindBidirectional(model.categoryProperty());

        Label keys = new Label(keys(texts, model.mayRefund()));
        keys.setId("orders-keys");
        keys.setAccessibleText(keys.getText());
        keys.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);

        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox row = new HBox(12, title, gap, status, category);
        row.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(6, row, keys);
        top.setPadding(new Insets(0, 0, 12, 0));
        return top;
    }

    private TableView<OrderRow> table() {
        table.setId("orders-table");
        table.setAccessibleText(texts.get("orders.queue"));
        table.setItems(model.rows());
        table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setPlaceholder(placeholder());
        table.getColumns()
                .setAll(List.of(
                        column("reference", texts.get("orders.column.reference"), OrderRow::reference, 118),
                        column("time", texts.get("orders.column.time"), OrderRow::time, 62),
                        statusColumn(),
                        itemsColumn(),
                        column("where", texts.get("orders.column.where"), OrderRow::place, 100),
                        column("total", texts.get("orders.column.total"), OrderRow::total, 112),
                        column("payment", texts.get("orders.column.payment"), row -> row.payment(texts), 125)));
        table.setRowFactory(view -> {
            TableRow<OrderRow> row = new TableRow<>();
            row.itemProperty()
                    .addListener((observable, before, now) -> row.setAccessibleText(
                            now == null
                                    ? null
                                    : now.reference() + ", " + model.status(now.status()) + ", " + now.items()));
            return row;
        });

        // the table follows the model's selection, which survives each refresh
        table.getSelectionModel().selectedItemProperty().addListener((observable, before, now) -> {
            if (now != null) {
                model.selectedProperty().set(now);
            }
        });
        model.selectedProperty().addListener((observable, before, now) -> select(now));
        table.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        return table;
    }

    private void select(@org.jspecify.annotations.Nullable OrderRow row) {
        if (row == null) {
            table.getSelectionModel().clearSelection();
        } else if (table.getSelectionModel().getSelectedItem() != row) {
            table.getSelectionModel().select(row);
        }
    }

    private Label placeholder() {
        return Controls.label("orders-empty", texts.get("orders.empty"), Styles.TEXT_MUTED);
    }

    private void key(KeyEvent event) {
        KeyCode code = event.getCode();
        if (event.isShortcutDown() || event.isAltDown()) {
            return;
        }
        if (code == KeyCode.ENTER || code == KeyCode.A) {
            model.advanceSelected();
        } else if (code == KeyCode.C || code == KeyCode.DELETE) {
            model.askToCancel();
        } else if (code == KeyCode.R && model.mayRefund()) {
            model.refundSelected();
        } else {
            return;
        }
        event.consume();
    }

    private VBox footer() {
        Button confirm = Controls.button(
                "confirm-cancel",
                texts.get("orders.cancel"),
                texts.get("orders.cancel.help"),
                () -> {
                    model.confirmCancel();
                    table.requestFocus();
                },
                Styles.DANGER);
        Button keep = Controls.button("keep-order", texts.get("orders.keep"), texts.get("orders.keep.help"), () -> {
            model.keepOrder();
            table.requestFocus();
        });
        HBox confirmation = Controls.confirmation(
                "cancel-confirmation",
                "cancel-question",
                Bindings.createStringBinding(
                        () -> {
                            OrderRow row = model.cancellingProperty().get();
                            return row == null ? "" : texts.get("orders.cancelQuestion", row.reference(), row.items());
                        },
                        model.cancellingProperty()),
                confirm,
                keep);

        Label notice = Controls.message("orders-notice", model.noticeProperty(), Styles.SUCCESS);
        Label problem = Controls.message("orders-problem", model.problemProperty(), Styles.DANGER);
        VBox footer = new VBox(6, confirmation, notice, problem);
        footer.setPadding(new Insets(10, 0, 0, 0));
        return footer;
    }

    private TableColumn<OrderRow, String> itemsColumn() {
        TableColumn<OrderRow, String> column = column("items", texts.get("orders.column.items"), OrderRow::items, 260);
        column.setMinWidth(150);
        return column;
    }

    /** The status stands out by where the order is: new ones call for someone, finished ones step back. */
    private TableColumn<OrderRow, String> statusColumn() {
        TableColumn<OrderRow, String> column =
                column("status", texts.get("orders.column.status"), OrderRow::status, 90);
        column.setCellFactory(view -> new TableCell<>() {
            @Override
            protected void updateItem(@org.jspecify.annotations.Nullable String status, boolean empty) {
                super.updateItem(status, empty);
                setText(empty || status == null ? null : model.status(status));
                setStyle(
                        empty || status == null
                                ? null
                                : switch (status) {
                                    case "new" -> "-fx-text-fill: -color-accent-fg; -fx-font-weight: bold;";
                                    case "delivered" -> "-fx-text-fill: -color-fg-muted;";
                                    case "cancelled" -> "-fx-text-fill: -color-danger-fg;";
                                    default -> null;
                                });
            }
        });
        return column;
    }

    private static TableColumn<OrderRow, String> column(
            String id, String title, Function<OrderRow, String> value, double width) {
        TableColumn<OrderRow, String> column = new TableColumn<>(title);
        column.setId("orders-column-" + id);
        column.setPrefWidth(width);
        column.setMinWidth(width); // short columns keep their width; the items take what is left
        column.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
        return column;
    }
}
