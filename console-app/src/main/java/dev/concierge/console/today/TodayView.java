package dev.concierge.console.today;

import static dev.concierge.console.Controls.button;
import static dev.concierge.console.Controls.label;
import static dev.concierge.console.Controls.message;

import atlantafx.base.theme.Styles;
import dev.concierge.console.Texts;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.jspecify.annotations.Nullable;

/**
 * Today's sections as cards of short lists. Selecting an item shows its details below; Enter on an arrival asks its
 * room number and checks it in, Enter on a departure shows the folio's balance and checks it out.
 */
public final class TodayView extends BorderPane {
    private final TodayViewModel model;
    private final Texts texts;
    private final ListView<TodayItem> arrivals;
    private final ListView<TodayItem> departures;

    public TodayView(TodayViewModel model) {
        this.model = model;
        this.texts = model.texts();
        setId("today");
        arrivals = list("arrivals", texts.get("today.arrivals"), model.arrivals(), model::askToCheckIn);
        departures = list("departures", texts.get("today.departures"), model.departures(), model::askToCheckOut);
        ListView<TodayItem> appointments =
                list("appointments", texts.get("today.appointments"), model.appointments(), model::open);
        ListView<TodayItem> conversations =
                list("conversations", texts.get("today.waiting"), model.conversations(), model::open);
        ListView<TodayItem> sync =
                list("sync-problems", texts.get("today.syncProblems"), model.syncProblems(), model::open);

        Label title = label("today-title", texts.get("screen.today"), Styles.TITLE_3);
        Label date = message("today-date", model.dateTextProperty(), Styles.TEXT_MUTED);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Label orders = message("open-orders", model.ordersTextProperty(), Styles.TEXT_BOLD);
        Button openOrders = button(
                "open-orders-screen",
                texts.get("today.orderQueue"),
                texts.get("today.orderQueue.help"),
                model::openOrders);
        HBox heading = new HBox(12, title, date, gap, orders, openOrders);
        heading.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(
                6,
                heading,
                message("today-notice", model.noticeProperty(), Styles.SUCCESS),
                message("today-problem", model.problemProperty(), Styles.DANGER));
        top.setPadding(new Insets(0, 0, 12, 0));

        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(16);
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        half.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(half, half);
        grid.add(card("arrivals", texts.get("today.arrivals"), texts.get("today.arrivals.hint"), arrivals), 0, 0);
        grid.add(
                card("departures", texts.get("today.departures"), texts.get("today.departures.hint"), departures),
                1,
                0);
        grid.add(
                card(
                        "appointments-and-tables",
                        texts.get("today.appointments"),
                        texts.get("today.appointments.hint"),
                        appointments),
                0,
                1);
        grid.add(
                card(
                        "waiting-for-a-person",
                        texts.get("today.waiting"),
                        texts.get("today.waiting.hint"),
                        conversations),
                1,
                1);
        grid.add(
                card("sync-problems", texts.get("today.syncProblems"), texts.get("today.syncProblems.hint"), sync),
                0,
                2,
                2,
                1);
        sync.setPrefHeight(70);
        sync.setMinHeight(60);

        ScrollPane scroll = new ScrollPane(grid);
        scroll.setId("today-sections");
        scroll.setAccessibleText(texts.get("today.sections"));
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add(atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);

        setTop(top);
        setCenter(scroll);
        setBottom(actions());
        setPadding(new Insets(16, 24, 12, 24));
        focusedProperty().addListener((observable, before, now) -> {
            if (now) {
                arrivals.requestFocus();
            }
        });
    }

