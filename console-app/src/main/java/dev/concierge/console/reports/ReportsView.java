package dev.concierge.console.reports;

import static dev.concierge.console.Controls.button;
import static dev.concierge.console.Controls.label;
import static dev.concierge.console.Controls.message;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.function.DoubleFunction;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.PieChart;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.converter.LocalDateStringConverter;
import org.jspecify.annotations.Nullable;

/**
 * The report of a period as cards of charts and lists, in a page that scrolls. Every chart has a legend, numbers on
 * its bars where they fit, a tooltip and a screen-reader text on each value, and a sentence instead when the period
 * has nothing to draw.
 */
public final class ReportsView extends BorderPane {
    /** The screen's keys, for the shell's help (F1). */
    public static String keys(dev.concierge.console.Texts texts) {
        return texts.get("reports.keys");
    }

    private static final DoubleFunction<String> WHOLE = value -> Long.toString(Math.round(value));

    private final ReportsViewModel model;
    private final dev.concierge.console.Texts texts;

    public ReportsView(ReportsViewModel model) {
        this.model = model;
        this.texts = model.texts();
        setId("reports");
        setTop(toolbar());
        ScrollPane page = new ScrollPane(cards());
        page.setId("reports-page");
        page.setAccessibleText(texts.get("reports.page"));
        page.setFitToWidth(true);
        page.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        page.setStyle("-fx-background-color: transparent;");
        setCenter(page);
        setPadding(new Insets(16, 24, 12, 24));
    }

