package dev.concierge.console.bookings;

import dev.concierge.api.BookingChange;
import dev.concierge.api.BookingView;
import dev.concierge.api.VenueProfile;
import dev.concierge.console.Formats;
import dev.concierge.console.ServerCalls;
import dev.concierge.console.Texts;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * The Bookings screen: one chosen day as a timeline per service, the seven nights from it as a room grid, a search,
 * the selected booking with its history and the status moves it allows, and the form that creates or changes one.
 */
public final class BookingsViewModel {
    /** What the middle of the screen shows. */
    public enum View {
        DAY,
        WEEK,
        ROOMS,
        FOUND
    }

    /** Statuses whose time may still move: a booking done, cancelled or not shown stays where it was. */
    private static final java.util.Set<String> MOVABLE = java.util.Set.of("pending", "confirmed");

    /** One column of the timeline: a service and its bookings of the day, by start. */
    record ServiceDay(Catalogue.Item service, List<BookingView> bookings) {}

    /**
     * How many nights back a stay may have started and still reach the grid: the API lists bookings by their start
     * only, so the grid asks for stays starting this long before its first night.
     */
    static final int STAY_REACH_NIGHTS = 30;

    static final int FIRST_HOUR = 8;
    static final int LAST_HOUR = 20;
    private final DateTimeFormatter dayFormat;
    private final DateTimeFormatter shortDay;
    private final DateTimeFormatter when;

    private record Loaded(
            LocalDate day,
            List<BookingView> ofTheDay,
            List<BookingView> stays,
            String weekService,
            List<BookingView> week) {}

    private final Texts texts;
    private final BookingsApi api;
    private final ServerCalls calls;
    private final Catalogue catalogue;
    private final ZoneId zone;

