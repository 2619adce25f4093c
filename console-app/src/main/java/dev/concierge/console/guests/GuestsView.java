package dev.concierge.console.guests;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.concierge.console.Controls;
import dev.concierge.console.files.FileExport;
import dev.concierge.console.files.SaveLocation;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.jspecify.annotations.Nullable;

/**
 * The Guests screen: the search, the table of guests, the selected guest's details (or the form) below it. Keys:
 * Ctrl+F the search (Enter or ↓ there goes to the table), ↑/↓ move, Enter opens the guest's details, E change, M
 * merge a duplicate in (Enter confirms, Escape keeps both), Escape closes the form, the choice or a confirmation.
 */
public final class GuestsView extends BorderPane {
    /** The screen's keys, as its toolbar and the help overlay (F1) list them. */
    public static String keys(dev.concierge.console.Texts texts) {
        return texts.get("guests.keys");
    }

    private final GuestsViewModel model;
    private final dev.concierge.console.Texts texts;
    private final SaveLocation location;
    private final TableView<GuestRow> table = new TableView<>();
    private final TextField search = new TextField();
    private final ScrollPane side = new ScrollPane();
    private final GuestDetails details;

    /** @param location where exports are saved: a save dialog, or the PC's fixed export folder */
    public GuestsView(GuestsViewModel model, SaveLocation location) {
        this.model = model;
        this.texts = model.texts();
        this.location = location;
        this.details = new GuestDetails(model, this::exportPersonalData);
        setId("guests");
        setPadding(new Insets(16, 24, 12, 24));
        setTop(toolbar());
        VBox center = new VBox(10, table(), side());
        // with a guest open both grow: the table keeps a few rows, the details get the rest
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox.setVgrow(side, Priority.ALWAYS);
        setCenter(center);
        setBottom(footer());
        addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        focusedProperty().addListener((observable, before, now) -> {
            if (now) {
                table.requestFocus();
            }
        });
    }

