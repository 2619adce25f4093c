package dev.concierge.console.shell;

import atlantafx.base.theme.Styles;
import dev.concierge.console.shell.StatusViewModel.ServerState;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The status bar: which server the console talks to and what its health check said. */
final class StatusView extends HBox {

    StatusView(StatusViewModel model) {
        Label server = new Label(model.serverText());
        server.setId("server-address");
        server.setAccessibleText(model.serverText());
        server.getStyleClass().add(Styles.TEXT_MUTED);

        Label status = new Label();
        status.setId("server-status");
        status.textProperty().bind(model.statusTextProperty());
        status.accessibleTextProperty().bind(model.statusTextProperty());
        model.stateProperty().addListener((observable, before, now) -> showState(status, now));
        showState(status, model.getState());

        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        getChildren().addAll(server, gap, status);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(8, 24, 8, 24));
    }

    private static void showState(Label status, ServerState state) {
        String styleClass = switch (state) {
            case CONNECTING -> Styles.TEXT_MUTED;
            case OK -> Styles.SUCCESS;
            case DEGRADED -> Styles.WARNING;
            case FAILED -> Styles.DANGER;
        };
        status.getStyleClass().removeAll(Styles.TEXT_MUTED, Styles.SUCCESS, Styles.WARNING, Styles.DANGER);
        status.getStyleClass().add(styleClass);
    }
}
