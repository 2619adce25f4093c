package dev.concierge.console.bookings;

import atlantafx.base.theme.Styles;
import dev.concierge.console.Controls;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The create/change form. Enter in a field saves, Escape closes; in the lists of free times and of alternatives,
 * Enter (or a click) picks the one selected.
 */
final class BookingFormView extends VBox {
    private final BookingForm form;

    BookingFormView(BookingForm form, Runnable close) {
        super(6);
        this.form = form;
        setId("booking-form");
        setPadding(new Insets(0, 0, 0, 16));

        dev.concierge.console.Texts texts = form.texts();
        Label title = Controls.label("booking-form-title", form.title(), Styles.TITLE_4);

        ToggleGroup kinds = new ToggleGroup();
        ToggleButton slot = new ToggleButton(texts.get("form.slot"));
        slot.setId("booking-kind-slot");
        slot.setAccessibleText(texts.get("form.slot.help"));
        ToggleButton stay = new ToggleButton(texts.get("form.stay"));
        stay.setId("booking-kind-stay");
        stay.setAccessibleText(texts.get("form.stay.help"));
        slot.setToggleGroup(kinds);
        stay.setToggleGroup(kinds);
        (form.stayProperty().get() ? stay : slot).setSelected(true);
        slot.setOnAction(event -> {
            slot.setSelected(true);
            form.stayProperty().set(false);
        });
        stay.setOnAction(event -> {
            stay.setSelected(true);
            form.stayProperty().set(true);
        });
        slot.setDisable(!form.creating());
        stay.setDisable(!form.creating());
        HBox kind = new HBox(0, slot, stay);
        kind.getStyleClass().add("segmented");
        slot.getStyleClass().add(Styles.LEFT_PILL);
        stay.getStyleClass().add(Styles.RIGHT_PILL);

        ComboBox<String> service = choice(
                "booking-service",
                texts.get("form.service"),
                form.services().stream().map(Catalogue.Item::id).toList(),
                id -> form.services().stream()
                        .filter(item -> item.id().equals(id))
                        .map(Catalogue.Item::name)
                        .findFirst()
                        .orElse(id),
                form.serviceIdProperty());
        service.setDisable(!form.creating());
        DatePicker date = date("booking-date", texts.get("form.day"), form.dateProperty());
        TextField time = field("booking-time", texts.get("form.time.prompt"), form.timeProperty());
        VBox slotFields = new VBox(
                4,
                row(texts.get("form.service"), service),
                error("serviceId"),
                row(texts.get("form.day"), date),
                row(texts.get("form.time"), time),
                error("start"));

        ComboBox<String> room = choice(
                "booking-room-type",
                texts.get("form.roomType"),
                form.rooms().stream().map(Catalogue.Room::id).toList(),
                id -> form.rooms().stream()
                        .filter(item -> item.id().equals(id))
                        .map(Catalogue.Room::name)
                        .findFirst()
                        .orElse(id),
                form.roomTypeIdProperty());
        room.setDisable(!form.creating());
        DatePicker checkIn = date("booking-check-in", texts.get("form.checkIn"), form.checkInProperty());
        DatePicker checkOut = date("booking-check-out", texts.get("form.checkOut"), form.checkOutProperty());
        VBox stayFields = new VBox(
                4,
                row(texts.get("form.roomType"), room),
                error("roomTypeId"),
                row(texts.get("form.checkIn"), checkIn),
                error("checkIn"),
                row(texts.get("form.checkOut"), checkOut),
                error("checkOut"));
        slotFields.visibleProperty().bind(form.stayProperty().not());
        slotFields.managedProperty().bind(slotFields.visibleProperty());
        stayFields.visibleProperty().bind(form.stayProperty());
        stayFields.managedProperty().bind(stayFields.visibleProperty());

        TextField party = field("booking-party", texts.get("form.party.prompt"), form.partyProperty());
        party.setPrefColumnCount(4);
        TextField name = field("booking-name", texts.get("form.name.prompt"), form.nameProperty());
        TextField email = field("booking-email", texts.get("form.email.prompt"), form.emailProperty());
        TextField phone = field("booking-phone", texts.get("form.phone.prompt"), form.phoneProperty());
        TextArea notes = new TextArea();
        notes.setId("booking-notes-field");
        notes.setAccessibleText(texts.get("form.notes"));
        notes.setPromptText(texts.get("form.notes"));
        notes.setPrefRowCount(2);
        notes.setWrapText(true);
        notes.textProperty().bindBidirectional(form.notesProperty());

        Label freeText = Controls.message("booking-free-text", form.freeTextProperty(), Styles.TEXT_SMALL);
        ListView<BookingForm.Choice> free = choices("booking-free", texts.get("form.free"), form.free(), form::pick);
        free.setPrefHeight(110);
        Label alternativesText =
                Controls.label("booking-alternatives-title", texts.get("form.taken"), Styles.TEXT_BOLD);
        ListView<BookingForm.Choice> alternatives = choices(
                "booking-alternatives", texts.get("form.alternatives"), form.alternatives(), form::pickAlternative);
        alternatives.setPrefHeight(90);
        VBox alternativeBox = new VBox(4, alternativesText, alternatives);
        alternativeBox.visibleProperty().bind(Bindings.isNotEmpty(form.alternatives()));
        alternativeBox.managedProperty().bind(alternativeBox.visibleProperty());
        alternativeBox.visibleProperty().addListener((observable, before, now) -> {
            if (now) {
                alternatives.getSelectionModel().selectFirst();
                alternatives.requestFocus();
            }
        });

        Label problem = Controls.message("booking-form-problem", form.problemProperty(), Styles.DANGER);
        Button save = Controls.button(
                "booking-save",
                texts.get(form.creating() ? "form.book" : "form.save"),
                texts.get(form.creating() ? "form.book.help" : "form.save.help"),
                form::save,
                Styles.ACCENT);
        save.disableProperty().bind(form.savingProperty());
        Button cancel =
                Controls.button("booking-form-close", texts.get("form.close"), texts.get("form.close.help"), close);
        HBox buttons = new HBox(8, save, cancel);

        for (TextField field : new TextField[] {time, party, name, email, phone}) {
            field.setOnAction(event -> form.save());
        }
        getChildren()
                .addAll(
                        title,
                        kind,
                        slotFields,
                        stayFields,
                        row(texts.get("form.people"), party),
                        error("partySize", "guests"),
                        freeText,
                        free,
                        alternativeBox,
                        row(texts.get("form.name"), name),
                        error("contact.name", "contact"),
                        row(texts.get("form.email"), email),
                        error("contact.email"),
                        row(texts.get("form.phone"), phone),
                        error("contact.phone"),
                        row(texts.get("form.notes"), notes),
                        error("notes"),
                        problem,
                        buttons);
    }

