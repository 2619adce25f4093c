package dev.concierge.console.inbox;

import static dev.concierge.console.Controls.button;
import static dev.concierge.console.Controls.label;
import static dev.concierge.console.Controls.message;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.jspecify.annotations.Nullable;

/**
 * The inbox: the conversations on the left, the selected one's transcript, summary and reply box on the right. Keys:
 * Enter on the list goes to the reply box, Enter there sends (Shift+Enter: a new line), Escape goes back to the list,
 * Alt+1 … Alt+5 insert a canned reply, Ctrl+T takes an open conversation over, Ctrl+R releases it to the assistant.
 */
public final class InboxView extends BorderPane {
    private static final KeyCombination TAKE_OVER = new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination FINISH = new KeyCodeCombination(KeyCode.B, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination RELEASE = new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN);
    private static final List<KeyCode> DIGITS =
            List.of(KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5);

    /** The inbox's keys, as its toolbar and the help overlay list them. */
    public static String keys(dev.concierge.console.Texts texts) {
        return texts.get("inbox.keys");
    }

    private final dev.concierge.console.Texts texts;

    private final InboxViewModel model;
    private final ListView<InboxRow> conversations = new ListView<>();
    private final TextArea reply = new TextArea();

    public InboxView(InboxViewModel model) {
        this.model = model;
        this.texts = model.texts();
        setId("inbox");
        setTop(toolbar());
        SplitPane split = new SplitPane(conversationList(), conversation());
        split.setId("inbox-split");
        split.setAccessibleText(texts.get("inbox.split"));
        split.setDividerPositions(0.36);
        setCenter(split);
        setPadding(new Insets(16, 24, 12, 24));
        addEventFilter(KeyEvent.KEY_PRESSED, this::keys);
        focusedProperty().addListener((observable, before, now) -> {
            if (now) {
                conversations.requestFocus();
            }
        });
    }