    private VBox toolbar() {
        Label title = label("reports-title", texts.get("screen.reports"), Styles.TITLE_3);
        ComboBox<Period> period = new ComboBox<>();
        period.setId("reports-period");
        period.setAccessibleText(texts.get("reports.period"));
        period.getItems().setAll(Period.values());
        period.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(@Nullable Period value) {
                return value == null ? "" : value.text(texts);
            }

            @Override
            public Period fromString(String text) {
                return java.util.Arrays.stream(Period.values())
                        .filter(value -> value.text(texts).equals(text))
                        .findFirst()
                        .orElse(Period.CUSTOM);
            }
        });
        period.valueProperty().bindBidirectional(model.periodProperty());
        DatePicker from = day("reports-from", texts.get("reports.from"), model.fromProperty());
        Label until = label("reports-until", texts.get("reports.until"));
        until.setLabelFor(from);
        DatePicker to = day("reports-to", texts.get("reports.to"), model.toProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button export = button(
                "reports-export",
                texts.get("guests.export"),
                texts.get("reports.export.help"),
                model::exportSpreadsheet);
        export.disableProperty()
                .bind(model.reportProperty().isNull().or(model.export().runningProperty()));
        export.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(10, title, gap, period, from, until, to, export);
        row.setAlignment(Pos.CENTER_LEFT);

        Label heading = message("reports-heading", model.headingProperty(), Styles.TEXT_MUTED);
        Label loading = label("reports-loading", texts.get("reports.loading"), Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        loading.visibleProperty()
                .bind(model.loadingProperty().and(model.reportProperty().isNull()));
        loading.managedProperty().bind(loading.visibleProperty());
        Label exported = message("reports-export-progress", model.export().progressProperty(), Styles.TEXT_SMALL);
        Label exportProblem = message("reports-export-problem", model.export().problemProperty(), Styles.DANGER);
        Label problem = message("reports-problem", model.problemProperty(), Styles.DANGER);
        VBox top = new VBox(6, row, heading, loading, exported, exportProblem, problem);
        top.setPadding(new Insets(0, 0, 12, 0));
        return top;
    }

    private static DatePicker day(String id, String text, javafx.beans.property.ObjectProperty<LocalDate> value) {
        DatePicker picker = new DatePicker();
        picker.setId(id);
        picker.setAccessibleText(text);
        picker.setPrefWidth(150);
        picker.setMinWidth(Region.USE_PREF_SIZE);
        // written 2026-03-10 whatever the desk PC's locale, as the API writes dates
        picker.setConverter(
                new LocalDateStringConverter(DateTimeFormatter.ISO_LOCAL_DATE, DateTimeFormatter.ISO_LOCAL_DATE));
        picker.setPromptText("2026-03-10");
        picker.valueProperty().bindBidirectional(value);
        return picker;
    }

    private GridPane cards() {
        GridPane grid = new GridPane();
        grid.setId("reports-cards");
        grid.setHgap(14);
        grid.setVgap(14);
        grid.setPadding(new Insets(2, 2, 12, 2));
        for (int i = 0; i < 2; i++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(50);
            column.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(column);
        }
        grid.add(conversations(), 0, 0, 2, 1);
        grid.add(tasks(), 0, 1);
        grid.add(handoffs(), 1, 1);
        grid.add(staff(), 0, 2);
        grid.add(satisfaction(), 1, 2);
        grid.add(occupancy(), 0, 3);
        grid.add(covers(), 1, 3);
        grid.add(topQuestions(), 0, 4);
        grid.add(unanswered(), 1, 4);
        return grid;
    }

    private VBox conversations() {
        StackedBarChart<String, Number> chart =
                new StackedBarChart<>(new CategoryAxis(), wholeAxis(texts.get("guests.conversations")));
        chart.setId("reports-conversations-chart");
        xyChart(chart, 260);
        chart.setCategoryGap(chart.getCategoryGap() + 6);
        model.conversationsProperty().addListener((observable, before, now) -> Charts.draw(chart, now, WHOLE));
        Charts.draw(chart, model.conversationsProperty().get(), WHOLE);
        chart.accessibleTextProperty()
                .bind(Bindings.concat(texts.get("reports.conversations") + ". ", model.conversationsTextProperty()));
        Label summary = message("reports-conversations-text", model.conversationsTextProperty());
        return card(
                "reports-conversations",
                texts.get("reports.conversations"),
                summary,
                orEmpty(chart, model.conversationsProperty(), texts.get("reports.noConversations"), "conversations"));
    }

    private VBox tasks() {
        BarChart<String, Number> chart = new BarChart<>(new CategoryAxis(), wholeAxis(texts.get("reports.times")));
        chart.setId("reports-tasks-chart");
        xyChart(chart, 220);
        model.tasksProperty().addListener((observable, before, now) -> {
            Charts.draw(chart, now, WHOLE);
        });
        Charts.draw(chart, model.tasksProperty().get(), WHOLE);
        chart.accessibleTextProperty()
                .bind(Bindings.createStringBinding(
                        () -> spoken(
                                texts.get("reports.tasks"),
                                model.tasksProperty().get()),
                        model.tasksProperty()));
        Label hint = label("reports-tasks-hint", texts.get("reports.tasks.hint"), Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        hint.setWrapText(true);
        return card(
                "reports-tasks",
                texts.get("reports.tasks"),
                hint,
                orEmpty(chart, model.tasksProperty(), texts.get("reports.noTasks"), "tasks"));
    }

    private VBox handoffs() {
        PieChart chart = new PieChart();
        chart.setId("reports-handoff-reasons-chart");
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.setLabelsVisible(true);
        chart.setLabelLineLength(12);
        chart.setStartAngle(90);
        chart.setPrefHeight(200);
        chart.setMinHeight(180);
        model.handoffReasonsProperty().addListener((observable, before, now) -> {
            Charts.pie(chart, now);
        });
        Charts.pie(chart, model.handoffReasonsProperty().get());
        chart.accessibleTextProperty()
                .bind(Bindings.createStringBinding(
                        () -> spoken(
                                texts.get("reports.handoffsByReason"),
                                model.handoffReasonsProperty().get()),
                        model.handoffReasonsProperty()));
        Label rate = message("reports-handoff-rate", model.handoffTextProperty(), Styles.TEXT_BOLD);
        return card(
                "reports-handoffs",
                texts.get("reports.handoffsCard"),
                rate,
                orEmpty(chart, model.handoffReasonsProperty(), texts.get("reports.noHandoffs"), "handoffs"));
    }

    private VBox staff() {
        VBox first = figure(
                "reports-first-response",
                texts.get("reports.firstReply"),
                model.firstResponseProperty(),
                model.firstResponseTextProperty());
        VBox resolved = figure(
                "reports-resolution",
                texts.get("reports.resolution"),
                model.resolutionProperty(),
                model.resolutionTextProperty());
        HBox figures = new HBox(24, first, resolved);
        HBox.setHgrow(first, Priority.ALWAYS);
        HBox.setHgrow(resolved, Priority.ALWAYS);
        return card("reports-staff", texts.get("reports.staff"), figures);
    }

    private VBox satisfaction() {
        VBox score = figure(
                "reports-score", texts.get("reports.thumbsUp"), model.scoreProperty(), model.ratingsTextProperty());
        ProgressBar bar = new ProgressBar(0);
        bar.setId("reports-score-bar");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty()
                .bind(Bindings.createDoubleBinding(
                        () -> {
                            Double share = model.scoreShareProperty().get();
                            return share == null ? 0 : share;
                        },
                        model.scoreShareProperty()));
        bar.accessibleTextProperty()
                .bind(Bindings.concat(
                        texts.get("reports.satisfactionIs") + " ",
                        model.scoreProperty(),
                        " " + texts.get("reports.thumbsUp").toLowerCase(texts.locale())));
        bar.visibleProperty().bind(model.scoreShareProperty().isNotNull());
        bar.getStyleClass().add(Styles.SUCCESS);
        return card("reports-satisfaction", texts.get("reports.satisfaction"), score, bar);
    }

    private static VBox figure(String id, String name, ObservableStringValue value, ObservableStringValue detail) {
        Label title = label(id + "-title", name, Styles.TEXT_MUTED);
        Label number = message(id, value, Styles.TITLE_2);
        Label words = message(id + "-text", detail, Styles.TEXT_SMALL);
        VBox box = new VBox(2, title, number, words);
        box.setMinWidth(0);
        return box;
    }

    private VBox occupancy() {
        LineChart<String, Number> chart = new LineChart<>(new CategoryAxis(), percentAxis(texts));
        chart.setId("reports-occupancy-chart");
        xyChart(chart, 220);
        chart.setLegendVisible(false);
        chart.setCreateSymbols(true);
        model.occupancyProperty().addListener((observable, before, now) -> {
            Charts.draw(chart, now, null);
        });
        Charts.draw(chart, model.occupancyProperty().get(), null);
        NumberAxis percent = (NumberAxis) chart.getYAxis();
        model.occupancyProperty().addListener((observable, before, now) -> scale(percent, now));
        scale(percent, model.occupancyProperty().get());
        chart.accessibleTextProperty()
                .bind(Bindings.createStringBinding(
                        () -> spoken(
                                texts.get("reports.occupancyPerNight"),
                                model.occupancyProperty().get()),
                        model.occupancyProperty()));
        return card(
                "reports-occupancy",
                texts.get("reports.occupancy"),
                orEmpty(chart, model.occupancyProperty(), texts.get("reports.noOccupancy"), "occupancy"));
    }

    private VBox covers() {
        BarChart<String, Number> chart =
                new BarChart<>(new CategoryAxis(), wholeAxis(texts.get("reports.guestsBookings")));
        chart.setId("reports-covers-chart");
        xyChart(chart, 220);
        chart.setBarGap(1);
        model.coversProperty().addListener((observable, before, now) -> {
            Charts.draw(chart, now, WHOLE);
        });
        Charts.draw(chart, model.coversProperty().get(), WHOLE);
        chart.accessibleTextProperty()
                .bind(Bindings.createStringBinding(
                        () -> spoken(
                                texts.get("reports.coversPerDay"),
                                model.coversProperty().get()),
                        model.coversProperty()));
        return card(
                "reports-covers",
                texts.get("reports.coversPerDay"),
                orEmpty(chart, model.coversProperty(), texts.get("reports.noCovers"), "covers"));
    }

    private VBox topQuestions() {
        ListView<ReportsViewModel.TopQuestion> list = new ListView<>(model.topQuestions());
        list.setId("reports-top-questions");
        list.setAccessibleText(texts.get("reports.top.help"));
        list.setPlaceholder(wrapping(label("reports-top-empty", texts.get("reports.noQuestions"), Styles.TEXT_MUTED)));
        list.setPrefHeight(200);
        list.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(ReportsViewModel.@Nullable TopQuestion question, boolean empty) {
                super.updateItem(question, empty);
                setPrefWidth(0);
                setText(empty || question == null ? null : question.count() + " × " + question.question());
                setAccessibleText(empty || question == null ? null : question.spoken(texts));
            }
        });
        return card("reports-top", texts.get("reports.top"), list);
    }

    private VBox unanswered() {
        ListView<ReportsViewModel.Unanswered> list = new ListView<>(model.unanswered());
        list.setId("reports-unanswered");
        list.setAccessibleText(texts.get("reports.unanswered.help"));
        list.setPlaceholder(
                wrapping(label("reports-unanswered-empty", texts.get("reports.noUnanswered"), Styles.TEXT_MUTED)));
        list.setPrefHeight(200);
        list.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        list.setCellFactory(view -> new UnansweredCell(view, model::addToKnowledge, texts));
        list.setOnKeyPressed(event -> {
            ReportsViewModel.Unanswered chosen = list.getSelectionModel().getSelectedItem();
            if (event.getCode() == javafx.scene.input.KeyCode.ENTER && chosen != null) {
                model.addToKnowledge(chosen);
                event.consume();
            }
        });
        return card("reports-unanswered-card", texts.get("knowledge.unanswered"), list);
    }

    private static Label wrapping(Label label) {
        label.setWrapText(true);
        label.setPadding(new Insets(0, 12, 0, 12));
        return label;
    }

    /** The chart, or a sentence in its place while its plot has nothing to draw. */
    private static StackPane orEmpty(Node chart, ObservableValue<Plot> plot, String sentence, String name) {
        Label empty = label("reports-" + name + "-empty", sentence, Styles.TEXT_MUTED);
        empty.setWrapText(true);
        StackPane pane = new StackPane(chart, empty);
        pane.setMinHeight(120);
        javafx.beans.binding.BooleanBinding blank =
                Bindings.createBooleanBinding(() -> plot.getValue().isBlank(), plot);
        chart.visibleProperty().bind(blank.not());
        chart.managedProperty().bind(chart.visibleProperty());
        empty.visibleProperty().bind(blank);
        return pane;
    }

    private static VBox card(String id, String title, Node... content) {
        Label heading = label(id + "-title", title, Styles.TITLE_4);
        VBox card = new VBox(8, heading);
        card.getChildren().addAll(content);
        card.setId(id);
        card.setPadding(new Insets(12, 14, 12, 14));
        card.setMinWidth(0);
        card.setStyle("-fx-background-color: -color-bg-default; -fx-border-color: -color-border-default;"
                + " -fx-border-radius: 8; -fx-background-radius: 8;");
        return card;
    }

    private static void xyChart(XYChart<String, Number> chart, double height) {
        chart.setAnimated(false);
        chart.setPrefHeight(height);
        chart.setMinHeight(height);
        chart.setLegendSide(Side.BOTTOM);
        chart.setVerticalGridLinesVisible(false);
        chart.setPadding(new Insets(4, 4, 0, 0));
        chart.getXAxis().setTickLabelRotation(0);
    }

    private static NumberAxis wholeAxis(String label) {
        NumberAxis axis = new NumberAxis();
        axis.setLabel(label);
        axis.setMinorTickVisible(false);
        axis.setForceZeroInRange(true);
        // whole numbers only: 0, 1, 2, … rather than 0.25 steps for a quiet day
        axis.setTickLabelFormatter(new NumberAxis.DefaultFormatter(axis) {
            @Override
            public String toString(Number value) {
                return value.doubleValue() == Math.rint(value.doubleValue()) ? WHOLE.apply(value.doubleValue()) : "";
            }
        });
        return axis;
    }

    /** Up to the next ten above the fullest night (at least 0–10 %), so a quiet week is not a flat line at zero. */
    private static void scale(NumberAxis axis, Plot plot) {
        double most = plot.series().stream()
                .flatMap(series -> series.values().stream())
                .mapToDouble(Double::doubleValue)
                .max()
                .orElse(0);
        double upper = Math.min(100, Math.max(10, Math.ceil(most / 10) * 10));
        axis.setUpperBound(upper);
        axis.setTickUnit(upper / 5);
    }

    private static NumberAxis percentAxis(dev.concierge.console.Texts texts) {
        NumberAxis axis = new NumberAxis(0, 100, 25);
        axis.setAutoRanging(false);
        axis.setLabel(texts.get("reports.percentOfRooms"));
        axis.setMinorTickVisible(false);
        return axis;
    }

    /** What a screen reader says for a chart: each value's words for a few, the totals for many. */
    private String spoken(String what, Plot plot) {
        StringBuilder text = new StringBuilder(what).append(". ");
        if (plot.isBlank()) {
            return text.append(texts.get("reports.nothing")).toString();
        }
        for (Plot.Series series : plot.series()) {
            if (plot.categories().size() <= 12) {
                text.append(String.join("; ", series.notes())).append(". ");
            } else {
                text.append(series.name())
                        .append(": ")
                        .append(WHOLE.apply(series.total()))
                        .append(" " + texts.get("reports.inAll") + ". ");
            }
        }
        return text.toString().strip();
    }

    /** The question, its language and when; "Add to knowledge" opens a new entry asking it. */
    private static final class UnansweredCell extends ListCell<ReportsViewModel.Unanswered> {
        private final Label text = new Label();
        private final Label when = new Label();
        private final Button add = new Button();
        private final VBox line;
        private final dev.concierge.console.Texts texts;

        UnansweredCell(
                ListView<ReportsViewModel.Unanswered> list,
                java.util.function.Consumer<ReportsViewModel.Unanswered> addToKnowledge,
                dev.concierge.console.Texts texts) {
            this.texts = texts;
            add.setText(texts.get("reports.addToKnowledge"));
            setPrefWidth(0);
            text.setWrapText(true);
            // a long question wraps across the card; its language, time and button go beneath it
            text.maxWidthProperty().bind(list.widthProperty().subtract(30));
            text.setMinHeight(Region.USE_PREF_SIZE);
            when.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            add.setId("add-to-knowledge");
            add.getStyleClass().add(Styles.SMALL);
            add.setMinWidth(Region.USE_PREF_SIZE);
            add.setOnAction(event -> {
                ReportsViewModel.Unanswered question = getItem();
                if (question != null) {
                    addToKnowledge.accept(question);
                }
            });
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            HBox below = new HBox(8, when, gap, add);
            below.setAlignment(Pos.CENTER_LEFT);
            below.maxWidthProperty().bind(list.widthProperty().subtract(30));
            line = new VBox(3, text, below);
            line.setPadding(new Insets(2, 0, 4, 0));
        }

        @Override
        protected void updateItem(ReportsViewModel.@Nullable Unanswered question, boolean empty) {
            super.updateItem(question, empty);
            if (empty || question == null) {
                setGraphic(null);
                setAccessibleText(null);
                return;
            }
            text.setText(question.text());
            when.setText(question.language() + " · " + question.when());
            add.setAccessibleText(texts.get("reports.addToKnowledge.help", question.text()));
            setGraphic(line);
            setAccessibleText(question.spoken(texts));
        }
    }
}
