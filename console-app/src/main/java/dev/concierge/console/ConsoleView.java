package dev.concierge.console;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The console window's layout: the product header on top and the status bar at the bottom. */
final class ConsoleView extends BorderPane {

    ConsoleView(StatusViewModel status) {
        Label product = new Label("Concierge");
        product.setId("product-name");
        product.setAccessibleText("Concierge");
        product.getStyleClass().add(Styles.TITLE_2);

        Label desk = new Label("Front desk");
        desk.setId("desk-name");
        desk.setAccessibleText("Front desk");
        desk.getStyleClass().addAll(Styles.TITLE_4, Styles.TEXT_MUTED);

        HBox header = new HBox(12, product, desk);
        header.setAlignment(Pos.BASELINE_LEFT);
        header.setPadding(new Insets(16, 24, 16, 24));

        setTop(new VBox(header, new Separator()));
        setBottom(new VBox(new Separator(), new StatusView(status)));
    }
}
