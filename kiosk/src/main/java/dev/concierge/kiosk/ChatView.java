package dev.concierge.kiosk;

import atlantafx.base.theme.Styles;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.TouchEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The chat screen, for a finger and for reading from a step away: the venue and the language buttons on top, the
 * conversation with its confirmation cards, big quick replies, the message field with Send and Call staff, the
 * payment at the card reader over it, and the idle countdown over it all. The guest's own settings (accessibility mode, text size, controls low, on-screen keyboard)
 * are always on screen; with the controls low every control is in the lower half, the conversation above.
 */
final class ChatView extends StackPane {
    private final ChatViewModel model;
    private final VBox lines = new VBox(20);
    private final ScrollPane scroll = new ScrollPane(lines);
    private final FlowPane replies = new FlowPane(16, 16);
    private final Map<Language, Button> languageButtons = new EnumMap<>(Language.class);
    private final AccessibilityViewModel access;
    private final TextField message = new TextField();
    private final Label venue = new Label();
    private final HBox languages = new HBox(12);
    private final HBox headerButtons = new HBox(24);
    private final HeaderBar header = new HeaderBar(venue, headerButtons);
    private final FlowPane settings = new FlowPane(12, 12);
    private final VBox top = new VBox();
    private final HBox input = new HBox(16);
    private final VBox bottom = new VBox(20);
    private final OnScreenKeyboardView keyboard;
    private final AccessibilityButtons settingButtons;
    private final Button startOver;

    ChatView(ChatViewModel model, AccessibilityViewModel access) {
        this.model = model;
        this.access = access;
        getStyleClass().add("chat");
        keyboard = new OnScreenKeyboardView(access, model, message);
        settingButtons = new AccessibilityButtons(access, model);
        startOver = button("start-over", "startOver");

        BorderPane screen = new BorderPane();
        screen.setTop(top);
        header();
        screen.setCenter(conversation());
        screen.setBottom(controls());
        getChildren().addAll(screen, new PaymentPanel(model.payment(), model.textsProperty()), countdown());

        settings.setId("settings");
        settings.getStyleClass().add("settings");
        settings.setAlignment(Pos.CENTER_LEFT);
        top.getStyleClass().add("top");
        arrange(access.reachLayoutProperty().get());
        access.reachLayoutProperty().addListener((observable, before, reach) -> arrange(reach));
        // the root font size: every size in kiosk.css is in em of it, so the whole screen grows with it
        styleProperty()
                .bind(Bindings.createStringBinding(
                        () -> "-fx-font-size: "
                                + access.textSizeProperty().get().pixels() + "px;",
                        access.textSizeProperty()));
    }

    /**
     * Normally the language buttons and Start over are on top, the settings under them; with the controls low (the
     * reach layout) they join the quick replies, the message field and the keyboard in the lower half of the screen.
     */
    private void arrange(boolean reach) {
        List<Button> own = settingButtons.all();
        bottom.minHeightProperty().unbind();
        if (reach) {
            headerButtons.getChildren().clear();
            settings.getChildren().setAll(languages, startOver);
            settings.getChildren().addAll(own);
            top.getChildren().setAll(header);
            bottom.getChildren().setAll(settings, replies, input, keyboard);
            bottom.minHeightProperty().bind(heightProperty().divide(2));
            getStyleClass().add("reach");
        } else {
            headerButtons.getChildren().setAll(languages, startOver);
            settings.getChildren().setAll(own);
            top.getChildren().setAll(header, settings);
            bottom.getChildren().setAll(replies, input, keyboard);
            bottom.setMinHeight(Region.USE_COMPUTED_SIZE);
            getStyleClass().remove("reach");
        }
    }

    private void header() {
        venue.setId("venue-name");
        venue.getStyleClass().add("venue-name");
        venue.textProperty().bind(model.venueNameProperty());
        venue.setWrapText(true);
        venue.accessibleTextProperty().bind(model.venueNameProperty());

        languages.setAlignment(Pos.CENTER_RIGHT);
        for (Language language : Language.values()) {
            Button button = new Button();
            button.setId("language-" + language.code());
            // the chosen one says so in words and with a check mark, not only by its colour
            button.textProperty()
                    .bind(Bindings.createStringBinding(
                            () -> language.ownName() + (model.getLanguage() == language ? " ✓" : ""),
                            model.languageProperty()));
            button.accessibleTextProperty()
                    .bind(Bindings.createStringBinding(
                            () -> {
                                Texts own = Texts.of(language);
                                String name = own.get("language.name", language.ownName());
                                return model.getLanguage() == language
                                        ? name + ", " + own.get("language.selected")
                                        : name;
                            },
                            model.languageProperty()));
            button.getStyleClass().add("language-button");
            button.setOnAction(event -> model.choose(language));
            button.visibleProperty()
                    .bind(Bindings.createBooleanBinding(
                            () -> model.languages().contains(language)
                                    && model.languages().size() > 1,
                            model.languages()));
            button.managedProperty().bind(button.visibleProperty());
            languageButtons.put(language, button);
            languages.getChildren().add(button);
        }
        model.languageProperty().addListener((observable, before, chosen) -> markChosen(chosen));
        markChosen(model.getLanguage());

        startOver.getStyleClass().add("start-over");
        startOver.setOnAction(event -> model.startOver());

        headerButtons.setAlignment(Pos.CENTER_RIGHT);
        header.getStyleClass().add("header");
    }

