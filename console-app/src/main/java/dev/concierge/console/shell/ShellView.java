package dev.concierge.console.shell;

import atlantafx.base.theme.Styles;
import dev.concierge.console.Controls;
import dev.concierge.console.Texts;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableIntegerValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The main window after sign-in: the navigation on the left (Ctrl+1, Ctrl+2, … jump to a screen; a screen may show a
 * count, as the inbox does), the screen in the
 * middle, the server's status at the bottom. The screen showing and the status are asked for again every few
 * seconds.
 */
public final class ShellView extends BorderPane {
    static final Duration REFRESH_EVERY = Duration.seconds(4);
    private static final KeyCode[] DIGITS = {
        KeyCode.DIGIT1,
        KeyCode.DIGIT2,
        KeyCode.DIGIT3,
        KeyCode.DIGIT4,
        KeyCode.DIGIT5,
        KeyCode.DIGIT6,
        KeyCode.DIGIT7,
        KeyCode.DIGIT8,
        KeyCode.DIGIT9
    };

    private final ShellViewModel model;
    private final Texts texts;
    private final StatusViewModel status;
    private final Map<Screen, Page> pages = new EnumMap<>(Screen.class);
    private final Timeline refresher;
    private final StackPane content = new StackPane();
    private @org.jspecify.annotations.Nullable HelpOverlay help;

    public ShellView(ShellViewModel model, StatusViewModel status, List<Page> screens) {
        this.model = model;
        this.texts = model.texts();
        this.status = status;
        screens.forEach(page -> pages.put(page.screen(), page));
        setId("shell");

        content.setId("screen");
        setLeft(navigation(content));
        // a banner over every screen while the server's clock looks set back: times written meanwhile are wrong
        Label clockWarning = Controls.message("clock-warning", status.clockWarningProperty(), Styles.WARNING);
        clockWarning.setMaxWidth(Double.MAX_VALUE);
        clockWarning.setStyle("-fx-background-color: -color-warning-subtle; -fx-padding: 8 24 8 24;"
                + " -fx-border-color: -color-warning-emphasis; -fx-border-width: 0 0 1 0;");
        clockWarning.visibleProperty().bind(status.clockWarningProperty().isNotEmpty());
        clockWarning.managedProperty().bind(clockWarning.visibleProperty());
        VBox.setVgrow(content, Priority.ALWAYS);
        setCenter(new VBox(clockWarning, content));
        StatusView statusBar = new StatusView(status);
        statusBar.setStyle("-fx-border-color: -color-border-default; -fx-border-width: 1 0 0 0;");
        setBottom(statusBar);

        addEventFilter(KeyEvent.KEY_PRESSED, this::shortcut);
        DiscardPrompt prompt = new DiscardPrompt(texts, model::keepEditing, model::discardChanges);
        model.askingProperty().addListener((observable, before, now) -> {
            content.getChildren().remove(prompt);
            if (now != null) {
                javafx.scene.Node focused =
                        getScene() == null ? null : getScene().getFocusOwner();
                content.getChildren().add(prompt);
                prompt.shownAfter(focused);
            }
        });
        refresher = new Timeline(new KeyFrame(REFRESH_EVERY, event -> refreshNow()));
        refresher.setCycleCount(Timeline.INDEFINITE);
        // the timer runs while the shell is in a window: a sign-out takes it away
        sceneProperty().addListener((observable, before, now) -> {
            if (now == null) {
                refresher.stop();
            } else {
                refresher.play();
            }
        });
    }

