package dev.concierge.console.guests;

import atlantafx.base.theme.Styles;
import dev.concierge.api.Contact;
import dev.concierge.api.ContactActivity;
import dev.concierge.console.Controls;
import java.util.List;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The selected guest: their name with the actions (and their keys) beside it; below, how to reach them, their consent
 * (given or withdrawn, as its own action) and what they want, and beside that their bookings, orders and
 * conversations.
 */
final class GuestDetails extends VBox {
    private final GuestsViewModel model;
    private final Runnable exportPersonalData;
    private final HBox header = new HBox(8);
    private final VBox card = new VBox(3);
    private final VBox activity = new VBox(4);

    /** @param exportPersonalData asks where to save the guest's personal data, then saves it (managers) */
    GuestDetails(GuestsViewModel model, Runnable exportPersonalData) {
        super(8);
        this.model = model;
        this.exportPersonalData = exportPersonalData;
        setId("guest-details");
        setPadding(new Insets(4, 0, 0, 0));
        header.setAlignment(Pos.CENTER_LEFT);
        card.setId("guest-card");
        card.setPrefWidth(320);
        card.setMinWidth(260);
        activity.setId("guest-activity");
        HBox.setHgrow(activity, Priority.ALWAYS);
        HBox body = new HBox(24, card, activity);
        getChildren().setAll(header, body);
        model.selectedProperty().addListener((observable, before, now) -> draw());
        model.activityProperty().addListener((observable, before, now) -> drawActivity());
        draw();
        drawActivity();
    }

    private void draw() {
        GuestRow row = model.getSelected();
        header.getChildren().clear();
        card.getChildren().clear();
        if (row == null) {
            return;
        }
        Contact contact = row.contact();
        dev.concierge.console.Texts texts = model.texts();
        Label name = Controls.label("guest-name", row.name(), Styles.TITLE_4);
        name.setMinWidth(Region.USE_PREF_SIZE);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        header.getChildren().addAll(name, gap);
        header.getChildren()
                .addAll(
                        action(
                                "guest-edit",
                                texts.get("bookings.change"),
                                texts.get("guests.change.help"),
                                model::editSelected,
                                Styles.BUTTON_OUTLINED),
                        action(
                                "guest-merge",
                                texts.get("guests.merge"),
                                texts.get("guests.merge.help"),
                                model::startMerge,
                                Styles.BUTTON_OUTLINED));
        if (model.manager()) {
            Button export = action(
                    "guest-export-data",
                    texts.get("guests.personalData"),
                    texts.get("guests.personalData.help"),
                    exportPersonalData,
                    Styles.BUTTON_OUTLINED);
            export.disableProperty().bind(model.exports().runningProperty());
            header.getChildren()
                    .addAll(
                            export,
                            action(
                                    "guest-erase",
                                    texts.get("guests.eraseAsk"),
                                    texts.get("guests.eraseAsk.help"),
                                    model::askToErase,
                                    Styles.DANGER));
        }

        add(line("guest-email", texts.get("guests.line.email", row.email())));
        add(line("guest-phone", texts.get("guests.line.phone", row.phone())));
        add(line("guest-language", texts.get("guests.line.language", row.language())));
        if (contact.intent() != null && !contact.intent().isBlank()) {
            add(line("guest-intent", texts.get("guests.line.wants", contact.intent())));
        }
        if (contact.notes() != null && !contact.notes().isBlank()) {
            add(line("guest-notes", texts.get("today.notes", contact.notes())));
        }
        Label known = line("guest-known", model.created(contact));
        known.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        add(known);

        Label consent = line("guest-consent", model.consentLine(contact));
        consent.getStyleClass().add(Styles.TEXT_BOLD);
        Button toggle = contact.consent()
                ? Controls.button(
                        "guest-consent-withdraw",
                        texts.get("guests.withdraw"),
                        texts.get("guests.withdraw.help"),
                        () -> model.recordConsent(false),
                        Styles.SMALL)
                : Controls.button(
                        "guest-consent-give",
                        texts.get("guests.give"),
                        texts.get("guests.give.help"),
                        () -> model.recordConsent(true),
                        Styles.SMALL,
                        Styles.SUCCESS);
        VBox consentBox = new VBox(4, consent, toggle);
        consentBox.setPadding(new Insets(6, 0, 0, 0));
        add(consentBox);
        if (!model.manager()) {
            Label reason = line("guest-gdpr-reason", texts.get("guests.gdprReason"));
            reason.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            reason.setPadding(new Insets(6, 0, 0, 0));
            add(reason);
        }
    }

    /** Their bookings, orders and conversations, each the newest first. */
    private void drawActivity() {
        activity.getChildren().clear();
        Label loading = Controls.message("guest-activity-text", model.activityTextProperty(), Styles.TEXT_MUTED);
        activity.getChildren().add(loading);
        ContactActivity history = model.getActivity();
        if (history == null) {
            return;
        }
        dev.concierge.console.Texts texts = model.texts();
        section(
                "bookings",
                texts.get("screen.bookings"),
                texts.get("guests.noBookings"),
                history.bookings(),
                model::bookingLine);
        section("orders", texts.get("screen.orders"), texts.get("guests.noOrders"), history.orders(), model::orderLine);
        section(
                "conversations",
                texts.get("guests.conversations"),
                texts.get("guests.noConversations"),
                history.conversations(),
                model::conversationLine);
    }

    private <T> void section(String id, String title, String none, List<T> items, Function<T, String> line) {
        Label heading = Controls.label(
                "guest-" + id + "-title",
                items.isEmpty() ? title : title + " (" + items.size() + ")",
                Styles.TEXT_BOLD);
        VBox list = new VBox(4);
        list.setId("guest-" + id);
        if (items.isEmpty()) {
            Label empty = line("guest-" + id + "-none", none);
            empty.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            list.getChildren().add(empty);
        }
        for (int index = 0; index < items.size(); index++) {
            Label entry = line("guest-" + id + "-" + index, line.apply(items.get(index)));
            entry.getStyleClass().add(Styles.TEXT_SMALL);
            list.getChildren().add(entry);
        }
        VBox box = new VBox(2, heading, list);
        box.setPadding(new Insets(0, 0, 6, 0));
        activity.getChildren().add(box);
    }

    private static Button action(String id, String text, String accessible, Runnable run, String style) {
        Button button = Controls.button(id, text, accessible, run, style, Styles.SMALL);
        button.setMinWidth(Region.USE_PREF_SIZE);
        return button;
    }

    private void add(Node node) {
        card.getChildren().add(node);
    }

    private static Label line(String id, String text) {
        Label label = Controls.label(id, text);
        label.setWrapText(true);
        return label;
    }
}
