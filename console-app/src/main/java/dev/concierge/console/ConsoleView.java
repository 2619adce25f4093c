package dev.concierge.console;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

/** The console window: the product header on top, and the screen of the moment (sign-in, then the shell). */
final class ConsoleView extends BorderPane {

    ConsoleView() {
        Label product = Controls.label("product-name", "Concierge", Styles.TITLE_3);
        Label desk = Controls.label("desk-name", "Front desk", Styles.TITLE_4, Styles.TEXT_MUTED);

        HBox header = new HBox(12, product, desk);
        header.setAlignment(Pos.BASELINE_LEFT);
        header.setPadding(new Insets(10, 24, 10, 24));
        // a border, not a Separator: a separator's own padding leaves a strip between the header and the screen
        header.setStyle("-fx-border-color: -color-border-default; -fx-border-width: 0 0 1 0;");
        setTop(header);
    }

    void show(@org.jspecify.annotations.Nullable Node screen) {
        setCenter(screen);
    }
}