    private Node conversation() {
        Label welcome = label("welcome", "welcome");
        welcome.getStyleClass().add("welcome");
        Label prompt = label("prompt", "prompt");
        prompt.getStyleClass().add("prompt");
        prompt.setWrapText(true);
        VBox greeting = new VBox(16, welcome, prompt);
        greeting.setAlignment(Pos.CENTER);
        greeting.visibleProperty().bind(Bindings.isEmpty(model.transcript()));
        greeting.managedProperty().bind(greeting.visibleProperty());

        lines.getStyleClass().add("lines");
        lines.setPadding(new Insets(24, 40, 24, 40));
        model.transcript().addListener((ListChangeListener<ChatViewModel.Entry>) change -> showTranscript());
        model.textsProperty().addListener((observable, before, now) -> showTranscript());

        Label thinking = label("thinking", "thinking");
        thinking.getStyleClass().add("thinking");
        thinking.visibleProperty().bind(model.sendingProperty());
        thinking.managedProperty().bind(thinking.visibleProperty());

        VBox column = new VBox(greeting, lines, thinking);
        column.setFillWidth(true);
        scroll.setContent(column);
        scroll.setId("transcript");
        scroll.setAccessibleText("Conversation");
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("transcript");
        // new lines come at the bottom: keep them in view
        column.heightProperty().addListener((observable, before, now) -> scroll.setVvalue(1.0));
        return scroll;
    }

    private Node controls() {
        replies.setId("quick-replies");
        replies.getStyleClass().add("quick-replies");
        replies.setAlignment(Pos.CENTER_LEFT);
        model.quickReplies().addListener((ListChangeListener<String>) change -> showQuickReplies());
        showQuickReplies();

        message.setId("message");
        message.getStyleClass().add("message");
        message.promptTextProperty().bind(text("message.prompt"));
        message.accessibleTextProperty().bind(text("message.name"));
        message.textProperty().bindBidirectional(model.draftProperty());
        message.setOnAction(event -> model.send());
        message.addEventHandler(TouchEvent.TOUCH_PRESSED, event -> access.showKeyboard());
        HBox.setHgrow(message, Priority.ALWAYS);

        Button send = button("send", "send");
        send.getStyleClass().addAll("send", Styles.ACCENT);
        send.disableProperty().bind(model.canSendProperty().not());
        send.setOnAction(event -> model.send());

        Button callStaff = button("call-staff", "callStaff");
        callStaff.getStyleClass().add("call-staff");
        callStaff.disableProperty().bind(model.handedOffProperty().or(model.sendingProperty()));
        callStaff.setOnAction(event -> model.callStaff());

        // at the largest text the field gives way, not the buttons' words
        send.setMinWidth(Region.USE_PREF_SIZE);
        callStaff.setMinWidth(Region.USE_PREF_SIZE);
        input.getChildren().setAll(message, send, callStaff);
        input.setAlignment(Pos.CENTER);
        // the keyboard takes the quick replies' place: a guest typing has chosen not to touch one
        replies.visibleProperty().bind(access.keyboardShownProperty().not());
        replies.managedProperty().bind(replies.visibleProperty());
        bottom.setAlignment(Pos.BOTTOM_CENTER);
        bottom.getStyleClass().add("controls");
        return bottom;
    }

    private Node countdown() {
        Label title = label("idle-title", "idle.title");
        title.getStyleClass().add("idle-title");
        Label seconds = new Label();
        seconds.setId("idle-countdown");
        seconds.getStyleClass().add("idle-countdown");
        seconds.setWrapText(true);
        StringBinding left = Bindings.createStringBinding(
                () -> model.getTexts()
                        .get(
                                "idle.countdown",
                                Math.max(1, model.secondsLeftProperty().get())),
                model.secondsLeftProperty(),
                model.textsProperty());
        seconds.textProperty().bind(left);
        seconds.accessibleTextProperty().bind(left);
        Button more = button("more-time", "idle.moreTime");
        more.getStyleClass().addAll("more-time", Styles.ACCENT);
        more.setOnAction(event -> model.moreTime());

        VBox box = new VBox(32, title, seconds, more);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("idle-box");
        box.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        StackPane overlay = new StackPane(box);
        overlay.setId("idle-overlay");
        overlay.getStyleClass().add("idle-overlay");
        overlay.visibleProperty().bind(model.countingDownProperty());
        return overlay;
    }

