package dev.concierge.kiosk;

import atlantafx.base.theme.Styles;
import java.util.EnumMap;
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
 * payment at the card reader over it, and the idle countdown over it all.
 */
final class ChatView extends StackPane {
    private final ChatViewModel model;
    private final VBox lines = new VBox(20);
    private final ScrollPane scroll = new ScrollPane(lines);
    private final FlowPane replies = new FlowPane(16, 16);
    private final Map<Language, Button> languageButtons = new EnumMap<>(Language.class);

    ChatView(ChatViewModel model) {
        this.model = model;
        getStyleClass().add("chat");

        BorderPane screen = new BorderPane();
        screen.setTop(header());
        screen.setCenter(conversation());
        screen.setBottom(controls());
        getChildren().addAll(screen, new PaymentPanel(model.payment(), model.textsProperty()), countdown());
    }

    private Node header() {
        Label venue = new Label();
        venue.setId("venue-name");
        venue.getStyleClass().add("venue-name");
        venue.textProperty().bind(model.venueNameProperty());
        venue.accessibleTextProperty().bind(model.venueNameProperty());

        HBox languages = new HBox(12);
        languages.setAlignment(Pos.CENTER_RIGHT);
        for (Language language : Language.values()) {
            Button button = new Button(language.ownName());
            button.setId("language-" + language.code());
            button.accessibleTextProperty()
                    .bind(Bindings.createStringBinding(
                            () -> Texts.of(language).get("language.name", language.ownName()), model.textsProperty()));
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

        Button startOver = button("start-over", "startOver");
        startOver.getStyleClass().add("start-over");
        startOver.setOnAction(event -> model.startOver());

        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(24, venue, gap, languages, startOver);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("header");
        return header;
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

        TextField message = new TextField();
        message.setId("message");
        message.getStyleClass().add("message");
        message.promptTextProperty().bind(text("message.prompt"));
        message.accessibleTextProperty().bind(text("message.name"));
        message.textProperty().bindBidirectional(model.draftProperty());
        message.setOnAction(event -> model.send());
        HBox.setHgrow(message, Priority.ALWAYS);

        Button send = button("send", "send");
        send.getStyleClass().addAll("send", Styles.ACCENT);
        send.disableProperty().bind(model.canSendProperty().not());
        send.setOnAction(event -> model.send());

        Button callStaff = button("call-staff", "callStaff");
        callStaff.getStyleClass().add("call-staff");
        callStaff.disableProperty().bind(model.handedOffProperty().or(model.sendingProperty()));
        callStaff.setOnAction(event -> model.callStaff());

        HBox input = new HBox(16, message, send, callStaff);
        input.setAlignment(Pos.CENTER);
        VBox bottom = new VBox(20, replies, input);
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
