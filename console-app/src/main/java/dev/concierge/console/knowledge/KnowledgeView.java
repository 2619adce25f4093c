package dev.concierge.console.knowledge;

import static dev.concierge.console.Controls.button;
import static dev.concierge.console.Controls.label;
import static dev.concierge.console.Controls.message;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.util.List;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.jspecify.annotations.Nullable;

/**
 * The knowledge base: the entries (with a filter) and, for managers, the questions nobody could answer, above the
 * editor of one entry with its languages side by side. Keys: Ctrl+S saves, Ctrl+N starts a new entry, Ctrl+F goes to
 * the filter, Delete on the list asks to delete the entry; Tab leaves a text box (it writes no tab).
 */
public final class KnowledgeView extends BorderPane {
    /** The screen's keys, for the shell's help (F1). */
    public static String keys(dev.concierge.console.Texts texts) {
        return texts.get("knowledge.keys");
    }

    private static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination NEW = new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);

    private final KnowledgeViewModel model;
    private final dev.concierge.console.Texts texts;
    private final TableView<KnowledgeRow> table = new TableView<>();
    private final TextField filter = new TextField();
    private final StackPane editor = new StackPane();

    public KnowledgeView(KnowledgeViewModel model) {
        this.model = model;
        this.texts = model.texts();
        setId("knowledge");
        setTop(toolbar());
        SplitPane lists = new SplitPane(entries());
        lists.setId("knowledge-lists");
        lists.setAccessibleText(texts.get("knowledge.lists"));
        if (model.mayEdit()) {
            lists.getItems().add(unanswered());
            lists.setDividerPositions(0.7);
        }
        ScrollPane editorScroll = new ScrollPane(editor);
        editorScroll.setId("knowledge-editor-scroll");
        editorScroll.setAccessibleText(texts.get("knowledge.editor"));
        editorScroll.setFitToWidth(true);
        editorScroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        SplitPane split = new SplitPane(lists, editorScroll);
        split.setId("knowledge-split");
        split.setAccessibleText(texts.get("knowledge.split"));
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.44);
        setCenter(split);
        setBottom(footer());
        setPadding(new Insets(16, 24, 12, 24));

        model.draftProperty().addListener((observable, before, now) -> showDraft(now));
        showDraft(model.getDraft());
        addEventFilter(KeyEvent.KEY_PRESSED, this::keys);
        // after the focus change, not within it: a focus asked for while the scene is still moving it is lost
        focusedProperty().addListener((observable, before, now) -> {
            if (now) {
                Platform.runLater(() -> {
                    // a new entry's first field takes it when it comes (focusWhenShown)
                    EntryDraft draft = model.getDraft();
                    if (isFocused() && (draft == null || draft.firstField() == null)) {
                        table.requestFocus();
                    }
                });
            }
        });
    }

    /**
     * Puts the focus in {@code field} once it is in the window and this event is over: a screen shown for the first
     * time puts its editor (a scroll pane's content) in the scene only with its first layout, and an entry begun from
     * the reports is opened before the shell switches here.
     */
    private void focusWhenShown(Node field, EntryDraft draft) {
        Runnable focus = () -> Platform.runLater(() -> {
            if (draft == model.getDraft() && field.getScene() != null) {
                field.requestFocus();
            }
        });
        if (field.getScene() != null) {
            focus.run();
            return;
        }
        field.sceneProperty().addListener(new javafx.beans.value.ChangeListener<javafx.scene.Scene>() {
            @Override
            public void changed(
                    javafx.beans.value.ObservableValue<? extends javafx.scene.Scene> observable,
                    javafx.scene.@Nullable Scene before,
                    javafx.scene.@Nullable Scene now) {
                if (now != null) {
                    field.sceneProperty().removeListener(this);
                    focus.run();
                }
            }
        });
    }

    private VBox toolbar() {
        Label title = label("knowledge-title", texts.get("screen.knowledge"), Styles.TITLE_3);
        filter.setId("knowledge-filter");
        filter.setAccessibleText(texts.get("knowledge.filter.help"));
        filter.setPromptText(texts.get("knowledge.filter.prompt"));
        filter.setPrefColumnCount(22);
        filter.textProperty().bindBidirectional(model.filterProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox row = new HBox(12, title, gap, filter);
        row.setAlignment(Pos.CENTER_LEFT);
        if (model.mayEdit()) {
            Button create = button(
                    "knowledge-new",
                    texts.get("knowledge.new"),
                    texts.get("knowledge.new.help"),
                    model::newEntry,
                    Styles.ACCENT);
            row.getChildren().add(create);
        }
        VBox top = new VBox(6, row);
        if (model.mayEdit()) {
            top.getChildren()
                    .add(label("knowledge-keys", texts.get("knowledge.hint"), Styles.TEXT_SMALL, Styles.TEXT_MUTED));
        } else {
            top.getChildren().add(label("knowledge-read-only", model.readOnly(), Styles.WARNING));
        }
        top.setPadding(new Insets(0, 0, 12, 0));
        return top;
    }

    private VBox entries() {
        table.setId("knowledge-table");
        table.setAccessibleText(texts.get("knowledge.table"));
        table.setItems(model.rows());
        table.getStyleClass().addAll(Styles.STRIPED, Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        Label empty = new Label();
        empty.setId("knowledge-empty");
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        empty.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> !model.loadedProperty().get()
                                ? texts.get("knowledge.loading")
                                : model.filterProperty().get().isBlank()
                                        ? texts.get("knowledge.noEntries")
                                        : texts.get("knowledge.noMatch"),
                        model.loadedProperty(),
                        model.filterProperty()));
        empty.accessibleTextProperty().bind(empty.textProperty());
        table.setPlaceholder(empty);
        TableColumn<KnowledgeRow, String> languages =
                column("languages", texts.get("settings.languages"), KnowledgeRow::languages, 112);
        TableColumn<KnowledgeRow, String> source =
                column("source", texts.get("guests.source"), KnowledgeRow::source, 96);
        TableColumn<KnowledgeRow, String> updated =
                column("updated", texts.get("knowledge.updated"), KnowledgeRow::updated, 118);
        TableColumn<KnowledgeRow, String> question = column(
                "question",
                texts.get(
                        "knowledge.question.in",
                        EntryDraft.languageName(model.languages().get(0), texts)),
                KnowledgeRow::question,
                260);
        question.setId("knowledge-column-question");
        question.setMinWidth(140);
        table.getColumns().setAll(List.of(question, languages, source, updated));
        table.setRowFactory(view -> {
            TableRow<KnowledgeRow> row = new TableRow<>();
            row.itemProperty()
                    .addListener((observable, before, now) -> row.setAccessibleText(
                            now == null
                                    ? null
                                    : texts.get("knowledge.row", now.question(), now.languages(), now.source())));
            return row;
        });
        table.getSelectionModel().selectedItemProperty().addListener((observable, before, now) -> {
            if (now != null && now != model.selectedProperty().get()) {
                model.open(now);
                // asked first (changes not saved), or a new entry stays open: the list shows what the editor holds
                Platform.runLater(() -> select(model.selectedProperty().get()));
            }
        });
        model.selectedProperty().addListener((observable, before, now) -> select(now));
        table.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.DELETE && model.mayEdit()) {
                model.askToDelete();
                event.consume();
            } else if (event.getCode() == KeyCode.ENTER) {
                focusFirstText();
                event.consume();
            }
        });
        VBox box = new VBox(table);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setMinWidth(320);
        return box;
    }

    private void select(@Nullable KnowledgeRow row) {
        if (row == null) {
            table.getSelectionModel().clearSelection();
        } else if (table.getSelectionModel().getSelectedItem() != row) {
            table.getSelectionModel().select(row);
            table.scrollTo(row);
        }
    }

    private VBox unanswered() {
        Label title = label("knowledge-unanswered-title", texts.get("knowledge.unanswered"), Styles.TEXT_BOLD);
        Label period = label(
                "knowledge-unanswered-period",
                texts.get("knowledge.unanswered.period"),
                Styles.TEXT_SMALL,
                Styles.TEXT_MUTED);
        ListView<UnansweredRow> list = new ListView<>(model.unanswered());
        list.setId("knowledge-unanswered");
        list.setAccessibleText(texts.get("knowledge.unanswered.help"));
        list.setPlaceholder(
                label("knowledge-unanswered-empty", texts.get("knowledge.unanswered.none"), Styles.TEXT_MUTED));
        list.setCellFactory(view -> new UnansweredCell(view, model::addAnswer, texts));
        list.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        list.setOnKeyPressed(event -> {
            UnansweredRow row = list.getSelectionModel().getSelectedItem();
            if (event.getCode() == KeyCode.ENTER && row != null) {
                model.addAnswer(row);
                event.consume();
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        Label problem = message("knowledge-unanswered-problem", model.unansweredProblemProperty(), Styles.DANGER);
        VBox box = new VBox(4, title, period, list, problem);
        box.setPadding(new Insets(0, 0, 0, 10));
        box.setMinWidth(220);
        return box;
    }

    /** The entry open, or a word on how to open one. */
    private void showDraft(@Nullable EntryDraft draft) {
        if (draft == null) {
            Label none = label(
                    "knowledge-no-entry",
                    model.mayEdit() ? texts.get("knowledge.noEntryOpen.edit") : texts.get("knowledge.noEntryOpen"),
                    Styles.TEXT_MUTED);
            editor.getChildren().setAll(none);
            StackPane.setAlignment(none, Pos.CENTER);
            editor.setPadding(new Insets(24));
            return;
        }
        editor.setPadding(new Insets(12, 4, 4, 4));
        editor.getChildren().setAll(new EntryEditor(draft));
        String first = draft.firstField();
        Node field = first == null ? null : editor.lookup("#knowledge-" + first.replace('.', '-'));
        if (field != null) {
            focusWhenShown(field, draft);
        }
    }

    private void focusFirstText() {
        Node field = editor.lookup(".text-area");
        if (field != null) {
            field.requestFocus();
        }
    }

    /** Questions and answers of every language side by side, each with the errors of its field beneath it. */
    private final class EntryEditor extends VBox {
        EntryEditor(EntryDraft draft) {
            super(8);
            setId("knowledge-editor");
            Label heading = new Label();
            heading.setId("knowledge-editor-title");
            heading.getStyleClass().add(Styles.TITLE_4);
            heading.textProperty()
                    .bind(Bindings.createStringBinding(
                            () -> draft.title(texts)
                                    + (draft.isChanged() ? " · " + texts.get("knowledge.notSavedYet") : ""),
                            draft.changedProperty()));
            heading.accessibleTextProperty().bind(heading.textProperty());
            heading.setWrapText(true);
            Label conflict = message("knowledge-conflict", model.conflictProperty(), Styles.WARNING);
            Button reload = button(
                    "knowledge-reload",
                    texts.get("knowledge.reload"),
                    texts.get("knowledge.reload.help"),
                    model::reloadEntry);
            reload.setMinWidth(Region.USE_PREF_SIZE); // the sentence wraps, the button keeps its words
            HBox.setHgrow(conflict, Priority.ALWAYS);
            conflict.setMaxWidth(Double.MAX_VALUE);
            HBox conflictLine = new HBox(8, conflict, reload);
            conflictLine.setAlignment(Pos.CENTER_LEFT);
            conflictLine.visibleProperty().bind(model.conflictProperty().isNotEmpty());
            reload.visibleProperty().bind(conflictLine.visibleProperty());
            conflictLine.managedProperty().bind(conflictLine.visibleProperty());

            GridPane grid = new GridPane();
            grid.setId("knowledge-fields");
            grid.setHgap(12);
            grid.setVgap(4);
            ColumnConstraints names = new ColumnConstraints();
            names.setMinWidth(70);
            grid.getColumnConstraints().add(names);
            List<String> languages = draft.languages();
            for (int i = 0; i < languages.size(); i++) {
                String language = languages.get(i);
                ColumnConstraints column = new ColumnConstraints();
                column.setHgrow(Priority.ALWAYS);
                column.setPercentWidth(-1);
                column.setMinWidth(160);
                column.setFillWidth(true);
                grid.getColumnConstraints().add(column);
                int at = i + 1;
                String name = EntryDraft.languageName(language, texts);
                grid.add(
                        label("knowledge-language-" + language, name + " (" + language + ")", Styles.TEXT_BOLD), at, 0);
                TextArea question = text(
                        "knowledge-question-" + language,
                        texts.get("knowledge.questionIn", name),
                        draft.questionProperty(language),
                        2);
                TextArea answer = text(
                        "knowledge-answer-" + language,
                        texts.get("knowledge.answerIn", name),
                        draft.answerProperty(language),
                        5);
                grid.add(question, at, 1);
                grid.add(error(draft, "question", language), at, 2);
                grid.add(answer, at, 3);
                grid.add(error(draft, "answer", language), at, 4);
                if (i == 0) {
                    Label q = label("knowledge-question-label", texts.get("knowledge.question"));
                    q.setLabelFor(question);
                    Label a = label("knowledge-answer-label", texts.get("knowledge.answer"));
                    a.setLabelFor(answer);
                    grid.add(q, 0, 1);
                    grid.add(a, 0, 3);
                    GridPane.setValignment(q, javafx.geometry.VPos.TOP);
                    GridPane.setValignment(a, javafx.geometry.VPos.TOP);
                }
            }
            getChildren().addAll(heading, conflictLine, grid);
            Label idError = new Label();
            idError.setId("knowledge-error-id");
            idError.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
            idError.textProperty()
                    .bind(Bindings.createStringBinding(
                            () -> draft.errors().containsKey("id")
                                    ? texts.get(
                                            "knowledge.idError", draft.errors().get("id"))
                                    : "",
                            draft.errors()));
            idError.accessibleTextProperty().bind(idError.textProperty());
            idError.visibleProperty().bind(idError.textProperty().isNotEmpty());
            idError.managedProperty().bind(idError.visibleProperty());
            getChildren().add(idError);
            if (model.mayEdit()) {
                Button save = button(
                        "knowledge-save",
                        texts.get("knowledge.save"),
                        texts.get("knowledge.save.help"),
                        model::save,
                        Styles.ACCENT);
                save.disableProperty().bind(model.savingProperty());
                Button discard = button(
                        "knowledge-discard",
                        texts.get("knowledge.discard"),
                        texts.get("knowledge.discard.help"),
                        model::discardChanges);
                discard.disableProperty()
                        .bind(Bindings.createBooleanBinding(() -> !draft.isChanged(), draft.changedProperty()));
                Button delete = button(
                        "knowledge-delete",
                        texts.get(draft.isNew() ? "knowledge.drop" : "knowledge.deleteAsk"),
                        texts.get(draft.isNew() ? "knowledge.drop.help" : "knowledge.delete.help"),
                        model::askToDelete,
                        Styles.DANGER,
                        Styles.FLAT);
                Label saving =
                        label("knowledge-saving", texts.get("knowledge.saving"), Styles.TEXT_MUTED, Styles.TEXT_SMALL);
                saving.visibleProperty().bind(model.savingProperty());
                HBox buttons = new HBox(8, save, discard, delete, saving);
                buttons.setAlignment(Pos.CENTER_LEFT);
                getChildren().add(buttons);
            }
        }

        private TextArea text(String id, String name, javafx.beans.property.StringProperty value, int rows) {
            TextArea area = new TextArea();
            area.setId(id);
            area.setAccessibleText(name);
            area.setPromptText(model.mayEdit() ? name : "");
            area.setWrapText(true);
            area.setPrefRowCount(rows);
            area.setEditable(model.mayEdit());
            area.textProperty().bindBidirectional(value);
            area.addEventFilter(KeyEvent.KEY_PRESSED, KnowledgeView::tabLeaves);
            return area;
        }

        private static Label error(EntryDraft draft, String part, String language) {
            Label label = new Label();
            label.setId("knowledge-error-" + part + "-" + language);
            label.setWrapText(true);
            label.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
            label.textProperty().bind(Bindings.createStringBinding(() -> draft.error(part, language), draft.errors()));
            label.accessibleTextProperty().bind(label.textProperty());
            label.visibleProperty().bind(label.textProperty().isNotEmpty());
            label.managedProperty().bind(label.visibleProperty());
            return label;
        }
    }

    /** Tab moves on from a text box, as in every other field (a text area would write a tab). */
    private static void tabLeaves(KeyEvent event) {
        if (event.getCode() != KeyCode.TAB || event.isControlDown() || !(event.getSource() instanceof TextArea area)) {
            return;
        }
        event.consume();
        // a text area moves the focus on Ctrl+Tab (Ctrl+Shift+Tab backwards)
        area.fireEvent(
                new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.TAB, event.isShiftDown(), true, false, false));
    }

    private VBox footer() {
        Button discard = button(
                "confirm-discard",
                texts.get("knowledge.discard"),
                texts.get("knowledge.discard.help"),
                model::confirmDiscard,
                Styles.DANGER);
        Button keep = button(
                "keep-editing",
                texts.get("knowledge.keepEditing"),
                texts.get("knowledge.keepEditing.help"),
                model::keepEditing);
        HBox discarding = dev.concierge.console.Controls.confirmation(
                "discard-confirmation", "discard-question", model.discardQuestionProperty(), discard, keep);
        Button delete = button(
                "confirm-delete",
                texts.get("knowledge.delete"),
                texts.get("knowledge.delete.help"),
                () -> {
                    model.confirmDelete();
                    table.requestFocus();
                },
                Styles.DANGER);
        Button keepEntry =
                button("keep-entry", texts.get("orders.keep"), texts.get("knowledge.keep.help"), model::keepEntry);
        HBox deleting = dev.concierge.console.Controls.confirmation(
                "delete-confirmation", "delete-question", model.deleteQuestionProperty(), delete, keepEntry);
        Label notice = message("knowledge-notice", model.noticeProperty(), Styles.SUCCESS);
        Label problem = message("knowledge-problem", model.problemProperty(), Styles.DANGER);
        VBox footer = new VBox(6, discarding, deleting, notice, problem);
        footer.setPadding(new Insets(10, 0, 0, 0));
        return footer;
    }

    private void keys(KeyEvent event) {
        if (SAVE.match(event) && model.mayEdit()) {
            model.save();
        } else if (NEW.match(event) && model.mayEdit()) {
            model.newEntry();
        } else if (FIND.match(event)) {
            filter.requestFocus();
            filter.selectAll();
        } else {
            return;
        }
        event.consume();
    }

    private static TableColumn<KnowledgeRow, String> column(
            String id, String title, Function<KnowledgeRow, String> value, double width) {
        TableColumn<KnowledgeRow, String> column = new TableColumn<>(title);
        column.setId("knowledge-column-" + id);
        double wide = Math.max(width, title.length() * 8.0 + 20); // a longer (Spanish) heading is not cut
        column.setPrefWidth(wide);
        column.setMinWidth(wide); // short columns keep their width; the question takes what is left
        column.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
        return column;
    }

    /** Two lines: the question, then its language and when; a button adds an answer (or opens the entry since). */
    private static final class UnansweredCell extends ListCell<UnansweredRow> {
        private final Label text = new Label();
        private final Label when = new Label();
        private final Button add = new Button();
        private final VBox line;

        private final dev.concierge.console.Texts texts;

        UnansweredCell(
                ListView<UnansweredRow> list,
                java.util.function.Consumer<UnansweredRow> addAnswer,
                dev.concierge.console.Texts texts) {
            this.texts = texts;
            setPrefWidth(0);
            text.setWrapText(true);
            // the column is narrow: the question wraps, its button goes beneath it
            text.maxWidthProperty().bind(list.widthProperty().subtract(30));
            text.setMinHeight(Region.USE_PREF_SIZE);
            text.getStyleClass().add(Styles.TEXT_BOLD);
            when.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            add.setId("add-answer");
            add.getStyleClass().addAll(Styles.SMALL);
            add.setMinWidth(Region.USE_PREF_SIZE);
            add.setOnAction(event -> {
                UnansweredRow row = getItem();
                if (row != null) {
                    addAnswer.accept(row);
                }
            });
            line = new VBox(3, text, when, add);
            line.setPadding(new Insets(2, 0, 4, 0));
        }

        @Override
        protected void updateItem(@Nullable UnansweredRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                setAccessibleText(null);
                return;
            }
            text.setText(row.text());
            when.setText(EntryDraft.languageName(row.language(), texts) + " · " + row.when()
                    + (row.hasEntry() ? " · " + texts.get("knowledge.hasEntry") : ""));
            add.setText(texts.get(row.hasEntry() ? "knowledge.openEntry" : "knowledge.addAnswer"));
            add.setAccessibleText(
                    texts.get(row.hasEntry() ? "knowledge.openEntry.help" : "knowledge.addAnswer.help", row.text()));
            setGraphic(line);
            setAccessibleText(row.spoken(texts));
        }
    }
}
