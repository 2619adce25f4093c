package dev.concierge.console.bookings;

import atlantafx.base.theme.Styles;
import dev.concierge.api.BookingView;
import dev.concierge.console.Controls;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The boards of the screen, drawn again from the model when its bookings change: the day's timeline (a column per
 * service, a row per hour), the week of one service (a column per day, a row per hour) and the room grid (a line per
 * room, a column per night). Each booking is a button: Tab reaches it, Enter or a click selects it. A service
 * booking's bar dragged to another hour of its column (or another day and hour of the week) asks the server to move
 * it there.
 */
final class Boards {
    static final double SERVICE_WIDTH = 150;
    static final double NIGHT_WIDTH = 96;
    static final double DAY_WIDTH = 120;

    private final BookingsViewModel model;
    final ScrollPane timeline = new ScrollPane();
    final ScrollPane rooms = new ScrollPane();
    final ScrollPane week = new ScrollPane();
    /** The booking whose bar is being dragged; null between drags. */
    private @org.jspecify.annotations.Nullable BookingView dragged;

    Boards(BookingsViewModel model) {
        this.model = model;
        setUp(timeline, "bookings-timeline", model.texts().get("bookings.timeline"));
        setUp(rooms, "bookings-rooms", model.texts().get("bookings.rooms"));
        setUp(week, "bookings-week", model.texts().get("bookings.week"));
        model.week()
                .addListener((javafx.collections.ListChangeListener<Week.Day>) change -> redraw(week, this::weekGrid));
        model.columns().addListener((javafx.collections.ListChangeListener<BookingsViewModel.ServiceDay>)
                change -> redraw(timeline, this::timelineGrid));
        model.roomLines()
                .addListener((javafx.collections.ListChangeListener<RoomLine>) change -> redraw(rooms, this::roomGrid));
        model.selectedProperty().addListener((observable, before, now) -> {
            redraw(timeline, this::timelineGrid);
            redraw(rooms, this::roomGrid);
            redraw(week, this::weekGrid);
        });
        timeline.setContent(timelineGrid());
        rooms.setContent(roomGrid());
        week.setContent(weekGrid());
    }

    private static void setUp(ScrollPane pane, String id, String text) {
        pane.setId(id);
        pane.setAccessibleText(text);
        pane.setFitToWidth(false);
        pane.setFocusTraversable(true);
        pane.setStyle("-fx-background-color: transparent;");
    }

    /** Draws {@code pane} again, keeping the focus on the same booking's block (or the board) when it was inside. */
    private static void redraw(ScrollPane pane, java.util.function.Supplier<Node> draw) {
        Node focused = pane.getScene() == null ? null : pane.getScene().getFocusOwner();
        String focusedId = focused != null && isInside(focused, pane) ? focused.getId() : null;
        pane.setContent(draw.get());
        if (focusedId != null) {
            Node again = pane.getContent().lookup("#" + focusedId);
            (again != null ? again : pane).requestFocus();
        }
    }

