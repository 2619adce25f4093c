package dev.concierge.console.bookings;

import atlantafx.base.theme.Styles;
import dev.concierge.api.BookingView;
import dev.concierge.console.Controls;
import dev.concierge.console.Texts;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.jspecify.annotations.Nullable;

/**
 * The Bookings screen. Keys: Alt+Left/Right the previous/next day (week in the week view), T today, Alt+D the day,
 * Alt+W one service's week, Alt+R the rooms, Alt+F what the search found, Ctrl+F the search, N a new booking, E change,
 * A confirm, D completed, S no-show, C or Delete cancel (Enter confirms, Escape keeps it), Shift+Up/Down and
 * Shift+Left/Right move the selected booking an hour or a day (as dragging its bar does), Escape closes the form (or
 * the details).
 */
public final class BookingsView extends BorderPane {
    /** The screen's keys, as its toolbar and the help overlay list them. */
    public static String keys(Texts texts) {
        return texts.get("bookings.keys");
    }

    private final BookingsViewModel model;
    private final Texts texts;
    private final Boards boards;
    private final TextField search = new TextField();
    private final ListView<BookingView> found = new ListView<>();
    private final ScrollPane side = new ScrollPane();
    private final BookingDetails details;

    public BookingsView(BookingsViewModel model) {
        this.model = model;
        this.texts = model.texts();
        this.boards = new Boards(model);
        this.details = new BookingDetails(model);
        setId("bookings");
        setPadding(new Insets(16, 24, 12, 24));
        setTop(toolbar());
        setCenter(center());
        setRight(side());
        setBottom(footer());
        addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        focusedProperty().addListener((observable, before, now) -> {
            if (now) {
                board().requestFocus();
            }
        });
    }