    private VBox navigation(StackPane content) {
        Label venue = new Label(model.venueName());
        venue.setId("venue-name");
        venue.setAccessibleText(model.venueName());
        venue.getStyleClass().add(Styles.TITLE_4);
        venue.setWrapText(true);

        VBox nav = new VBox(4, venue, new Separator());
        ToggleGroup group = new ToggleGroup();
        Map<Screen, ToggleButton> buttons = new EnumMap<>(Screen.class);
        for (Screen screen : model.screens()) {
            if (!pages.containsKey(screen)) {
                continue;
            }
            ToggleButton button = new ToggleButton(screen.title(texts));
            String id = "nav-" + screen.name().toLowerCase(java.util.Locale.ROOT);
            button.setId(id);
            button.setAccessibleText(screen.title(texts) + " (" + screen.shortcut() + ")");
            button.setAccessibleHelp(screen.shortcut());
            button.setTooltip(new javafx.scene.control.Tooltip(screen.shortcut()));
            button.setToggleGroup(group);
            button.setMaxWidth(Double.MAX_VALUE);
            button.setAlignment(Pos.CENTER_LEFT);
            button.getStyleClass().add(Styles.FLAT);
            ObservableIntegerValue badge = pages.get(screen).badge();
            if (badge != null) {
                showBadge(texts, button, screen, badge);
            }
            button.setOnAction(event -> {
                model.show(screen);
                // the screen showing stays marked: a toggle clicked again, or a screen not left (Keep editing)
                ToggleButton showing = buttons.get(model.getCurrent());
                (showing == null ? button : showing).setSelected(true);
            });
            buttons.put(screen, button);
            nav.getChildren().add(button);
        }
        model.currentProperty().addListener((observable, before, now) -> show(now, content, buttons));
        show(model.getCurrent(), content, buttons);

        Region gap = new Region();
        VBox.setVgrow(gap, Priority.ALWAYS);

        Label user = new Label(model.userName());
        user.setId("user-name");
        user.setAccessibleText(texts.get("shell.signedInAs", model.userName()));
        user.getStyleClass().add(Styles.TEXT_BOLD);
        Label detail = new Label(model.userDetail());
        detail.setId("user-role");
        detail.setAccessibleText(model.userDetail());
        detail.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        detail.setWrapText(true);
        Button logout = new Button(texts.get("shell.logout"));
        logout.setId("logout");
        logout.setAccessibleText(texts.get("shell.logout"));
        logout.setMaxWidth(Double.MAX_VALUE);
        logout.disableProperty().bind(model.signingOutProperty());
        logout.setOnAction(event -> model.logout());

        Button shortcuts = new Button(texts.get("shell.shortcuts"));
        shortcuts.setId("help");
        shortcuts.setAccessibleText(texts.get("shell.shortcuts"));
        shortcuts.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        shortcuts.setMaxWidth(Double.MAX_VALUE);
        shortcuts.setAlignment(Pos.CENTER_LEFT);
        shortcuts.setOnAction(event -> toggleHelp());

        nav.getChildren().addAll(gap, shortcuts, new Separator(), user, detail, logout);
        nav.setId("navigation");
        nav.setPadding(new Insets(16, 12, 16, 12));
        nav.setPrefWidth(210);
        nav.setMinWidth(210);
        nav.setStyle("-fx-background-color: -color-bg-subtle; -fx-border-color: -color-border-default;"
                + " -fx-border-width: 0 1 0 0;");
        return nav;
    }

    /** The count at the right of the screen's name, e.g. the guests waiting in the inbox; read out with the name. */
    private static void showBadge(Texts texts, ToggleButton button, Screen screen, ObservableIntegerValue count) {
        Label badge = new Label();
        String id = button.getId() + "-badge";
        badge.setId(id);
        badge.textProperty().bind(Bindings.createStringBinding(() -> Integer.toString(count.get()), count));
        badge.accessibleTextProperty()
                .bind(Bindings.createStringBinding(() -> texts.get("shell.waiting", count.get()), count));
        badge.setStyle("-fx-background-color: -color-danger-emphasis; -fx-text-fill: -color-fg-emphasis;"
                + " -fx-background-radius: 9; -fx-padding: 0 6 0 6; -fx-font-weight: bold;");
        // no count, no graphic: an invisible one would still take its room
        count.addListener((observable, before, now) -> button.setGraphic(now.intValue() > 0 ? badge : null));
        button.setGraphic(count.get() > 0 ? badge : null);
        button.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
        button.setGraphicTextGap(8);
        button.accessibleTextProperty()
                .bind(Bindings.createStringBinding(
                        () -> screen.title(texts)
                                + (count.get() > 0 ? ", " + texts.get("shell.waiting", count.get()) : "")
                                + " (" + screen.shortcut() + ")",
                        count));
    }

    private void show(Screen screen, StackPane content, Map<Screen, ToggleButton> buttons) {
        Page page = pages.get(screen);
        if (page == null) {
            return;
        }
        ToggleButton button = buttons.get(screen);
        if (button != null) {
            button.setSelected(true);
        }
        help = null; // a screen chosen from the help closes it
        content.getChildren().setAll(page.view());
        page.refresh().run();
        page.view().requestFocus();
    }

    private void shortcut(KeyEvent event) {
        if (event.getCode() == KeyCode.F1) {
            toggleHelp();
            event.consume();
            return;
        }
        if (event.getCode() == KeyCode.ESCAPE && help != null) {
            toggleHelp();
            event.consume();
            return;
        }
        for (Screen screen : model.screens()) {
            int index = screen.digit() - 1;
            if (index < DIGITS.length
                    && new KeyCodeCombination(DIGITS[index], KeyCombination.SHORTCUT_DOWN).match(event)
                    && pages.containsKey(screen)) {
                model.show(screen);
                event.consume();
                return;
            }
        }
    }

    /** Opens the shortcuts over the screen, or closes them. */
    public void toggleHelp() {
        if (help != null) {
            content.getChildren().remove(help);
            help = null;
            Page page = pages.get(model.getCurrent());
            if (page != null) {
                page.view().requestFocus();
            }
            return;
        }
        List<Page> shown = model.screens().stream()
                .filter(pages::containsKey)
                .map(pages::get)
                .toList();
        help = new HelpOverlay(texts, shown, model.getCurrent(), this::toggleHelp);
        content.getChildren().add(help);
        help.requestFocus();
    }

    /** The status and the screen showing, asked for now. */
    public void refreshNow() {
        status.refresh();
        Page page = pages.get(model.getCurrent());
        if (page != null) {
            page.refresh().run();
        }
    }
}
