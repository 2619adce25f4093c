package dev.concierge.kiosk;

import atlantafx.base.theme.Styles;
import dev.concierge.kiosk.PaymentViewModel.Step;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * Over the chat while an order is paid at the card reader: the amount, what to do ("Tap or insert your card"), and
 * after a decline, a timeout or a reader that does not answer, the ways on (try again, pay at the desk, charge the
 * room). Each state is said in words, never by colour alone.
 */
final class PaymentPanel extends StackPane {

    PaymentPanel(PaymentViewModel payment, ReadOnlyObjectProperty<Texts> texts) {
        setId("payment-panel");
        getStyleClass().add("payment-overlay");
        ReadOnlyObjectProperty<Step> step = payment.stepProperty();
        visibleProperty().bind(step.isNotEqualTo(Step.NONE));

        Label title = label(
                "payment-title", Bindings.createStringBinding(() -> texts.get().get("payment.title"), texts));
        title.getStyleClass().add("payment-title");
        Label amount = label("payment-amount", payment.amountProperty());
        amount.getStyleClass().add("payment-amount");
        Label message = label(
                "payment-message",
                Bindings.createStringBinding(() -> texts.get().get(messageKey(step.get())), step, texts));
        message.getStyleClass().add("payment-message");
        message.setWrapText(true);
        message.setMaxWidth(760);

        ProgressIndicator working = new ProgressIndicator();
        working.setId("payment-working");
        working.accessibleTextProperty().bind(message.textProperty());
        working.visibleProperty().bind(step.isEqualTo(Step.STARTING).or(step.isEqualTo(Step.WAITING)));
        working.managedProperty().bind(working.visibleProperty());

        BooleanBinding choosing = step.isEqualTo(Step.DECLINED)
                .or(step.isEqualTo(Step.STOPPED))
                .or(step.isEqualTo(Step.UNAVAILABLE))
                .or(step.isEqualTo(Step.REFUSED));
        Button cancel = button("payment-cancel", "payment.button.cancel", texts, step.isEqualTo(Step.WAITING));
        cancel.setOnAction(event -> payment.stop());
        Button retry = button("payment-retry", "payment.button.retry", texts, choosing);
        retry.getStyleClass().add(Styles.ACCENT);
        retry.setOnAction(event -> payment.retry());
        Button desk = button("payment-desk", "payment.button.desk", texts, choosing);
        desk.setOnAction(event -> payment.payAtDesk());
        Button room = button(
                "payment-room",
                "payment.button.room",
                texts,
                choosing.and(payment.roomAllowedProperty()).and(step.isNotEqualTo(Step.REFUSED)));
        room.setOnAction(event -> payment.chargeToRoom());

        FlowPane buttons = new FlowPane(20, 20, cancel, retry, desk, room);
        buttons.setAlignment(Pos.CENTER);
        buttons.setMaxWidth(900);
        VBox box = new VBox(28, title, amount, working, message, buttons);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("payment-box");
        box.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        getChildren().add(box);
    }

    private static String messageKey(Step step) {
        return switch (step) {
            case NONE, STARTING -> "payment.starting";
            case WAITING -> "payment.tap";
            case DECLINED -> "payment.declined";
            case STOPPED -> "payment.stopped";
            case UNAVAILABLE -> "payment.unavailable";
            case REFUSED -> "payment.refused";
        };
    }

    private static Label label(String id, javafx.beans.value.ObservableValue<String> text) {
        Label label = new Label();
        label.setId(id);
        label.textProperty().bind(text);
        label.accessibleTextProperty().bind(text);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    private static Button button(
            String id,
            String key,
            ReadOnlyObjectProperty<Texts> texts,
            javafx.beans.value.ObservableBooleanValue shown) {
        Button button = new Button();
        button.setId(id);
        StringBinding text = Bindings.createStringBinding(() -> texts.get().get(key), texts);
        button.textProperty().bind(text);
        button.accessibleTextProperty().bind(text);
        button.getStyleClass().add("payment-button");
        button.visibleProperty().bind(shown);
        button.managedProperty().bind(button.visibleProperty());
        return button;
    }
}