    private VBox toolbar() {
        Label title = Controls.label("bookings-title", texts.get("screen.bookings"), Styles.TITLE_3);
        Label day = new Label();
        day.setId("bookings-day");
        day.textProperty()
                .bind(Bindings.createStringBinding(model::dayText, model.dayProperty(), model.viewProperty()));
        day.accessibleTextProperty().bind(day.textProperty());
        day.getStyleClass().add(Styles.TITLE_4);
        Button previous =
                Controls.button("bookings-previous-day", "◀", texts.get("bookings.previousDay"), model::previousDay);
        Button today = Controls.button(
                "bookings-today", texts.get("screen.today"), texts.get("bookings.today.help"), model::today);
        Button next = Controls.button("bookings-next-day", "▶", texts.get("bookings.nextDay"), model::nextDay);

        ToggleGroup views = new ToggleGroup();
        ToggleButton dayView = viewButton(
                "bookings-view-day", texts.get("bookings.view.day"), texts.get("bookings.view.day.help"), views);
        ToggleButton weekView = viewButton(
                "bookings-view-week", texts.get("bookings.view.week"), texts.get("bookings.view.week.help"), views);
        ToggleButton roomView = viewButton(
                "bookings-view-rooms", texts.get("bookings.view.rooms"), texts.get("bookings.view.rooms.help"), views);
        ToggleButton foundView = viewButton(
                "bookings-view-found", texts.get("bookings.view.found"), texts.get("bookings.view.found.help"), views);
        dayView.getStyleClass().add(Styles.LEFT_PILL);
        weekView.getStyleClass().add(Styles.CENTER_PILL);
        roomView.getStyleClass().add(Styles.CENTER_PILL);
        foundView.getStyleClass().add(Styles.RIGHT_PILL);
        dayView.setOnAction(event -> model.viewProperty().set(BookingsViewModel.View.DAY));
        weekView.setOnAction(event -> model.viewProperty().set(BookingsViewModel.View.WEEK));
        roomView.setOnAction(event -> model.viewProperty().set(BookingsViewModel.View.ROOMS));
        foundView.setOnAction(event -> model.viewProperty().set(BookingsViewModel.View.FOUND));
        Runnable mark = () -> {
            switch (model.viewProperty().get()) {
                case DAY -> dayView.setSelected(true);
                case WEEK -> weekView.setSelected(true);
                case ROOMS -> roomView.setSelected(true);
                case FOUND -> foundView.setSelected(true);
            }
        };
        model.viewProperty().addListener((observable, before, now) -> mark.run());
        mark.run();

        search.setId("bookings-search");
        search.setAccessibleText(texts.get("bookings.search.help"));
        search.setPromptText(texts.get("bookings.search.prompt"));
        search.setPrefColumnCount(22);
        search.textProperty().bindBidirectional(model.queryProperty());
        search.setOnAction(event -> model.search());
        Button create = Controls.button(
                "bookings-new",
                texts.get("bookings.new"),
                texts.get("bookings.new.help"),
                this::openNew,
                Styles.ACCENT);

        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox first = new HBox(8, title, previous, today, next, day, gap, create);
        first.setAlignment(Pos.CENTER_LEFT);
        HBox second = new HBox(0, dayView, weekView, roomView, foundView);
        ComboBox<String> service = new ComboBox<>();
        service.setId("bookings-week-service");
        service.setAccessibleText(texts.get("bookings.weekService"));
        service.setTooltip(new javafx.scene.control.Tooltip(texts.get("bookings.weekService")));
        model.services().forEach(item -> service.getItems().add(item.id()));
        service.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(@Nullable String id) {
                return id == null
                        ? ""
                        : model.services().stream()
                                .filter(item -> item.id().equals(id))
                                .map(Catalogue.Item::name)
                                .findFirst()
                                .orElse(id);
            }

            @Override
            public String fromString(String name) {
                return name;
            }
        });
        service.valueProperty().bindBidirectional(model.weekServiceProperty());
        service.visibleProperty().bind(model.viewProperty().isEqualTo(BookingsViewModel.View.WEEK));
        service.managedProperty().bind(service.visibleProperty());

        Region gap2 = new Region();
        HBox.setHgrow(gap2, Priority.ALWAYS);
        HBox row2 = new HBox(8, second, service, gap2, search);
        row2.setAlignment(Pos.CENTER_LEFT);
        Label keys = Controls.label("bookings-keys", keys(texts), Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        keys.setWrapText(true);
        VBox top = new VBox(8, first, row2, keys);
        top.setPadding(new Insets(0, 0, 10, 0));
        return top;
    }

    private static ToggleButton viewButton(String id, String text, String accessible, ToggleGroup group) {
        ToggleButton button = new ToggleButton(text);
        button.setId(id);
        button.setAccessibleText(accessible);
        button.setToggleGroup(group);
        button.setMinWidth(Region.USE_PREF_SIZE);
        return button;
    }

    private StackPane center() {
        found.setId("bookings-found");
        found.setAccessibleText(texts.get("bookings.found"));
        found.setItems(model.found());
        found.setPlaceholder(
                Controls.label("bookings-found-empty", texts.get("bookings.found.empty"), Styles.TEXT_MUTED));
        found.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(BookingView booking, boolean empty) {
                super.updateItem(booking, empty);
                setText(empty || booking == null ? null : model.line(booking));
                setAccessibleText(getText());
            }
        });
        found.setOnKeyPressed(event -> {
            BookingView booking = found.getSelectionModel().getSelectedItem();
            if (event.getCode() == KeyCode.ENTER && booking != null) {
                model.open(booking);
                event.consume();
            }
        });
        found.setOnMouseClicked(event -> {
            BookingView booking = found.getSelectionModel().getSelectedItem();
            if (booking != null) {
                model.open(booking);
            }
        });
        StackPane center = new StackPane(boards.timeline, boards.week, boards.rooms, found);
        center.setId("bookings-board");
        Runnable show = () -> {
            BookingsViewModel.View view = model.viewProperty().get();
            boards.timeline.setVisible(view == BookingsViewModel.View.DAY);
            boards.week.setVisible(view == BookingsViewModel.View.WEEK);
            boards.rooms.setVisible(view == BookingsViewModel.View.ROOMS);
            found.setVisible(view == BookingsViewModel.View.FOUND);
        };
        model.viewProperty().addListener((observable, before, now) -> {
            show.run();
            if (now == BookingsViewModel.View.FOUND && !model.found().isEmpty()) {
                found.getSelectionModel().selectFirst();
            }
            board().requestFocus();
        });
        show.run();
        return center;
    }

    private javafx.scene.Node board() {
        return switch (model.viewProperty().get()) {
            case DAY -> boards.timeline;
            case WEEK -> boards.week;
            case ROOMS -> boards.rooms;
            case FOUND -> found;
        };
    }

    private ScrollPane side() {
        side.setId("bookings-side");
        side.setAccessibleText(texts.get("bookings.side"));
        side.setFitToWidth(true);
        side.setPrefWidth(340);
        side.setMinWidth(340);
        side.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        side.setStyle("-fx-background-color: transparent;");
        side.setContent(details);
        // the side takes room only for a booking or the form: the boards want the width
        side.visibleProperty()
                .bind(model.selectedProperty()
                        .isNotNull()
                        .or(model.formProperty().isNotNull()));
        side.managedProperty().bind(side.visibleProperty());
        model.formProperty().addListener((observable, before, now) -> {
            if (now == null) {
                side.setContent(details);
                board().requestFocus();
            } else {
                BookingFormView view = new BookingFormView(now, model::closeForm);
                side.setContent(view);
                view.focusFirst();
            }
        });
        return side;
    }

    private VBox footer() {
        Button confirm = Controls.button(
                "booking-confirm-cancel",
                texts.get("bookings.move.cancel"),
                texts.get("bookings.cancel.help"),
                this::confirmCancel,
                Styles.DANGER);
        Button keep =
                Controls.button("booking-keep", texts.get("orders.keep"), texts.get("bookings.keep.help"), this::keep);
        HBox confirmation = Controls.confirmation(
                "booking-cancel-confirmation",
                "booking-cancel-question",
                Bindings.createStringBinding(
                        () -> {
                            BookingView booking = model.cancellingProperty().get();
                            return booking == null
                                    ? ""
                                    : texts.get(
                                            "bookings.cancelQuestion",
                                            booking.reference(),
                                            model.summary(booking),
                                            booking.contact().name());
                        },
                        model.cancellingProperty()),
                confirm,
                keep);
        Label notice = Controls.message("bookings-notice", model.noticeProperty(), Styles.SUCCESS);
        Label problem = Controls.message("bookings-problem", model.problemProperty(), Styles.DANGER);
        VBox footer = new VBox(6, confirmation, notice, problem);
        footer.setPadding(new Insets(10, 0, 0, 0));
        return footer;
    }

    private void confirmCancel() {
        model.confirmCancel();
        board().requestFocus();
    }

    private void keep() {
        model.keepBooking();
        board().requestFocus();
    }

    private void openNew() {
        model.newBooking();
    }

    private void key(KeyEvent event) {
        KeyCode code = event.getCode();
        boolean typing = event.getTarget() instanceof TextInputControl
                || event.getTarget() instanceof javafx.scene.control.DatePicker
                || event.getTarget() instanceof javafx.scene.control.ComboBoxBase<?>;
        if (event.isAltDown() && !event.isShortcutDown()) {
            switch (code) {
                case LEFT -> model.previousDay();
                case RIGHT -> model.nextDay();
                case D -> model.viewProperty().set(BookingsViewModel.View.DAY);
                case W -> model.viewProperty().set(BookingsViewModel.View.WEEK);
                case R -> model.viewProperty().set(BookingsViewModel.View.ROOMS);
                case F -> model.viewProperty().set(BookingsViewModel.View.FOUND);
                default -> {
                    return;
                }
            }
            event.consume();
            return;
        }
        if (event.isShortcutDown()) {
            if (code == KeyCode.F) {
                search.requestFocus();
                search.selectAll();
                event.consume();
            }
            return;
        }
        if (code == KeyCode.ESCAPE
                && model.getForm() != null
                && model.cancellingProperty().get() == null) {
            model.closeForm();
            event.consume();
            return;
        }
        if (typing || model.getForm() != null || model.cancellingProperty().get() != null) {
            return;
        }
        if (event.isShiftDown() && model.getSelected() != null) {
            // the keyboard's drag: the selected booking an hour or a day later or earlier
            switch (code) {
                case UP -> model.moveSelected(0, -1);
                case DOWN -> model.moveSelected(0, 1);
                case LEFT -> model.moveSelected(-1, 0);
                case RIGHT -> model.moveSelected(1, 0);
                default -> {
                    return;
                }
            }
            event.consume();
            return;
        }
        if (code == KeyCode.ESCAPE && model.getSelected() != null) {
            model.select(null);
            board().requestFocus();
            event.consume();
            return;
        }
        switch (code) {
            case T -> model.today();
            case N -> openNew();
            case E -> model.changeSelected();
            case A -> model.make(Move.CONFIRM);
            case D -> model.make(Move.COMPLETE);
            case S -> model.make(Move.NO_SHOW);
            case C, DELETE -> model.make(Move.CANCEL);
            default -> {
                return;
            }
        }
        event.consume();
    }
}