    private ListView<TodayItem> list(
            String id, String name, ObservableList<TodayItem> items, Consumer<@Nullable TodayItem> enter) {
        ListView<TodayItem> list = new ListView<>(items);
        list.setId(id);
        list.setAccessibleText(name);
        list.setPrefHeight(118);
        list.setMinHeight(90);
        list.setPlaceholder(label(
                id + "-empty",
                texts.get(id.equals("sync-problems") ? "today.nothingFailed" : "today.nothingToday"),
                Styles.TEXT_MUTED));
        list.setCellFactory(view -> new ItemCell());
        list.getSelectionModel().selectedItemProperty().addListener((observable, before, now) -> {
            if (now != null) {
                model.open(now);
            }
        });
        keepSelectionByReference(list);
        list.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ENTER) {
                enter.accept(list.getSelectionModel().getSelectedItem());
                event.consume();
            }
        });
        return list;
    }

    /** A refresh that changed a list selects again the item that was selected, when it is still there. */
    private static void keepSelectionByReference(ListView<TodayItem> list) {
        StringProperty selected = new SimpleStringProperty();
        list.getSelectionModel().selectedItemProperty().addListener((observable, before, now) -> {
            if (now != null) {
                selected.set(now.reference());
            }
        });
        list.getItems().addListener((ListChangeListener<TodayItem>) change -> {
            String reference = selected.get();
            if (reference == null) {
                return;
            }
            list.getItems().stream()
                    .filter(item -> item.reference().equals(reference))
                    .findFirst()
                    .ifPresent(item -> list.getSelectionModel().select(item));
        });
    }

    private static VBox card(String id, String name, String hint, javafx.scene.Node body) {
        Label title = label(id + "-title", name, Styles.TITLE_4);
        Label help = label(id + "-hint", hint, Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        HBox heading = new HBox(8, title, help);
        heading.setAlignment(Pos.BASELINE_LEFT);
        VBox card = new VBox(8, heading, body);
        card.setPadding(new Insets(12));
        card.setStyle("-fx-background-color: -color-bg-default; -fx-border-color: -color-border-default;"
                + " -fx-border-radius: 6; -fx-background-radius: 6;");
        VBox.setVgrow(body, Priority.ALWAYS);
        return card;
    }

    private VBox actions() {
        // check in: the room number, then Enter
        Label checkInQuestion = message(
                "check-in-question",
                Bindings.createStringBinding(
                        () -> {
                            TodayItem arrival = model.checkingInProperty().get();
                            return arrival == null ? "" : texts.get("today.checkInQuestion", arrival.title());
                        },
                        model.checkingInProperty()));
        TextField room = new TextField();
        room.setId("room-number");
        room.setAccessibleText(texts.get("today.roomNumber"));
        room.setPromptText(texts.get("today.roomNumber.prompt"));
        room.setPrefColumnCount(6);
        room.textProperty().bindBidirectional(model.roomNumberProperty());
        room.setOnAction(event -> model.confirmCheckIn());
        ComboBox<String> rooms = roomChooser();
        BooleanBinding listed = Bindings.isNotEmpty(model.roomChoices());
        room.visibleProperty().bind(listed.not());
        room.managedProperty().bind(room.visibleProperty());
        rooms.visibleProperty().bind(listed);
        rooms.managedProperty().bind(rooms.visibleProperty());
        Button checkIn = button(
                "confirm-check-in", texts.get("today.checkIn"), texts.get("today.checkIn.help"), model::confirmCheckIn);
        checkIn.getStyleClass().add(Styles.ACCENT);
        Button backIn = button("check-in-back", texts.get("common.back"), texts.get("today.checkIn.back"), this::back);
        HBox checkInPane = actionPane("check-in-pane", checkInQuestion, room, rooms, checkIn, backIn);
        checkInPane.visibleProperty().bind(model.checkingInProperty().isNotNull());
        checkInPane.visibleProperty().addListener((observable, before, now) -> {
            if (now) {
                (rooms.isVisible() ? rooms : room).requestFocus();
            }
        });

        // check out: the folio's balance, then Enter
        Label folio = message("folio-balance", model.folioTextProperty());
        Button checkOut = button(
                "confirm-check-out",
                texts.get("today.checkOut"),
                texts.get("today.checkOut.help"),
                model::confirmCheckOut);
        checkOut.getStyleClass().add(Styles.ACCENT);
        checkOut.disableProperty().bind(model.folioReadProperty().not());
        Button backOut =
                button("check-out-back", texts.get("common.back"), texts.get("today.checkOut.back"), this::back);
        HBox checkOutPane = actionPane("check-out-pane", folio, checkOut, backOut);
        checkOutPane.visibleProperty().bind(model.checkingOutProperty().isNotNull());
        checkOut.defaultButtonProperty().bind(checkOutPane.visibleProperty());
        model.folioReadProperty().addListener((observable, before, now) -> {
            if (now) {
                checkOut.requestFocus();
            }
        });
        backIn.cancelButtonProperty().bind(checkInPane.visibleProperty());
        backOut.cancelButtonProperty().bind(checkOutPane.visibleProperty());

        Label details = message("today-details", model.detailsProperty());
        details.setMaxWidth(Double.MAX_VALUE);
        details.setPadding(new Insets(8, 12, 8, 12));
        details.setStyle("-fx-background-color: -color-bg-subtle; -fx-background-radius: 6;");
        VBox bottom = new VBox(8, checkInPane, checkOutPane, details);
        bottom.setPadding(new Insets(12, 0, 0, 0));
        return bottom;
    }

    /**
     * The free rooms of the arrival's type, the first one chosen: Enter checks in, the arrow keys or typing a number
     * ("107") choose another.
     */
    private ComboBox<String> roomChooser() {
        ComboBox<String> rooms = new ComboBox<>(model.roomChoices());
        rooms.setId("room-choice");
        rooms.setAccessibleText(texts.get("today.roomChoice"));
        rooms.setVisibleRowCount(8);
        rooms.valueProperty().bindBidirectional(model.roomNumberProperty());
        StringBuilder typed = new StringBuilder();
        rooms.focusedProperty().addListener((observable, before, now) -> typed.setLength(0));
        rooms.addEventFilter(KeyEvent.KEY_TYPED, event -> {
            String character = event.getCharacter();
            if (character.isBlank() || Character.isISOControl(character.charAt(0))) {
                return;
            }
            typed.append(character);
            if (model.roomChoices().stream().noneMatch(number -> number.startsWith(typed.toString()))) {
                typed.setLength(0);
                typed.append(character);
            }
            model.roomChoices().stream()
                    .filter(number -> number.startsWith(typed.toString()))
                    .findFirst()
                    .ifPresent(rooms::setValue);
            event.consume();
        });
        rooms.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ENTER && !rooms.isShowing()) {
                model.confirmCheckIn();
                event.consume();
            }
        });
        return rooms;
    }

    private static HBox actionPane(String id, javafx.scene.Node... children) {
        HBox pane = new HBox(12, children);
        pane.setId(id);
        pane.setAlignment(Pos.CENTER_LEFT);
        pane.setPadding(new Insets(8, 12, 8, 12));
        pane.setStyle("-fx-background-color: -color-accent-subtle; -fx-background-radius: 6;");
        pane.managedProperty().bind(pane.visibleProperty());
        return pane;
    }

    private void back() {
        boolean wasCheckingIn = model.checkingInProperty().get() != null;
        model.back();
        (wasCheckingIn ? arrivals : departures).requestFocus();
    }

    /** The screen's shortcuts, for the help overlay (F1). */
    public static String keys(Texts texts) {
        return texts.get("today.keys");
    }

    /** Two lines: the item's headline and, muted, its second line. */
    private static final class ItemCell extends ListCell<TodayItem> {
        private final Label title = new Label();
        private final Label subtitle = new Label();
        private final VBox lines = new VBox(2, title, subtitle);

        ItemCell() {
            title.getStyleClass().add(Styles.TEXT_BOLD);
            subtitle.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        }

        @Override
        protected void updateItem(@Nullable TodayItem item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setAccessibleText(null);
            } else {
                title.setText(item.title());
                subtitle.setText(item.subtitle());
                setGraphic(lines);
                setAccessibleText(item.title() + ", " + item.subtitle());
            }
        }
    }
}