    /** The first field to type in: the time of a slot, the guests of a stay. */
    void focusFirst() {
        Node first = lookup(form.stayProperty().get() ? "#booking-party" : "#booking-time");
        if (first != null) {
            first.requestFocus();
        }
    }

    private Label error(String... fields) {
        Label label = new Label();
        label.setId("booking-error-" + fields[0].replace('.', '-'));
        label.setWrapText(true);
        label.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
        label.textProperty().bind(Bindings.createStringBinding(() -> form.error(fields), form.errors()));
        label.accessibleTextProperty().bind(label.textProperty());
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    private static HBox row(String text, Node field) {
        Label label = Controls.label(field.getId() + "-label", text);
        label.setMinWidth(78);
        label.setLabelFor(field);
        HBox.setHgrow(field, javafx.scene.layout.Priority.ALWAYS);
        HBox row = new HBox(8, label, field);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return row;
    }

    private static TextField field(String id, String text, StringProperty value) {
        TextField field = new TextField();
        field.setId(id);
        field.setAccessibleText(text);
        field.setPromptText(text);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    private static DatePicker date(
            String id, String text, javafx.beans.property.ObjectProperty<java.time.LocalDate> value) {
        DatePicker picker = new DatePicker();
        picker.setId(id);
        picker.setAccessibleText(text);
        picker.setPrefWidth(150);
        // typed as 2026-03-10 whatever the desk PC's locale, as the API writes dates
        picker.setConverter(new javafx.util.converter.LocalDateStringConverter(
                java.time.format.DateTimeFormatter.ISO_LOCAL_DATE, java.time.format.DateTimeFormatter.ISO_LOCAL_DATE));
        picker.setPromptText("2026-03-10");
        picker.valueProperty().bindBidirectional(value);
        return picker;
    }

    private static ComboBox<String> choice(
            String id, String text, java.util.List<String> ids, Function<String, String> name, StringProperty value) {
        ComboBox<String> box = new ComboBox<>();
        box.setId(id);
        box.setAccessibleText(text);
        box.getItems().setAll(ids);
        box.setPrefWidth(200);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(String id) {
                return id == null ? "" : name.apply(id);
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        box.valueProperty().bindBidirectional(value);
        return box;
    }

    private static ListView<BookingForm.Choice> choices(
            String id,
            String text,
            javafx.collections.ObservableList<BookingForm.Choice> items,
            java.util.function.Consumer<BookingForm.Choice> pick) {
        ListView<BookingForm.Choice> list = new ListView<>(items);
        list.setId(id);
        list.setAccessibleText(text);
        list.getStyleClass().add(Styles.DENSE);
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(BookingForm.Choice choice, boolean empty) {
                super.updateItem(choice, empty);
                setText(empty || choice == null ? null : choice.text());
                setAccessibleText(getText());
            }
        });
        list.setOnKeyPressed(event -> {
            BookingForm.Choice chosen = list.getSelectionModel().getSelectedItem();
            if (event.getCode() == KeyCode.ENTER && chosen != null) {
                pick.accept(chosen);
                event.consume();
            }
        });
        list.setOnMouseClicked(event -> {
            BookingForm.Choice chosen = list.getSelectionModel().getSelectedItem();
            if (chosen != null) {
                pick.accept(chosen);
            }
        });
        return list;
    }
}
