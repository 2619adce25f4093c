package dev.concierge.console.guests;

import atlantafx.base.theme.Styles;
import dev.concierge.console.Controls;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The form that changes a guest. Enter in a one-line field saves, Escape closes (the screen's keys). */
final class GuestFormView extends VBox {
    private final GuestForm form;
    private final TextField name;

    GuestFormView(GuestForm form, Runnable close) {
        super(8);
        this.form = form;
        setId("guest-form");
        setPadding(new Insets(4, 0, 0, 0));

        dev.concierge.console.Texts texts = form.texts();
        Label title = Controls.label("guest-form-title", form.title(), Styles.TITLE_4);
        name = field("guest-name-field", texts.get("form.name"), form.nameProperty());
        TextField email = field("guest-email-field", texts.get("signin.email"), form.emailProperty());
        TextField phone = field("guest-phone-field", texts.get("form.phone"), form.phoneProperty());
        ComboBox<String> language = new ComboBox<>();
        language.setId("guest-language-field");
        language.setAccessibleText(texts.get("guests.language"));
        language.getItems().setAll(GuestForm.LANGUAGES);
        language.setConverter(new StringConverter<>() {
            @Override
            public String toString(String code) {
                return code == null || code.isBlank() ? texts.get("guests.notKnown") : GuestRow.language(code, texts);
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        language.valueProperty().bindBidirectional(form.languageProperty());
        language.setMaxWidth(Double.MAX_VALUE);
        TextField intent = field("guest-intent-field", texts.get("guests.intent.prompt"), form.intentProperty());
        TextArea notes = new TextArea();
        notes.setId("guest-notes-field");
        notes.setAccessibleText(texts.get("form.notes"));
        notes.setPromptText(texts.get("guests.notes.prompt"));
        notes.setPrefRowCount(2);
        notes.setWrapText(true);
        notes.textProperty().bindBidirectional(form.notesProperty());
        for (TextField field : new TextField[] {name, email, phone, intent}) {
            field.setOnAction(event -> form.save());
        }

        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(2);
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        half.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(half, half);
        grid.add(labelled(texts.get("form.name"), name, "name"), 0, 0);
        grid.add(labelled(texts.get("signin.email"), email, "email"), 1, 0);
        grid.add(labelled(texts.get("form.phone"), phone, "phone"), 0, 1);
        grid.add(labelled(texts.get("guests.language"), language, "language"), 1, 1);
        grid.add(labelled(texts.get("guests.wants"), intent, "intent"), 0, 2);
        grid.add(labelled(texts.get("form.notes"), notes, "notes"), 1, 2);

        Label problem = Controls.message("guest-form-problem", form.problemProperty(), Styles.DANGER);
        Button save = Controls.button(
                "guest-save", texts.get("form.save"), texts.get("form.save.help"), form::save, Styles.ACCENT);
        save.disableProperty().bind(form.savingProperty());
        Button cancel =
                Controls.button("guest-form-close", texts.get("form.close"), texts.get("guests.close.help"), close);
        HBox buttons = new HBox(8, save, cancel);
        getChildren().addAll(title, grid, problem, buttons);
    }

    void focusFirst() {
        name.requestFocus();
    }

    /** A field with its label above and its error below, the label naming the field for a screen reader. */
    private VBox labelled(String text, Node field, String apiField) {
        Label label = Controls.label(field.getId() + "-label", text, Styles.TEXT_SMALL);
        label.setLabelFor(field);
        Label error = new Label();
        error.setId("guest-error-" + apiField);
        error.setWrapText(true);
        error.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
        error.textProperty().bind(Bindings.createStringBinding(() -> form.error(apiField), form.errors()));
        error.accessibleTextProperty().bind(error.textProperty());
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        VBox box = new VBox(2, label, field, error);
        box.setAlignment(Pos.TOP_LEFT);
        box.setPadding(new Insets(0, 0, 4, 0));
        return box;
    }

    private static TextField field(String id, String text, StringProperty value) {
        TextField field = new TextField();
        field.setId(id);
        field.setAccessibleText(text);
        field.setPromptText(text);
        field.textProperty().bindBidirectional(value);
        return field;
    }
}
