package dev.concierge.console.bookings;

import atlantafx.base.theme.Styles;
import dev.concierge.api.BookingView;
import dev.concierge.console.Controls;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/** The selected booking: what, when, who, notes, deposit, history, and the moves its status allows (with their keys). */
final class BookingDetails extends VBox {
    private final BookingsViewModel model;

    BookingDetails(BookingsViewModel model) {
        super(6);
        this.model = model;
        setId("booking-details");
        setPadding(new Insets(0, 0, 0, 16));
        model.selectedProperty().addListener((observable, before, now) -> draw());
        model.history().addListener((ListChangeListener<Object>) change -> draw());
        draw();
    }

    private void draw() {
        BookingView booking = model.getSelected();
        if (booking == null) {
            getChildren().setAll(Controls.label("booking-none", model.texts().get("bookings.none"), Styles.TEXT_MUTED));
            ((Label) getChildren().get(0)).setWrapText(true);
            return;
        }
        getChildren().clear();
        dev.concierge.console.Texts texts = model.texts();
        Label reference = Controls.label("booking-reference", booking.reference(), Styles.TITLE_4);
        Label status = Controls.label("booking-status", model.status(booking.status()), Styles.TEXT_BOLD);
        status.getStyleClass().add(textStyle(booking.status()));
        add(reference, status);
        add(line("booking-what", model.summary(booking)));
        add(line("booking-contact-name", booking.contact().name()));
        if (booking.contact().email() != null) {
            add(line("booking-contact-email", booking.contact().email()));
        }
        if (booking.contact().phone() != null) {
            add(line("booking-contact-phone", booking.contact().phone()));
        }
        if (booking.roomNumber() != null) {
            add(line("booking-room", texts.get("orders.room", booking.roomNumber())));
        }
        if (booking.notes() != null && !booking.notes().isBlank()) {
            add(line("booking-notes", texts.get("today.notes", booking.notes())));
        }
        String deposit = model.deposit(booking);
        if (!deposit.isEmpty()) {
            add(line("booking-deposit", texts.get("bookings.deposit", deposit)));
        }
        add(line("booking-source", texts.get("bookings.source", texts.word("source", booking.source()))));

        FlowPane actions = new FlowPane(6, 6);
        actions.setId("booking-actions");
        for (Move move : Move.values()) {
            Button button = Controls.button(
                    "booking-" + move.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                    move.label(texts) + " (" + move.key() + ")",
                    texts.get("bookings.withKey", move.label(texts), move.key()),
                    () -> model.make(move),
                    move == Move.CANCEL ? Styles.DANGER : Styles.BUTTON_OUTLINED);
            button.setDisable(!move.allowedFor(booking));
            actions.getChildren().add(button);
        }
        Button change = Controls.button(
                "booking-change",
                texts.get("bookings.change"),
                texts.get("bookings.change.help"),
                model::changeSelected);
        change.setDisable(
                !java.util.List.of("pending", "confirmed", "checked_in").contains(booking.status()));
        actions.getChildren().add(change);
        add(new Separator(), actions, new Separator());

        add(Controls.label("booking-history-title", texts.get("bookings.history"), Styles.TEXT_BOLD));
        VBox history = new VBox(2);
        history.setId("booking-history");
        if (model.history().isEmpty()) {
            history.getChildren().add(line("booking-history-empty", "…"));
        }
        for (int index = 0; index < model.history().size(); index++) {
            Label entry = line(
                    "booking-history-" + index, model.change(model.history().get(index)));
            entry.getStyleClass().add(Styles.TEXT_SMALL);
            history.getChildren().add(entry);
        }
        add(history);
    }

    private void add(javafx.scene.Node... nodes) {
        getChildren().addAll(nodes);
    }

    private static Label line(String id, String text) {
        Label label = Controls.label(id, text);
        label.setWrapText(true);
        return label;
    }

    private static String textStyle(String status) {
        return switch (status) {
            case "pending" -> Styles.WARNING;
            case "completed", "checked_out" -> Styles.SUCCESS;
            case "cancelled", "no_show" -> Styles.DANGER;
            default -> Styles.ACCENT;
        };
    }
}