    private static boolean isInside(Node node, Node container) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (at == container) {
                return true;
            }
        }
        return false;
    }

    private Node timelineGrid() {
        GridPane grid = new GridPane();
        grid.setId("timeline-grid");
        grid.setHgap(6);
        grid.setVgap(4);
        grid.setPadding(new Insets(4));
        grid.getColumnConstraints().add(new ColumnConstraints(52));
        List<BookingsViewModel.ServiceDay> columns = model.columns();
        for (int column = 0; column < columns.size(); column++) {
            Catalogue.Item service = columns.get(column).service();
            ColumnConstraints width = new ColumnConstraints(SERVICE_WIDTH);
            grid.getColumnConstraints().add(width);
            Label name = Controls.label("timeline-service-" + service.id(), service.name(), Styles.TEXT_BOLD);
            name.setWrapText(true);
            name.setMaxWidth(SERVICE_WIDTH);
            grid.add(name, column + 1, 0);
        }
        int first = model.firstHour();
        int last = model.lastHour();
        for (int hour = first; hour <= last; hour++) {
            int row = hour - first + 1;
            Label time = Controls.label("timeline-hour-" + hour, model.hourText(hour), Styles.TEXT_MUTED);
            time.setMinHeight(28);
            grid.add(time, 0, row);
            GridPane.setValignment(time, javafx.geometry.VPos.TOP);
            for (int column = 0; column < columns.size(); column++) {
                int at = hour;
                String service = columns.get(column).service().id();
                VBox cell = dropCell("timeline-cell-" + service + "-" + hour, service, model.getDay(), hour);
                columns.get(column).bookings().stream()
                        .filter(booking -> model.hourOf(booking) == at)
                        .forEach(booking -> cell.getChildren().add(block(booking, model.block(booking))));
                grid.add(cell, column + 1, row);
            }
        }
        return grid;
    }

    /** One service's week: a column per day from Monday, a row per hour, each booking in its day and hour. */
    private Node weekGrid() {
        GridPane grid = new GridPane();
        grid.setId("week-grid");
        grid.setHgap(6);
        grid.setVgap(4);
        grid.setPadding(new Insets(4));
        grid.getColumnConstraints().add(new ColumnConstraints(52));
        List<Week.Day> days = model.week();
        String service = model.weekServiceProperty().get();
        for (int column = 0; column < days.size(); column++) {
            grid.getColumnConstraints().add(new ColumnConstraints(DAY_WIDTH));
            Label name = Controls.label(
                    "week-day-" + column, model.weekDayText(days.get(column).date()), Styles.TEXT_BOLD);
            grid.add(name, column + 1, 0);
        }
        int first = model.weekFirstHour();
        int last = model.weekLastHour();
        for (int hour = first; hour <= last; hour++) {
            int row = hour - first + 1;
            Label time = Controls.label("week-hour-" + hour, model.hourText(hour), Styles.TEXT_MUTED);
            time.setMinHeight(28);
            grid.add(time, 0, row);
            GridPane.setValignment(time, javafx.geometry.VPos.TOP);
            for (int column = 0; column < days.size(); column++) {
                int at = hour;
                Week.Day day = days.get(column);
                VBox cell = dropCell("week-cell-" + column + "-" + hour, service, day.date(), hour);
                day.bookings().stream()
                        .filter(booking -> model.hourOf(booking) == at)
                        .forEach(booking -> {
                            Button block = block(booking, model.weekBlock(booking));
                            block.setId("week-booking-" + booking.reference());
                            cell.getChildren().add(block);
                        });
                grid.add(cell, column + 1, row);
            }
        }
        return grid;
    }

    /**
     * A cell of an hour that takes a dragged bar of {@code service}: dropped there, the booking moves to that day and
     * hour. The cell shows where the bar would land while it is over it.
     */
    private VBox dropCell(String id, String service, java.time.LocalDate date, int hour) {
        VBox cell = new VBox(3);
        cell.setId(id);
        cell.setMinHeight(28);
        String plain = "-fx-border-color: -color-border-muted; -fx-border-width: 1 0 0 0; -fx-padding: 2 0 0 0;";
        cell.setStyle(plain);
        cell.setOnMouseDragEntered(event -> {
            BookingView moving = dragged;
            if (moving != null && service.equals(moving.serviceId())) {
                cell.setStyle(plain + " -fx-background-color: -color-accent-subtle;");
            }
        });
        cell.setOnMouseDragExited(event -> cell.setStyle(plain));
        // a filter, not a handler: a drop on a bar already in the cell (a taken slot) is the cell's all the same
        cell.addEventFilter(javafx.scene.input.MouseDragEvent.MOUSE_DRAG_RELEASED, event -> {
            cell.setStyle(plain);
            BookingView moving = dragged;
            dragged = null;
            if (moving != null && service.equals(moving.serviceId())) {
                model.moveTo(moving, date, hour);
            }
            event.consume();
        });
        return cell;
    }

    private Node roomGrid() {
        GridPane grid = new GridPane();
        grid.setId("room-grid");
        grid.setHgap(2);
        grid.setVgap(2);
        grid.setPadding(new Insets(4));
        grid.getColumnConstraints().add(new ColumnConstraints(96));
        List<String> nights = model.nights();
        for (int night = 0; night < nights.size(); night++) {
            grid.getColumnConstraints().add(new ColumnConstraints(NIGHT_WIDTH));
            grid.add(Controls.label("room-night-" + night, nights.get(night), Styles.TEXT_BOLD), night + 1, 0);
        }
        List<RoomLine> lines = model.roomLines();
        for (int index = 0; index < lines.size(); index++) {
            RoomLine line = lines.get(index);
            int row = index + 1;
            if (line.kind() == RoomLine.Kind.TYPE) {
                Label type = Controls.label("room-type-" + line.roomTypeId(), line.label(), Styles.TITLE_4);
                type.setPadding(new Insets(8, 0, 2, 0));
                grid.add(type, 0, row, nights.size() + 1, 1);
                continue;
            }
            String id = "room-line-" + line.roomTypeId() + "-"
                    + (line.kind() == RoomLine.Kind.NUMBER ? line.label() : "unassigned-" + index);
            Label label = Controls.label(
                    id, line.label(), line.kind() == RoomLine.Kind.UNASSIGNED ? Styles.TEXT_MUTED : Styles.TEXT_NORMAL);
            label.setMinHeight(26);
            grid.add(label, 0, row);
            for (int night = 0; night < nights.size(); night++) {
                javafx.scene.layout.Region empty = new javafx.scene.layout.Region();
                empty.setStyle("-fx-background-color: -color-bg-subtle;");
                empty.setMinHeight(26);
                grid.add(empty, night + 1, row);
            }
            for (StayBar bar : line.stays()) {
                BookingView stay = bar.booking();
                Button block = block(stay, stay.contact().name() + " · " + model.status(stay.status()));
                block.setMaxWidth(Double.MAX_VALUE);
                GridPane.setHgrow(block, Priority.ALWAYS);
                grid.add(block, bar.firstNight() + 1, row, bar.nights(), 1);
            }
        }
        return grid;
    }

    private Button block(BookingView booking, String text) {
        Button block = new Button(text);
        block.setId("booking-" + booking.reference());
        block.setAccessibleText(booking.reference() + ", " + model.summary(booking) + ", "
                + booking.contact().name() + ", " + model.status(booking.status()));
        block.setMaxWidth(Double.MAX_VALUE);
        block.setAlignment(Pos.TOP_LEFT);
        block.setWrapText(true);
        block.getStyleClass().addAll(Styles.SMALL, statusStyle(booking.status()));
        boolean selected = Optional.ofNullable(model.getSelected())
                .map(now -> now.id() == booking.id())
                .orElse(false);
        if (selected) {
            block.setStyle("-fx-border-color: -color-fg-default; -fx-border-width: 2; -fx-border-radius: 4;");
        }
        block.setOnAction(event -> model.select(booking));
        if (model.movable(booking)) {
            // a press-drag-release inside the window (no system drag and drop): the cells see the bar arrive
            block.setOnDragDetected(event -> {
                dragged = booking;
                block.startFullDrag();
                event.consume();
            });
        }
        return block;
    }

    /** The status shows by colour too: pending waits (warning), cancelled and no-shows step back (danger). */
    static String statusStyle(String status) {
        return switch (status) {
            case "pending" -> Styles.WARNING;
            case "confirmed", "checked_in" -> Styles.ACCENT;
            case "completed", "checked_out" -> Styles.SUCCESS;
            case "cancelled", "no_show" -> Styles.DANGER;
            default -> Styles.FLAT;
        };
    }

    static String words(String status) {
        return dev.concierge.console.Formats.words(status).toLowerCase(Locale.ROOT);
    }
}
