package dev.concierge.console.guests;

import atlantafx.base.theme.Styles;
import dev.concierge.console.Controls;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The choice of the duplicate to merge into the selected guest: those of the same name are listed first, a search
 * finds others; Enter (or a click) on one asks to confirm. Escape closes it (the screen's keys).
 */
final class MergeChooserView extends VBox {
    private final ListView<GuestRow> candidates = new ListView<>();

    MergeChooserView(GuestsViewModel model) {
        super(8);
        setId("guest-merge-chooser");
        setPadding(new Insets(4, 0, 0, 0));
        GuestRow kept = model.getSelected();
        String name = kept == null ? "" : kept.name();
        dev.concierge.console.Texts texts = model.texts();
        Label title = Controls.label("guest-merge-title", texts.get("guests.merge.title", name), Styles.TITLE_4);
        Label hint = Controls.label(
                "guest-merge-hint", texts.get("guests.merge.hint", name), Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        hint.setWrapText(true);

        TextField search = new TextField();
        search.setId("guest-merge-search");
        search.setAccessibleText(texts.get("guests.merge.search.help"));
        search.setPromptText(texts.get("guests.merge.search.prompt"));
        search.textProperty().bindBidirectional(model.mergeQueryProperty());
        search.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.DOWN || event.getCode() == KeyCode.ENTER) {
                candidates.getSelectionModel().selectFirst();
                candidates.requestFocus();
                event.consume();
            }
        });
        HBox.setHgrow(search, Priority.ALWAYS);
        Button close = Controls.button(
                "guest-merge-close", texts.get("form.close"), texts.get("guests.merge.close.help"), model::closeMerge);
        HBox row = new HBox(8, search, close);
        row.setAlignment(Pos.CENTER_LEFT);

        candidates.setId("guest-merge-candidates");
        candidates.setAccessibleText(texts.get("guests.merge.candidates"));
        candidates.setItems(model.candidates());
        candidates.getStyleClass().add(Styles.DENSE);
        candidates.setPrefHeight(140);
        candidates.setPlaceholder(
                Controls.label("guest-merge-none", texts.get("guests.merge.none"), Styles.TEXT_MUTED));
        candidates.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(GuestRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null : model.candidateLine(row));
                setAccessibleText(getText());
            }
        });
        candidates.setOnKeyPressed(event -> {
            GuestRow chosen = candidates.getSelectionModel().getSelectedItem();
            if (event.getCode() == KeyCode.ENTER && chosen != null) {
                model.pickDuplicate(chosen);
                event.consume();
            }
        });
        candidates.setOnMouseClicked(event -> {
            GuestRow chosen = candidates.getSelectionModel().getSelectedItem();
            if (chosen != null) {
                model.pickDuplicate(chosen);
            }
        });
        // the same-name guests come a moment after the choice opens: the first is ready for Enter
        model.candidates().addListener((javafx.collections.ListChangeListener<GuestRow>) change -> {
            if (candidates.getSelectionModel().isEmpty() && !model.candidates().isEmpty()) {
                candidates.getSelectionModel().selectFirst();
            }
        });
        getChildren().addAll(title, hint, row, candidates);
    }

    void focusFirst() {
        candidates.requestFocus();
        candidates.getSelectionModel().selectFirst();
    }
}