    private void showQuickReplies() {
        replies.getChildren().clear();
        int index = 0;
        for (String reply : model.quickReplies()) {
            Button button = new Button(reply);
            button.setId("quick-reply-" + index++);
            button.setAccessibleText(reply);
            button.getStyleClass().add("quick-reply");
            button.setOnAction(event -> model.send(reply));
            replies.getChildren().add(button);
        }
    }

    private void showTranscript() {
        Texts texts = model.getTexts();
        lines.getChildren().clear();
        for (ChatViewModel.Entry entry : model.transcript()) {
            lines.getChildren().add(entry.card() != null ? card(entry.card(), texts) : line(entry, texts));
        }
    }

    private Node line(ChatViewModel.Entry entry, Texts texts) {
        String role = entry.role().name().toLowerCase(java.util.Locale.ROOT);
        Label bubble = new Label(entry.text());
        bubble.setId(role + "-line");
        bubble.getStyleClass().addAll("bubble", role);
        bubble.setWrapText(true);
        bubble.setMinHeight(Region.USE_PREF_SIZE);
        bubble.maxWidthProperty().bind(scroll.widthProperty().multiply(0.72));
        String who = switch (entry.role()) {
            case GUEST -> texts.get("you");
            case STAFF -> texts.get("staff");
            default -> texts.get("assistant");
        };
        bubble.setAccessibleText(
                entry.role() == ChatViewModel.Role.NOTICE ? entry.text() : texts.get("said", who, entry.text()));
        HBox row = new HBox(bubble);
        row.setAlignment(
                switch (entry.role()) {
                    case GUEST -> Pos.CENTER_RIGHT;
                    case NOTICE -> Pos.CENTER;
                    default -> Pos.CENTER_LEFT;
                });
        if (entry.role() == ChatViewModel.Role.STAFF) {
            Label name = new Label(who);
            name.setId("staff-name");
            name.setAccessibleText(who);
            name.getStyleClass().add("speaker");
            VBox spoken = new VBox(4, name, bubble);
            row.getChildren().setAll(spoken);
        }
        return row;
    }

    private Node card(ConfirmationCard card, Texts texts) {
        Label title = plain("card-title", card.title());
        title.getStyleClass().add("card-title");
        GridPane rows = new GridPane();
        rows.setHgap(24);
        rows.setVgap(8);
        int row = 0;
        rows.addRow(
                row++,
                plain("card-reference-label", texts.get("card.reference")),
                plain("card-reference", card.reference()));
        rows.addRow(row++, plain("card-what-label", texts.get("card.what")), plain("card-what", card.what()));
        rows.addRow(row++, plain("card-when-label", card.whenLabel()), plain("card-when", card.when()));
        if (card.total() != null) {
            rows.addRow(row, plain("card-total-label", texts.get("card.total")), plain("card-total", card.total()));
        }
        rows.getChildren().stream()
                .filter(node -> GridPane.getColumnIndex(node) == 0)
                .forEach(node -> node.getStyleClass().add("card-key"));
        VBox box = new VBox(16, title, rows);
        box.getStyleClass().add("card");
        box.setMaxWidth(Region.USE_PREF_SIZE);
        HBox line = new HBox(box);
        line.setAlignment(Pos.CENTER_LEFT);
        return line;
    }

    private void markChosen(Language chosen) {
        languageButtons.forEach((language, button) -> {
            button.getStyleClass().remove(Styles.ACCENT);
            if (language == chosen) {
                button.getStyleClass().add(Styles.ACCENT);
            }
        });
    }

    private StringBinding text(String key) {
        return Bindings.createStringBinding(() -> model.getTexts().get(key), model.textsProperty());
    }

    private Label label(String id, String key) {
        Label label = new Label();
        label.setId(id);
        label.textProperty().bind(text(key));
        label.accessibleTextProperty().bind(label.textProperty());
        return label;
    }

    private static Label plain(String id, String text) {
        Label label = new Label(text);
        label.setId(id);
        label.setAccessibleText(text);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    private Button button(String id, String key) {
        Button button = new Button();
        button.setId(id);
        button.textProperty().bind(text(key));
        button.accessibleTextProperty().bind(button.textProperty());
        return button;
    }
}