    private VBox toolbar() {
        Label title = Controls.label("guests-title", texts.get("screen.guests"), Styles.TITLE_3);
        search.setId("guests-search");
        search.setAccessibleText(texts.get("guests.search.help"));
        search.setPromptText(texts.get("guests.search.prompt"));
        search.setPrefColumnCount(26);
        search.textProperty().bindBidirectional(model.queryProperty());
        search.setOnAction(event -> toTable());
        search.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.DOWN) {
                toTable();
                event.consume();
            }
        });
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox first = new HBox(12, title, search, gap);
        first.setAlignment(Pos.CENTER_LEFT);
        if (model.manager()) {
            Button export = Controls.button(
                    "guests-export",
                    texts.get("guests.export"),
                    texts.get("guests.export.help"),
                    this::exportContacts,
                    Styles.BUTTON_OUTLINED);
            export.disableProperty().bind(model.exports().runningProperty());
            first.getChildren().add(export);
        }

        Label sync = Controls.message("guests-sync", model.syncProperty(), Styles.TEXT_SMALL);
        model.syncStateProperty().addListener((observable, before, now) -> syncStyle(sync, now));
        syncStyle(sync, model.syncStateProperty().get());
        Label keys = Controls.label("guests-keys", keys(texts), Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        VBox top = new VBox(6, first, exportLine(), sync, keys);
        top.setPadding(new Insets(0, 0, 10, 0));
        return top;
    }

    /** While an export runs: a bar (its size is not known before the end) and what has come; then the file's path. */
    private HBox exportLine() {
        FileExport exports = model.exports();
        ProgressBar bar = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
        bar.setId("guests-export-progress");
        bar.setAccessibleText(texts.get("guests.exporting"));
        bar.setPrefWidth(160);
        bar.visibleProperty().bind(exports.runningProperty());
        bar.managedProperty().bind(bar.visibleProperty());
        Label progress = Controls.message("guests-export-status", exports.progressProperty(), Styles.TEXT_SMALL);
        exports.savedProperty().addListener((observable, before, now) -> {
            progress.getStyleClass().remove(Styles.SUCCESS);
            if (now != null) {
                progress.getStyleClass().add(Styles.SUCCESS);
            }
        });
        Label problem = Controls.message("guests-export-problem", exports.problemProperty(), Styles.DANGER);
        HBox line = new HBox(8, bar, progress, problem);
        line.setAlignment(Pos.CENTER_LEFT);
        line.visibleProperty()
                .bind(exports.progressProperty()
                        .isNotEmpty()
                        .or(exports.problemProperty().isNotEmpty()));
        line.managedProperty().bind(line.visibleProperty());
        return line;
    }

    private void exportContacts() {
        location.choose(getScene().getWindow(), texts.get("guests.export.title"), model.contactsFileName())
                .ifPresent(model::exportContacts);
    }

    private void exportPersonalData() {
        if (model.getSelected() == null) {
            return;
        }
        location.choose(getScene().getWindow(), texts.get("guests.personalData.title"), model.personalDataFileName())
                .ifPresent(model::exportPersonalData);
    }

    /** The Sheets line says its state in words; the colour only underlines it. */
    private static void syncStyle(Label sync, String state) {
        sync.getStyleClass().removeAll(Styles.SUCCESS, Styles.WARNING, Styles.DANGER, Styles.TEXT_MUTED);
        sync.getStyleClass()
                .add(
                        switch (state) {
                            case "ok" -> Styles.SUCCESS;
                            case "retrying" -> Styles.WARNING;
                            case "failing", "unknown" -> Styles.DANGER;
                            default -> Styles.TEXT_MUTED;
                        });
    }

    private TableView<GuestRow> table() {
        table.setId("guests-table");
        table.setAccessibleText(texts.get("guests.table"));
        table.setItems(model.rows());
        table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setPlaceholder(Controls.label("guests-empty", texts.get("guests.empty"), Styles.TEXT_MUTED));
        table.setMinHeight(130);
        table.setPrefHeight(180);
        table.getColumns()
                .setAll(List.of(
                        column("name", texts.get("form.name"), GuestRow::name, 120),
                        column("e-mail", texts.get("guests.column.email"), GuestRow::email, 150),
                        fixed(column("phone", texts.get("form.phone"), GuestRow::phone, 130)),
                        fixed(column("language", texts.get("guests.language"), GuestRow::language, 98)),
                        fixed(consentColumn()),
                        fixed(column("source", texts.get("guests.source"), GuestRow::source, 72)),
                        fixed(column("last-change", texts.get("guests.lastChange"), GuestRow::updated, 146))));
        table.setRowFactory(view -> {
            TableRow<GuestRow> row = new TableRow<>();
            row.itemProperty()
                    .addListener((observable, before, now) -> row.setAccessibleText(
                            now == null
                                    ? null
                                    : now.name() + ", " + now.email() + ", " + now.phone() + ", "
                                            + texts.get("guests.row.consent", now.consent())));
            row.setOnMouseClicked(event -> {
                if (event.getClickCount() == 2 && !row.isEmpty()) {
                    openDetails();
                }
            });
            return row;
        });
        table.getSelectionModel().selectedItemProperty().addListener((observable, before, now) -> {
            if (now != null) {
                model.choose(now);
                if (model.selectedProperty().get() != now) {
                    // asked first ("Discard your changes?"): the table shows the guest being edited meanwhile
                    javafx.application.Platform.runLater(
                            () -> select(model.selectedProperty().get()));
                }
            }
        });
        model.selectedProperty().addListener((observable, before, now) -> select(now));
        return table;
    }

    private void select(@Nullable GuestRow row) {
        if (row == null) {
            table.getSelectionModel().clearSelection();
        } else if (!row.equals(table.getSelectionModel().getSelectedItem())) {
            table.getSelectionModel().select(row);
            table.scrollTo(row);
        }
    }

    private ScrollPane side() {
        side.setId("guest-side");
        side.setAccessibleText(texts.get("guests.side"));
        side.setFitToWidth(true);
        side.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        side.setPrefViewportHeight(330);
        side.setMinHeight(160);
        side.setMaxHeight(Double.MAX_VALUE);
        side.setStyle("-fx-background-color: transparent; -fx-border-color: -color-border-default;"
                + " -fx-border-width: 1 0 0 0; -fx-padding: 8 0 0 0;");
        side.setContent(details);
        side.visibleProperty()
                .bind(model.selectedProperty()
                        .isNotNull()
                        .or(model.formProperty().isNotNull()));
        side.managedProperty().bind(side.visibleProperty());
        model.formProperty().addListener((observable, before, now) -> showSide());
        model.choosingDuplicateProperty().addListener((observable, before, now) -> showSide());
        return side;
    }

    /** The form while a guest is changed, the choice of a duplicate while one is merged in, else the details. */
    private void showSide() {
        GuestForm form = model.getForm();
        if (form != null) {
            GuestFormView view = new GuestFormView(form, model::closeForm);
            side.setContent(view);
            view.focusFirst();
        } else if (model.choosingDuplicateProperty().get()) {
            MergeChooserView view = new MergeChooserView(model);
            side.setContent(view);
            view.focusFirst();
        } else if (side.getContent() != details) {
            side.setContent(details);
            table.requestFocus();
        }
    }

    private VBox footer() {
        Label notice = Controls.message("guests-notice", model.noticeProperty(), Styles.SUCCESS);
        Label problem = Controls.message("guests-problem", model.problemProperty(), Styles.DANGER);
        VBox footer = new VBox(6, mergeConfirmation(), eraseConfirmation(), notice, problem);
        footer.setPadding(new Insets(10, 0, 0, 0));
        return footer;
    }

    private HBox mergeConfirmation() {
        Button merge = Controls.button(
                "guest-merge-confirm",
                texts.get("guests.mergeButton"),
                texts.get("guests.mergeButton.help"),
                model::confirmMerge,
                Styles.DANGER);
        Button keep = Controls.button(
                "guest-merge-keep", texts.get("guests.keepBoth"), texts.get("guests.keepBoth.help"), model::keepBoth);
        return Controls.confirmation(
                "guest-merge-confirmation",
                "guest-merge-question",
                Bindings.createStringBinding(model::mergeQuestion, model.mergingDuplicateProperty()),
                merge,
                keep);
    }

    /** The erasure asks the person to type the guest's name: a slip of the keyboard erases nobody. */
    private VBox eraseConfirmation() {
        Label question = Controls.message(
                "guest-erase-question", Bindings.createStringBinding(model::eraseQuestion, model.erasingProperty()));
        Label prompt = Controls.message(
                "guest-erase-prompt",
                Bindings.createStringBinding(
                        () -> model.erasingProperty().get() == null
                                ? ""
                                : texts.get("guests.typeToConfirm", model.eraseWord()),
                        model.erasingProperty()),
                Styles.TEXT_BOLD);
        prompt.setMinWidth(Region.USE_PREF_SIZE);
        TextField typed = new TextField();
        typed.setId("guest-erase-name");
        typed.setAccessibleText(texts.get("guests.eraseName.help"));
        typed.textProperty().bindBidirectional(model.eraseTypedProperty());
        typed.setOnAction(event -> confirmErase());
        HBox.setHgrow(typed, Priority.ALWAYS);
        Button erase = Controls.button(
                "guest-erase-confirm",
                texts.get("guests.erase"),
                texts.get("guests.erase.help"),
                this::confirmErase,
                Styles.DANGER);
        erase.disableProperty().bind(model.eraseConfirmedProperty().not());
        erase.setMinWidth(Region.USE_PREF_SIZE);
        Button keep = Controls.button(
                "guest-erase-keep", texts.get("guests.keep"), texts.get("guests.keep.help"), this::keepGuest);
        keep.setMinWidth(Region.USE_PREF_SIZE);
        HBox answer = new HBox(8, prompt, typed, erase, keep);
        answer.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(8, question, answer);
        box.setId("guest-erase-confirmation");
        box.setPadding(new Insets(8, 12, 8, 12));
        box.setStyle("-fx-background-color: -color-danger-subtle; -fx-background-radius: 6;");
        box.visibleProperty().bind(model.erasingProperty().isNotNull());
        box.managedProperty().bind(box.visibleProperty());
        box.visibleProperty().addListener((observable, before, now) -> {
            if (now) {
                typed.requestFocus();
            }
        });
        return box;
    }

    private void confirmErase() {
        model.confirmErase();
        if (model.erasingProperty().get() == null) {
            table.requestFocus();
        }
    }

    private void keepGuest() {
        model.keepGuest();
        table.requestFocus();
    }

    private void toTable() {
        if (model.getSelected() == null && !table.getItems().isEmpty()) {
            table.getSelectionModel().selectFirst();
        }
        table.requestFocus();
    }

    /** Enter on a guest: their details are open below; the focus goes to their first action. */
    private void openDetails() {
        if (model.getSelected() == null) {
            return;
        }
        Node first = details.lookup("#guest-edit");
        if (first != null) {
            first.requestFocus();
        }
    }

    private void key(KeyEvent event) {
        KeyCode code = event.getCode();
        if (event.isShortcutDown() && code == KeyCode.F) {
            search.requestFocus();
            search.selectAll();
            event.consume();
            return;
        }
        if (event.isShortcutDown() || event.isAltDown()) {
            return;
        }
        if (code == KeyCode.ESCAPE) {
            if (model.erasingProperty().get() != null) {
                keepGuest();
            } else if (model.mergingDuplicateProperty().get() != null) {
                model.keepBoth();
            } else if (model.getForm() != null) {
                model.closeForm();
            } else if (model.choosingDuplicateProperty().get()) {
                model.closeMerge();
            } else if (event.getTarget() != table && model.getSelected() != null) {
                table.requestFocus();
            } else {
                return;
            }
            event.consume();
            return;
        }
        boolean typing = event.getTarget() instanceof TextInputControl || event.getTarget() instanceof ComboBoxBase<?>;
        if (typing
                || model.getForm() != null
                || model.choosingDuplicateProperty().get()
                || model.erasingProperty().get() != null
                || model.mergingDuplicateProperty().get() != null) {
            return;
        }
        switch (code) {
            case ENTER -> {
                if (event.getTarget() != table) {
                    return; // a button's own Enter
                }
                openDetails();
            }
            case E -> model.editSelected();
            case M -> model.startMerge();
            default -> {
                return;
            }
        }
        event.consume();
    }

    private TableColumn<GuestRow, String> consentColumn() {
        TableColumn<GuestRow, String> column = column("consent", texts.get("guests.consent"), GuestRow::consent, 85);
        String given = texts.get("guests.consent.given");
        String withdrawn = texts.get("guests.consent.withdrawn");
        column.setCellFactory(view -> new TableCell<>() {
            @Override
            protected void updateItem(@Nullable String consent, boolean empty) {
                super.updateItem(consent, empty);
                setText(empty || consent == null ? null : consent);
                setStyle(
                        empty || consent == null
                                ? null
                                : consent.equals(given)
                                        ? "-fx-text-fill: -color-success-fg;"
                                        : consent.equals(withdrawn)
                                                ? "-fx-text-fill: -color-danger-fg;"
                                                : "-fx-text-fill: -color-fg-muted;");
            }
        });
        return column;
    }

    /** A short column keeps its width; name, e-mail and phone take what is left. */
    private static TableColumn<GuestRow, String> fixed(TableColumn<GuestRow, String> column) {
        column.setMinWidth(column.getPrefWidth());
        return column;
    }

    private static TableColumn<GuestRow, String> column(
            String id, String title, Function<GuestRow, String> value, double width) {
        TableColumn<GuestRow, String> column = new TableColumn<>(title);
        column.setId("guests-column-" + id);
        // a longer heading (Spanish's) widens its column rather than being cut
        column.setPrefWidth(Math.max(width, title.length() * 9.0 + 20));
        column.setSortable(false); // the server's order, newest first: a refresh every few seconds would undo a sort
        column.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
        return column;
    }
}