    private VBox toolbar() {
        Label title = label("inbox-title", texts.get("screen.inbox"), Styles.TITLE_3);
        ComboBox<InboxViewModel.Filter> filter = new ComboBox<>();
        filter.setId("inbox-filter");
        filter.setAccessibleText(texts.get("inbox.filter"));
        filter.getItems().setAll(InboxViewModel.Filter.values());
        filter.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(InboxViewModel.@Nullable Filter value) {
                return value == null ? "" : value.text(texts);
            }

            @Override
            public InboxViewModel.Filter fromString(String text) {
                return java.util.Arrays.stream(InboxViewModel.Filter.values())
                        .filter(value -> value.text(texts).equals(text))
                        .findFirst()
                        .orElse(InboxViewModel.Filter.WAITING);
            }
        });
        filter.valueProperty().bindBidirectional(model.filterProperty());
        Label feed = message("inbox-feed", model.feedTextProperty(), Styles.TEXT_SMALL);
        model.liveProperty().addListener((observable, before, now) -> liveStyle(feed, now));
        liveStyle(feed, model.liveProperty().get());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox row = new HBox(12, title, feed, gap, filter);
        row.setAlignment(Pos.CENTER_LEFT);
        Label keys = label("inbox-keys", keys(texts), Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        keys.setWrapText(true);
        VBox top = new VBox(6, row, keys);
        top.setPadding(new Insets(0, 0, 12, 0));
        return top;
    }

    private static void liveStyle(Label feed, boolean live) {
        feed.getStyleClass().removeAll(Styles.SUCCESS, Styles.WARNING);
        feed.getStyleClass().add(live ? Styles.SUCCESS : Styles.WARNING);
    }

    private ListView<InboxRow> conversationList() {
        conversations.setId("inbox-conversations");
        conversations.setAccessibleText(texts.get("inbox.conversations"));
        conversations.setItems(model.rows());
        conversations.setPlaceholder(label("inbox-empty", texts.get("inbox.empty"), Styles.TEXT_MUTED));
        conversations.setCellFactory(view -> new RowCell(texts));
        conversations.setMinWidth(260);
        conversations.getSelectionModel().selectedItemProperty().addListener((observable, before, now) -> {
            if (now != null) {
                model.select(now);
            }
        });
        // a refresh replaces the rows: the selected conversation stays selected
        model.selectedProperty().addListener((observable, before, now) -> {
            if (now != null && conversations.getSelectionModel().getSelectedItem() != now) {
                conversations.getSelectionModel().select(now);
            }
        });
        conversations.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ENTER && model.selectedProperty().get() != null) {
                reply.requestFocus();
                event.consume();
            }
        });
        return conversations;
    }

    private VBox conversation() {
        Label heading = message("conversation-heading", model.headingProperty(), Styles.TEXT_BOLD);
        Label summary = message("conversation-summary", model.summaryProperty());
        summary.setMaxWidth(Double.MAX_VALUE);
        summary.setPadding(new Insets(6, 10, 6, 10));
        summary.setStyle("-fx-background-color: -color-accent-subtle; -fx-background-radius: 6;");

        ListView<TranscriptLine> transcript = new ListView<>(model.lines());
        transcript.setId("transcript");
        transcript.setAccessibleText(texts.get("inbox.transcript"));
        transcript.setPlaceholder(label("transcript-empty", texts.get("inbox.transcript.empty"), Styles.TEXT_MUTED));
        transcript.setCellFactory(view -> new LineCell(view, texts));
        transcript.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        transcript.setFocusTraversable(false);
        model.lines().addListener((javafx.collections.ListChangeListener<TranscriptLine>) change -> {
            if (!model.lines().isEmpty()) {
                transcript.scrollTo(model.lines().size() - 1);
            }
        });
        VBox.setVgrow(transcript, Priority.ALWAYS);

        // the replies wrap to a second line rather than cut their titles (Spanish ones are longer)
        javafx.scene.layout.FlowPane canned = new javafx.scene.layout.FlowPane(6, 4);
        canned.setAlignment(Pos.CENTER_LEFT);
        canned.getChildren()
                .add(label("canned-title", texts.get("inbox.canned"), Styles.TEXT_SMALL, Styles.TEXT_MUTED));
        List<String> titles = model.cannedTitles();
        for (int i = 0; i < titles.size(); i++) {
            int index = i;
            Button insert = button(
                    "canned-" + (i + 1),
                    (i + 1) + " " + titles.get(i),
                    texts.get("inbox.canned.help", titles.get(i), i + 1),
                    () -> {
                        model.insertCanned(index);
                        focusReply();
                    },
                    Styles.SMALL,
                    Styles.FLAT);
            canned.getChildren().add(insert);
        }

        reply.setId("reply");
        reply.setAccessibleText(texts.get("inbox.reply.help"));
        reply.setPromptText(texts.get("inbox.reply.prompt"));
        reply.setWrapText(true);
        reply.setPrefRowCount(3);
        reply.textProperty().bindBidirectional(model.replyProperty());
        BooleanBinding nothingSelected = model.selectedProperty().isNull();
        reply.disableProperty().bind(nothingSelected);
        reply.addEventFilter(KeyEvent.KEY_PRESSED, this::replyKeys);

        Button send =
                button("send-reply", texts.get("inbox.send"), texts.get("inbox.send.help"), model::send, Styles.ACCENT);
        send.disableProperty().bind(nothingSelected.or(model.sendingProperty()));
        BooleanBinding withAPerson = model.selectedStatusProperty().isEqualTo("handoff");
        Button takeOver =
                button("take-over", texts.get("inbox.takeOver"), texts.get("inbox.takeOver.help"), model::takeOver);
        takeOver.visibleProperty().bind(nothingSelected.not().and(withAPerson.not()));
        takeOver.managedProperty().bind(takeOver.visibleProperty());
        Button release = button("release", texts.get("inbox.release"), texts.get("inbox.release.help"), model::release);
        release.visibleProperty().bind(withAPerson);
        release.managedProperty().bind(release.visibleProperty());
        Button finish = button(
                "finish-booking", texts.get("inbox.finish"), texts.get("inbox.finish.help"), model::finishSelected);
        finish.visibleProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> InboxViewModel.finishable(model.selectedProperty().get()), model.selectedProperty()));
        finish.managedProperty().bind(finish.visibleProperty());
        Label who = message(
                "conversation-who",
                Bindings.createStringBinding(
                        () -> switch (model.selectedStatusProperty().get()) {
                            case "handoff" -> texts.get("inbox.who.handoff");
                            case "open" -> texts.get("inbox.who.open");
                            default -> "";
                        },
                        model.selectedStatusProperty()),
                Styles.TEXT_SMALL,
                Styles.TEXT_MUTED);
        for (Button action : List.of(finish, takeOver, release, send)) {
            action.setMinWidth(Region.USE_PREF_SIZE); // the sentence beside them wraps first
        }
        who.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(who, Priority.ALWAYS);
        HBox actions = new HBox(8, who, finish, takeOver, release, send);
        actions.setAlignment(Pos.CENTER_LEFT);

        VBox pane = new VBox(
                8,
                heading,
                summary,
                transcript,
                canned,
                reply,
                actions,
                message("inbox-notice", model.noticeProperty(), Styles.SUCCESS),
                message("inbox-problem", model.problemProperty(), Styles.DANGER));
        pane.setPadding(new Insets(0, 0, 0, 12));
        return pane;
    }

    private void keys(KeyEvent event) {
        if (FINISH.match(event)) {
            model.finishSelected();
        } else if (TAKE_OVER.match(event)) {
            model.takeOver();
            focusReply();
        } else if (RELEASE.match(event)) {
            model.release();
        } else if (event.isAltDown() && DIGITS.contains(event.getCode())) {
            model.insertCanned(DIGITS.indexOf(event.getCode()));
            focusReply();
        } else {
            return;
        }
        event.consume();
    }

    private void replyKeys(KeyEvent event) {
        if (event.getCode() == KeyCode.ENTER && event.isShiftDown()) {
            reply.insertText(reply.getCaretPosition(), "\n");
            event.consume();
        } else if (event.getCode() == KeyCode.ENTER && !event.isShortcutDown() && !event.isAltDown()) {
            model.send();
            event.consume();
        } else if (event.getCode() == KeyCode.ESCAPE) {
            conversations.requestFocus();
            event.consume();
        }
    }

    private void focusReply() {
        if (!reply.isDisabled()) {
            reply.requestFocus();
            reply.positionCaret(reply.getLength());
        }
    }

    /** Three lines: who and how long, the last message, what the guest wanted. */
    private static final class RowCell extends ListCell<InboxRow> {
        private final dev.concierge.console.Texts texts;
        private final Label title = new Label();
        private final Label last = new Label();
        private final Label waiting = new Label();
        private final Label wanted = new Label();
        private final VBox lines = new VBox(2, title, waiting, last, wanted);

        RowCell(dev.concierge.console.Texts texts) {
            this.texts = texts;
            setPrefWidth(0); // as wide as the list: long lines end in "…" instead of a horizontal scroll bar
            title.getStyleClass().add(Styles.TEXT_BOLD);
            waiting.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            last.getStyleClass().add(Styles.TEXT_SMALL);
            wanted.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        }

        @Override
        protected void updateItem(@Nullable InboxRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                setAccessibleText(null);
                return;
            }
            title.setText(row.title(texts));
            waiting.setText(row.waiting());
            title.setStyle(row.waitingForAPerson() ? "-fx-text-fill: -color-danger-fg;" : null);
            last.setText(row.lastMessage());
            wanted.setText(row.summary());
            setGraphic(lines);
            setAccessibleText(row.title(texts) + ", " + row.waiting() + ", " + row.lastMessage());
        }
    }

    /** One line of the transcript: the guest on the left, staff on the right, the assistant muted. */
    private static final class LineCell extends ListCell<TranscriptLine> {
        private final dev.concierge.console.Texts texts;
        private final Label who = new Label();
        private final Label text = new Label();
        private final VBox bubble = new VBox(2, who, text);
        private final HBox row = new HBox(bubble);

        LineCell(ListView<TranscriptLine> list, dev.concierge.console.Texts texts) {
            this.texts = texts;
            who.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_BOLD);
            text.setWrapText(true);
            bubble.setPadding(new Insets(6, 10, 6, 10));
            bubble.maxWidthProperty().bind(list.widthProperty().multiply(0.78));
            // a long line wraps within the bubble instead of ending in "…"
            text.maxWidthProperty().bind(list.widthProperty().multiply(0.78).subtract(24));
            text.setMinHeight(Region.USE_PREF_SIZE);
            setPrefWidth(0);
            row.setPadding(new Insets(2, 4, 2, 4));
            setStyle("-fx-background-color: transparent;");
        }

        @Override
        protected void updateItem(@Nullable TranscriptLine line, boolean empty) {
            super.updateItem(line, empty);
            if (empty || line == null) {
                setGraphic(null);
                setAccessibleText(null);
                return;
            }
            who.setText(line.who() + " · " + line.time());
            text.setText(line.text());
            String colour = switch (line.role()) {
                case "guest" -> "-color-bg-default; -fx-border-color: -color-border-default";
                case "staff" -> "-color-accent-subtle; -fx-border-color: -color-accent-muted";
                default -> "-color-neutral-subtle; -fx-border-color: transparent";
            };
            bubble.setStyle("-fx-background-color: " + colour + "; -fx-background-radius: 8; -fx-border-radius: 8;");
            text.setStyle("assistant".equals(line.role()) ? "-fx-text-fill: -color-fg-muted;" : null);
            row.setAlignment("staff".equals(line.role()) ? Pos.CENTER_RIGHT : Pos.CENTER_LEFT);
            setGraphic(row);
            setAccessibleText(line.toString());
        }
    }
}
