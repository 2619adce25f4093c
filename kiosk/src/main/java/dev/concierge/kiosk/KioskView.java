package dev.concierge.kiosk;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The whole kiosk screen: the chat while the server answers, else a full-screen notice in both languages (not
 * paired, out of service, connecting), since nobody has picked a language yet.
 */
final class KioskView extends StackPane {

    KioskView(KioskViewModel model, AccessibilityViewModel access) {
        getStyleClass().add("kiosk");
        // the venue's colour replaces the product's accent (kiosk.css reads it as a looked-up colour)
        styleProperty()
                .bind(Bindings.createStringBinding(
                        () -> BrandColors.style(
                                model.chat().brandColorProperty().get()),
                        model.chat().brandColorProperty()));
        ChatView chat = new ChatView(model.chat(), access);
        Node unpaired = notice("unpaired", "unpaired.title", "unpaired.detail");
        Node outOfService = notice("out-of-service", "outOfService.title", "outOfService.detail");
        Node connecting = notice("connecting", "connecting", null);
        getChildren().addAll(chat, unpaired, outOfService, connecting);
        show(model.getScreen(), chat, unpaired, outOfService, connecting);
        model.screenProperty()
                .addListener((observable, before, now) -> show(now, chat, unpaired, outOfService, connecting));
    }

    private static void show(
            KioskViewModel.Screen screen, Node chat, Node unpaired, Node outOfService, Node connecting) {
        chat.setVisible(screen == KioskViewModel.Screen.CHAT);
        unpaired.setVisible(screen == KioskViewModel.Screen.UNPAIRED);
        outOfService.setVisible(screen == KioskViewModel.Screen.OUT_OF_SERVICE);
        connecting.setVisible(screen == KioskViewModel.Screen.CONNECTING);
    }

    private static Node notice(String id, String title, @org.jspecify.annotations.Nullable String detail) {
        VBox box = new VBox(28);
        box.setId(id);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().addAll("notice", id);
        for (Language language : Language.values()) {
            Texts texts = Texts.of(language);
            VBox part = new VBox(12, text(id + "-title-" + language.code(), texts.get(title), "notice-title"));
            part.setAlignment(Pos.CENTER);
            if (detail != null) {
                part.getChildren().add(text(id + "-detail-" + language.code(), texts.get(detail), "notice-detail"));
            }
            box.getChildren().add(part);
        }
        return box;
    }

    private static Label text(String id, String text, String style) {
        Label label = new Label(text);
        label.setId(id);
        label.setAccessibleText(text);
        label.getStyleClass().add(style);
        label.setWrapText(true);
        label.setMaxWidth(1100);
        label.setAlignment(Pos.CENTER);
        label.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        return label;
    }
}