    private final ObjectProperty<LocalDate> day = new SimpleObjectProperty<>(this, "day");
    private final ObjectProperty<View> view = new SimpleObjectProperty<>(this, "view", View.DAY);
    private final ObservableList<ServiceDay> columns = FXCollections.observableArrayList();
    private final ObservableList<RoomLine> roomLines = FXCollections.observableArrayList();
    private final StringProperty weekService = new SimpleStringProperty(this, "weekService", "");
    private final ObservableList<Week.Day> week = FXCollections.observableArrayList();
    private List<BookingView> ofTheWeek = List.of();
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ObservableList<BookingView> found = FXCollections.observableArrayList();
    private final ObjectProperty<@Nullable BookingView> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableList<BookingChange> history = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<@Nullable BookingView> cancelling =
            new ReadOnlyObjectWrapper<>(this, "cancelling");
    private final ReadOnlyObjectWrapper<@Nullable BookingForm> form = new ReadOnlyObjectWrapper<>(this, "form");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private List<BookingView> ofTheDay = List.of();
    private List<BookingView> stays = List.of();
    private boolean refreshing;
    private boolean askAgain;
    private boolean loadFailed;
    private final javafx.beans.property.ReadOnlyBooleanWrapper formChanged =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "formChanged");
    private final dev.concierge.console.UnsavedChanges unsaved =
            new dev.concierge.console.UnsavedChanges(formChanged, () -> form.set(null));

    /** @param venue the venue as signed in: its catalogue names the columns, its clock gives the first day */
    public BookingsViewModel(Texts texts, BookingsApi api, VenueProfile venue, ServerCalls calls) {
        this.texts = texts;
        Locale locale = texts.locale();
        this.dayFormat = DateTimeFormatter.ofPattern(texts.get("today.datePattern"), locale);
        this.shortDay = DateTimeFormatter.ofPattern("EEE d MMM", locale);
        this.when = DateTimeFormatter.ofPattern("d MMM HH:mm", locale);
        this.api = api;
        this.calls = calls;
        this.catalogue = Catalogue.of(venue, texts.language().code());
        this.zone = ZoneId.of(venue.timezone());
        day.set(venue.now() != null ? venue.now().toLocalDate() : LocalDate.now(zone));
        columns.setAll(columnsOf(List.of()));
        roomLines.setAll(RoomGrid.lines(catalogue, List.of(), day.get(), texts.get("bookings.noRoomYet")));
        weekService.set(
                catalogue.services().isEmpty()
                        ? ""
                        : catalogue.services().get(0).id());
        week.setAll(Week.days(day.get(), weekService.get(), List.of(), zone));
        day.addListener((observable, before, now) -> refresh());
        weekService.addListener((observable, before, now) -> refresh());
        form.addListener((observable, before, now) -> {
            formChanged.unbind();
            if (now == null) {
                formChanged.set(false);
            } else {
                formChanged.bind(now.changedProperty());
            }
        });
    }

    /** The form's edits nobody saved: the shell asks before leaving the screen, this screen before another row. */
    public dev.concierge.console.UnsavedChanges unsaved() {
        return unsaved;
    }

    /** Asks for the day's bookings and the grid's stays; a second call while one is awaited asks once more after. */
    public void refresh() {
        if (refreshing) {
            askAgain = true;
            return;
        }
        refreshing = true;
        LocalDate wanted = day.get();
        String service = weekService.get();
        calls.call(() -> load(wanted, service), this::show, why -> {
            loadFailed = true;
            problem.set(texts.get("bookings.notLoaded", why));
            answered();
        });
    }

    private Loaded load(LocalDate wanted, String service) {
        List<BookingView> stays = new ArrayList<>();
        for (Catalogue.Room room : catalogue.rooms()) {
            stays.addAll(api.bookingsStarting(
                    wanted.minusDays(STAY_REACH_NIGHTS), wanted.plusDays(RoomGrid.NIGHTS - 1), room.id()));
        }
        LocalDate monday = Week.monday(wanted);
        List<BookingView> ofTheWeek =
                service.isEmpty() ? List.of() : api.bookingsStarting(monday, monday.plusDays(Week.DAYS - 1), service);
        return new Loaded(wanted, api.bookingsStarting(wanted, wanted, null), stays, service, ofTheWeek);
    }

    private void show(Loaded loaded) {
        if (loaded.day().equals(day.get()) && loaded.weekService().equals(weekService.get())) {
            ofTheDay = loaded.ofTheDay();
            ofTheWeek = loaded.week();
            List<Week.Day> days = Week.days(loaded.day(), loaded.weekService(), ofTheWeek, zone);
            if (!week.equals(days)) {
                week.setAll(days);
            }
            stays = loaded.stays();
            List<ServiceDay> fresh = columnsOf(ofTheDay);
            if (!columns.equals(fresh)) {
                columns.setAll(fresh);
            }
            List<RoomLine> lines = RoomGrid.lines(catalogue, stays, loaded.day(), texts.get("bookings.noRoomYet"));
            if (!roomLines.equals(lines)) {
                roomLines.setAll(lines);
            }
            BookingView current = selected.get();
            if (current != null) {
                // the details take the newer booking; an open form stays as it is
                known(current.id()).filter(fresh1 -> !fresh1.equals(current)).ifPresent(this::showDetails);
            }
            if (loadFailed) {
                loadFailed = false;
                problem.set("");
            }
        }
        answered();
    }

    private void answered() {
        refreshing = false;
        if (askAgain) {
            askAgain = false;
            refresh();
        }
    }

    private List<ServiceDay> columnsOf(List<BookingView> bookings) {
        return catalogue.services().stream()
                .map(service -> new ServiceDay(
                        service,
                        bookings.stream()
                                .filter(booking -> service.id().equals(booking.serviceId()))
                                .sorted(Comparator.comparing(BookingView::start).thenComparingLong(BookingView::id))
                                .toList()))
                .toList();
    }

    private Optional<BookingView> known(long id) {
        return Stream.of(ofTheDay, ofTheWeek, stays, found)
                .flatMap(List::stream)
                .filter(booking -> booking.id() == id)
                .findFirst();
    }

    /** The previous day; in the week view, the previous week. */
    public void previousDay() {
        day.set(day.get().minusDays(view.get() == View.WEEK ? Week.DAYS : 1));
    }

    /** The next day; in the week view, the next week. */
    public void nextDay() {
        day.set(day.get().plusDays(view.get() == View.WEEK ? Week.DAYS : 1));
    }

    /**
     * Moves a service booking to {@code date} at {@code hour}, keeping its minutes (a bar dragged to another hour of
     * the timeline, or another day of the week): the change call the form uses, with the new start only. A taken
     * slot leaves the booking where it was and opens the form on it with the time tried, the server's sentence and
     * its alternatives, as a save from the form shows them.
     */
    public void moveTo(BookingView booking, LocalDate date, int hour) {
        if (!"service".equals(booking.kind()) || !MOVABLE.contains(booking.status())) {
            problem.set(texts.get("bookings.cannotMove", booking.reference(), status(booking.status())));
            return;
        }
        java.time.LocalDateTime was = booking.start().atZoneSameInstant(zone).toLocalDateTime();
        java.time.LocalDateTime wanted = date.atTime(hour, was.getMinute());
        if (wanted.equals(was)) {
            return;
        }
        unsaved.whenDiscarded(() -> {
            form.set(null);
            notice.set("");
            problem.set("");
            String start = wanted.toString();
            calls.attempt(
                    () -> api.update(
                            booking.id(),
                            new dev.concierge.api.BookingUpdate(null, null, start, null, null, null, null, null)),
                    moved -> changed(moved, texts.get("bookings.moved", moved.reference(), summary(moved))),
                    refusal -> moveRefused(booking, wanted, refusal));
        });
    }

    /** Shift+↑/↓ (an hour) and Shift+←/→ (a day) on the selected booking: the keyboard's way to drag it. */
    public void moveSelected(int days, int hours) {
        BookingView booking = selected.get();
        if (booking == null) {
            problem.set(texts.get("bookings.selectFirst"));
            return;
        }
        java.time.LocalDateTime to = booking.start()
                .atZoneSameInstant(zone)
                .toLocalDateTime()
                .plusDays(days)
                .plusHours(hours);
        moveTo(booking, to.toLocalDate(), to.getHour());
    }

    private void moveRefused(BookingView booking, java.time.LocalDateTime wanted, RuntimeException refusal) {
        if (refusal instanceof dev.concierge.api.ApiException e && e.status() == 409) {
            showDetails(booking);
            BookingForm change = BookingForm.change(texts, api, calls, catalogue, zone, booking, this::saved);
            form.set(change);
            change.refusedAt(wanted.toLocalDate(), Formats.time(wanted.toLocalTime()), refusal);
            return;
        }
        problem.set(ServerCalls.plainWords(refusal, texts));
    }

    /** Back to the venue's today, by the server's clock ({@code GET /api/venue}). */
    public void today() {
        calls.call(
                api::venue,
                venue -> day.set(venue.now() != null ? venue.now().toLocalDate() : LocalDate.now(zone)),
                problem::set);
    }

    /** Looks for bookings by reference, name, phone or e-mail, and shows what it found. */
    public void search() {
        String wanted = query.get().strip();
        if (wanted.isEmpty()) {
            problem.set(texts.get("bookings.searchEmpty"));
            return;
        }
        problem.set("");
        calls.call(
                () -> api.search(wanted),
                bookings -> {
                    found.setAll(bookings);
                    view.set(View.FOUND);
                    notice.set(
                            bookings.isEmpty()
                                    ? texts.get("bookings.noMatch", wanted)
                                    : texts.get("bookings.matches", bookings.size(), wanted));
                },
                problem::set);
    }

    /**
     * Shows {@code booking} in the details with its history. With the form open for another booking (or a new one),
     * the form closes, asking first when it holds edits.
     */
    public void select(@Nullable BookingView booking) {
        BookingForm open = form.get();
        if (open != null && booking != null && !open.isFor(booking)) {
            unsaved.whenDiscarded(() -> {
                form.set(null);
                showDetails(booking);
            });
            return;
        }
        showDetails(booking);
    }

    private void showDetails(@Nullable BookingView booking) {
        selected.set(booking);
        cancelling.set(null);
        history.clear();
        if (booking == null) {
            return;
        }
        calls.call(
                () -> api.history(booking.id()),
                changes -> {
                    BookingView now = selected.get();
                    if (now != null && now.id() == booking.id()) {
                        history.setAll(changes);
                    }
                },
                why -> problem.set(texts.get("bookings.historyNotLoaded", booking.reference(), why)));
    }

    /** Opens a booking found by the search: selected, and its day chosen so the timeline or grid shows it. */
    public void open(BookingView booking) {
        select(booking);
        LocalDate date = booking.start().atZoneSameInstant(zone).toLocalDate();
        if (!date.equals(day.get())) {
            day.set(date);
        }
    }

    /** Makes {@code move} on the selected booking; a cancellation asks first ({@link #confirmCancel}). */
    public void make(Move move) {
        BookingView booking = selected.get();
        if (booking == null) {
            problem.set(texts.get("bookings.selectFirst"));
            return;
        }
        if (!move.allowedFor(booking)) {
            problem.set(texts.get(
                    "bookings.cannotMark", booking.reference(), status(booking.status()), status(move.status())));
            return;
        }
        problem.set("");
        notice.set("");
        if (move == Move.CANCEL) {
            cancelling.set(booking);
            return;
        }
        calls.call(
                () -> api.update(booking.id(), dev.concierge.api.BookingUpdate.status(move.status())),
                moved -> changed(moved, texts.get("bookings.nowIs", moved.reference(), status(moved.status()))),
                problem::set);
    }

    public void confirmCancel() {
        BookingView booking = cancelling.get();
        if (booking == null) {
            return;
        }
        cancelling.set(null);
        calls.call(
                () -> api.cancel(booking.id()),
                cancelled -> changed(cancelled, texts.get("bookings.cancelled", cancelled.reference())),
                problem::set);
    }

    public void keepBooking() {
        cancelling.set(null);
    }

    private void changed(BookingView booking, String success) {
        found.replaceAll(old -> old.id() == booking.id() ? booking : old);
        select(booking);
        notice.set(success);
        refresh();
    }

    /** Opens the form for a new booking on the chosen day; a form with edits open asks first. */
    public void newBooking() {
        unsaved.whenDiscarded(this::openNew);
    }

    private void openNew() {
        notice.set("");
        form.set(BookingForm.create(texts, api, calls, catalogue, zone, day.get(), this::saved));
    }

    /**
     * Opens the form for a new booking filled in from what a guest told the assistant before asking for a person
     * ({@code book_service}: service, date, time, party; {@code book_room}: room, checkIn, checkOut or nights, guests;
     * and name, email, phone), so the desk finishes it: they check the rest and save. What the guest had not said
     * yet is left as a new form has it; the day shown moves to the booking's.
     */
    public void newBookingFrom(String task, Map<String, String> slots) {
        unsaved.whenDiscarded(() -> fillFrom(task, slots));
    }

    private void fillFrom(String task, Map<String, String> slots) {
        LocalDate on =
                date(slots.get(task.equals("book_room") ? "checkIn" : "date")).orElse(day.get());
        day.set(on);
        openNew();
        BookingForm opened = form.get();
        if (opened == null) {
            return;
        }
        if (task.equals("book_room")) {
            opened.stayProperty().set(true);
            set(opened.roomTypeIdProperty(), slots.get("room"));
            date(slots.get("checkOut"))
                    .or(() -> number(slots.get("nights")).map(nights -> on.plusDays(nights)))
                    .ifPresent(opened.checkOutProperty()::set);
            set(opened.partyProperty(), slots.get("guests"));
        } else {
            opened.stayProperty().set(false);
            set(opened.serviceIdProperty(), slots.get("service"));
            set(opened.timeProperty(), slots.get("time"));
            set(opened.partyProperty(), slots.get("party"));
        }
        set(opened.nameProperty(), slots.get("name"));
        set(opened.emailProperty(), slots.get("email"));
        set(opened.phoneProperty(), slots.get("phone"));
        opened.notesProperty().set(texts.get("bookings.fromConversation"));
    }

    private static void set(javafx.beans.property.StringProperty field, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            field.set(value.strip());
        }
    }

    private static java.util.Optional<LocalDate> date(@Nullable String value) {
        try {
            return value == null ? java.util.Optional.empty() : java.util.Optional.of(LocalDate.parse(value.strip()));
        } catch (java.time.format.DateTimeParseException e) {
            return java.util.Optional.empty();
        }
    }

    private static java.util.Optional<Long> number(@Nullable String value) {
        try {
            return value == null ? java.util.Optional.empty() : java.util.Optional.of(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    /** Opens the form to change the selected booking. */
    public void changeSelected() {
        BookingView booking = selected.get();
        if (booking == null) {
            problem.set(texts.get("bookings.selectFirst"));
            return;
        }
        unsaved.whenDiscarded(() -> {
            notice.set("");
            form.set(BookingForm.change(texts, api, calls, catalogue, zone, booking, this::saved));
        });
    }

    /** Closes the form (Escape, Cancel); with edits in it, asks first. */
    public void closeForm() {
        unsaved.whenDiscarded(() -> form.set(null));
    }

    private void saved(BookingView booking, boolean created) {
        form.set(null);
        changed(
                booking,
                texts.get(created ? "bookings.booked" : "bookings.changed", booking.reference(), summary(booking)));
        open(booking);
    }

    // --- how a booking reads ---

    /** "10:00–11:00" for a slot, "10 Mar → 13 Mar" for a stay. */
    String when(BookingView booking) {
        if ("room".equals(booking.kind())) {
            return shortDay.format(RoomGrid.checkIn(booking)) + " → " + shortDay.format(RoomGrid.checkOut(booking));
        }
        return Formats.time(booking.start().atZoneSameInstant(zone).toLocalTime()) + "–"
                + Formats.time(booking.end().atZoneSameInstant(zone).toLocalTime());
    }

    /** A block of the timeline: time, guest, party, status. */
    String block(BookingView booking) {
        return when(booking) + "\n" + booking.contact().name() + " · " + booking.partySize() + "\n"
                + status(booking.status());
    }

    /** A bar of the week view: the time, the guest and the party. */
    String weekBlock(BookingView booking) {
        return when(booking) + "\n" + booking.contact().name() + " · " + booking.partySize();
    }

    /** Two lines of the search: reference, day and time; what, guest, status. */
    String line(BookingView booking) {
        String date = shortDay.format(booking.start().atZoneSameInstant(zone).toLocalDate());
        return booking.reference() + " · "
                + ("room".equals(booking.kind()) ? when(booking) : date + " " + when(booking))
                + "\n" + catalogue.what(booking) + " · " + booking.contact().name() + " · "
                + status(booking.status());
    }

    /** "60-minute massage, Tue 10 Mar 10:00–11:00, 2 people". */
    String summary(BookingView booking) {
        String people = texts.get("count.people", booking.partySize());
        if ("room".equals(booking.kind())) {
            return catalogue.what(booking) + ", " + when(booking) + ", " + people;
        }
        return catalogue.what(booking) + ", "
                + shortDay.format(booking.start().atZoneSameInstant(zone).toLocalDate()) + " " + when(booking) + ", "
                + people;
    }

    /** "10 Mar 09:00 · created · console, Ana Front" */
    String change(BookingChange change) {
        String who = change.staff() == null ? change.channel() : change.channel() + ", " + change.staff();
        return when.format(change.at().atZone(zone)) + " · " + texts.word("booking.change", change.what()) + " · "
                + who
                + (change.detail() == null || change.detail().isBlank() ? "" : " · " + change.detail());
    }

    String what(BookingView booking) {
        return catalogue.what(booking);
    }

    /** The deposit as the desk reads it, or empty when none was asked for. */
    String deposit(BookingView booking) {
        BookingView.Deposit deposit = booking.deposit();
        if (deposit == null) {
            return "";
        }
        boolean awaited = "unpaid".equals(deposit.status()) || "pending".equals(deposit.status());
        java.time.Instant dueAt = deposit.dueAt();
        String due = dueAt == null || !awaited
                ? ""
                : ", " + texts.get("bookings.heldUntil", when.format(dueAt.atZone(zone)));
        return Formats.money(deposit.amount(), texts.locale()) + " · " + texts.word("payment.status", deposit.status())
                + due;
    }

    /** The hours the timeline shows: the usual day, widened to every booking's start. */
    int firstHour() {
        return Math.min(FIRST_HOUR, hours().min().orElse(FIRST_HOUR));
    }

    int lastHour() {
        return Math.max(LAST_HOUR, hours().max().orElse(LAST_HOUR));
    }

    private java.util.stream.IntStream hours() {
        return columns.stream()
                .flatMap(column -> column.bookings().stream())
                .mapToInt(booking -> booking.start().atZoneSameInstant(zone).getHour());
    }

    int hourOf(BookingView booking) {
        return booking.start().atZoneSameInstant(zone).getHour();
    }

    String hourText(int hour) {
        return Formats.time(LocalTime.of(hour % 24, 0));
    }

    /** The nights of the room grid, from the chosen day: "Tue 10 Mar". */
    List<String> nights() {
        return java.util.stream.IntStream.range(0, RoomGrid.NIGHTS)
                .mapToObj(night -> shortDay.format(day.get().plusDays(night)))
                .toList();
    }

    /** "Tuesday 10 March 2026"; in the week view "Week of Mon 9 Mar – Sun 15 Mar 2026". */
    public String dayText() {
        if (view.get() == View.WEEK) {
            LocalDate monday = Week.monday(day.get());
            return texts.get(
                    "bookings.weekOf",
                    shortDay.format(monday),
                    shortDay.format(monday.plusDays(Week.DAYS - 1)) + " "
                            + monday.plusDays(Week.DAYS - 1).getYear());
        }
        return dayFormat.format(day.get());
    }

    /** "Mon 9 Mar", the heading of a day of the week view. */
    String weekDayText(LocalDate date) {
        return shortDay.format(date);
    }

    /** The hours the week view shows: the usual day, widened to every booking of the week. */
    int weekFirstHour() {
        return Math.min(FIRST_HOUR, weekHours().min().orElse(FIRST_HOUR));
    }

    int weekLastHour() {
        return Math.max(LAST_HOUR, weekHours().max().orElse(LAST_HOUR));
    }

    private java.util.stream.IntStream weekHours() {
        return week.stream().flatMap(each -> each.bookings().stream()).mapToInt(this::hourOf);
    }

    /** Whether a drag may move {@code booking}'s time: a service booking still pending or confirmed. */
    boolean movable(BookingView booking) {
        return "service".equals(booking.kind()) && MOVABLE.contains(booking.status());
    }

    /** The services the week view can show, by their names. */
    List<Catalogue.Item> services() {
        return catalogue.services();
    }

    /** A booking's status as a person reads it: "checked in", "registrada". */
    String status(String apiName) {
        return texts.word("booking.status", apiName);
    }

    public Texts texts() {
        return texts;
    }

    // --- properties ---

    public ObjectProperty<LocalDate> dayProperty() {
        return day;
    }

    public LocalDate getDay() {
        return day.get();
    }

    public ObjectProperty<View> viewProperty() {
        return view;
    }

    ObservableList<ServiceDay> columns() {
        return columns;
    }

    ObservableList<RoomLine> roomLines() {
        return roomLines;
    }

    /** The week view: Monday to Sunday of the chosen day, the bookings of {@link #weekServiceProperty()}. */
    ObservableList<Week.Day> week() {
        return week;
    }

    /** The service the week view shows (its id). */
    public StringProperty weekServiceProperty() {
        return weekService;
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<BookingView> found() {
        return found;
    }

    public ObjectProperty<@Nullable BookingView> selectedProperty() {
        return selected;
    }

    public @Nullable BookingView getSelected() {
        return selected.get();
    }

    public ObservableList<BookingChange> history() {
        return history;
    }

    public ReadOnlyObjectProperty<@Nullable BookingView> cancellingProperty() {
        return cancelling.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<@Nullable BookingForm> formProperty() {
        return form.getReadOnlyProperty();
    }

    public @Nullable BookingForm getForm() {
        return form.get();
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public String getNotice() {
        return notice.get();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public String getProblem() {
        return problem.get();
    }

    boolean allows(Move move) {
        BookingView booking = selected.get();
        return booking != null && move.allowedFor(booking);
    }

    static String nonNull(@Nullable String text) {
        return Objects.requireNonNullElse(text, "");
    }
}
