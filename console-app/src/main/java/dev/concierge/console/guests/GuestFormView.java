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

        Label title = Controls.label("guest-form-title", form.title(), Styles.TITLE_4);
        name = field("guest-name-field", "Name", form.nameProperty());
        TextField email = field("guest-email-field", "E-mail", form.emailProperty());
        TextField phone = field("guest-phone-field", "Phone", form.phoneProperty());
        ComboBox<String> language = new ComboBox<>();
        language.setId("guest-language-field");
        language.setAccessibleText("Language");
        language.getItems().setAll(GuestForm.LANGUAGES);
        language.setConverter(new StringConverter<>() {
            @Override
            public String toString(String code) {
                return code == null || code.isBlank() ? "Not known" : GuestRow.language(code);
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        language.valueProperty().bindBidirectional(form.languageProperty());
        language.setMaxWidth(Double.MAX_VALUE);
        TextField intent = field("guest-intent-field", "What they want, e.g. a spa weekend", form.intentProperty());
        TextArea notes = new TextArea();
        notes.setId("guest-notes-field");
        notes.setAccessibleText("Notes");
        notes.setPromptText("Notes for the team");
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
        grid.add(labelled("Name", name, "name"), 0, 0);
        grid.add(labelled("E-mail", email, "email"), 1, 0);
        grid.add(labelled("Phone", phone, "phone"), 0, 1);
        grid.add(labelled("Language", language, "language"), 1, 1);
        grid.add(labelled("Wants", intent, "intent"), 0, 2);
        grid.add(labelled("Notes", notes, "notes"), 1, 2);

        Label problem = Controls.message("guest-form-problem", form.problemProperty(), Styles.DANGER);
        Button save = Controls.button("guest-save", "Save (Enter)", "Save the change", form::save, Styles.ACCENT);
        save.disableProperty().bind(form.savingProperty());
        Button cancel = Controls.button("guest-form-close", "Close (Esc)", "Close the form without saving", close);
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
