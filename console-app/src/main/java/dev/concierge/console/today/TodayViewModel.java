package dev.concierge.console.today;

import dev.concierge.api.BookingView;
import dev.concierge.api.ConversationSummary;
import dev.concierge.api.Folio;
import dev.concierge.api.OrderView;
import dev.concierge.api.SyncStatus;
import dev.concierge.api.VenueProfile;
import dev.concierge.console.Catalogue;
import dev.concierge.console.Formats;
import dev.concierge.console.ServerCalls;
import dev.concierge.console.Texts;
import dev.concierge.console.VenueClock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * The day at the desk, asked for again every few seconds: arrivals (check in with a room number), departures (check
 * out after seeing the folio's balance), the day's appointments and tables by time, how many orders are open,
 * conversations waiting for a person, deliveries to outside services that failed.
 */
public final class TodayViewModel {
    private static final Set<String> ARRIVING = Set.of("pending", "confirmed");
    private static final Set<String> OPEN_ORDERS = Set.of("new", "accepted", "preparing");

    /** Everything one refresh reads, asked for together off the FX thread. */
    record Day(
            LocalDate date,
            Catalogue catalogue,
            List<BookingView> starting,
            List<BookingView> inHouse,
            int newOrders,
            int openOrders,
            List<ConversationSummary> waiting,
            SyncStatus sync) {}

    private final Texts texts;
    private final TodayApi api;
    private final ZoneId zone;
    private final ServerCalls calls;
    private final Runnable openOrdersScreen;

    private final ReadOnlyStringWrapper dateText = new ReadOnlyStringWrapper(this, "dateText", "");
    private final ObservableList<TodayItem> arrivals = FXCollections.observableArrayList();
    private final ObservableList<TodayItem> departures = FXCollections.observableArrayList();
    private final ObservableList<TodayItem> appointments = FXCollections.observableArrayList();
    private final ObservableList<TodayItem> conversations = FXCollections.observableArrayList();
    private final ObservableList<TodayItem> syncProblems = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper openOrders = new ReadOnlyIntegerWrapper(this, "openOrders");
    private final ReadOnlyStringWrapper ordersText = new ReadOnlyStringWrapper(this, "ordersText", "");
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper(this, "details", "");
    private final ReadOnlyObjectWrapper<@Nullable TodayItem> checkingIn =
            new ReadOnlyObjectWrapper<>(this, "checkingIn");
    private final StringProperty roomNumber = new SimpleStringProperty(this, "roomNumber", "");
    private final ObservableList<String> roomChoices = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<@Nullable TodayItem> checkingOut =
            new ReadOnlyObjectWrapper<>(this, "checkingOut");
    private final ReadOnlyStringWrapper folioText = new ReadOnlyStringWrapper(this, "folioText", "");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final javafx.beans.property.ReadOnlyBooleanWrapper folioRead =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "folioRead");
    private boolean refreshing;
    private @Nullable Folio folio;
    private @Nullable Day shown;

    /**
     * @param zone the venue's time zone ({@code GET /api/venue}): how times are shown
     * @param openOrdersScreen shows the order queue
     */
    public TodayViewModel(Texts texts, TodayApi api, ZoneId zone, ServerCalls calls, Runnable openOrdersScreen) {
        this.texts = texts;
        this.api = api;
        this.zone = zone;
        this.calls = calls;
        this.openOrdersScreen = openOrdersScreen;
    }

    /**
     * Reads the day again, "today" by the server's clock ({@code GET /api/venue}, asked each time: the day turns over
     * at the venue's midnight); a refresh still waiting for its answer is not asked twice.
     */
    public void refresh() {
        if (refreshing) {
            return;
        }
        refreshing = true;
        calls.call(this::read, this::show, why -> {
            refreshing = false;
            problem.set(texts.get("today.notLoaded", why));
        });
    }

    private Day read() {
        VenueProfile venue = api.venue();
        LocalDate today = VenueClock.today(venue);
        List<OrderView> fresh = api.orders("new");
        int open = fresh.size()
                + api.orders("accepted").size()
                + api.orders("preparing").size();
        return new Day(
                today,
                new Catalogue(venue, texts.language().code()),
                api.bookingsStarting(today),
                api.staysInHouse(),
                fresh.size(),
                open,
                api.waitingForAPerson(),
                api.deadDeliveries());
    }

    private void show(Day day) {
        refreshing = false;
        shown = day;
        Catalogue catalogue = day.catalogue();
        problem.set("");
        dateText.set(day.date()
                .format(java.time.format.DateTimeFormatter.ofPattern(texts.get("today.datePattern"), texts.locale())));
        replace(
                arrivals,
                day.starting().stream()
                        .filter(b -> b.kind().equals("room") && !b.status().equals("cancelled"))
                        .map(stay -> arrival(stay, catalogue))
                        .toList());
        replace(
                departures,
                day.inHouse().stream()
                        .filter(b -> b.kind().equals("room")
                                && !b.end().toLocalDate().isAfter(day.date()))
                        .sorted(Comparator.comparing(BookingView::end))
                        .map(b -> departure(b, day.date(), catalogue))
                        .toList());
        replace(
                appointments,
                day.starting().stream()
                        .filter(b -> b.kind().equals("service") && !b.status().equals("cancelled"))
                        .sorted(Comparator.comparing(BookingView::start))
                        .map(slot -> appointment(slot, catalogue))
                        .toList());
        openOrders.set(day.openOrders());
        ordersText.set(
                day.openOrders() == 0
                        ? texts.get("today.noOpenOrders")
                        : texts.get("today.openOrders", day.openOrders(), day.newOrders()));
        replace(conversations, day.waiting().stream().map(this::conversation).toList());
        replace(syncProblems, syncProblems(day.sync()));
    }

    /** Only a list that changed is replaced, so a list that did not keeps its selection. */
    private static void replace(ObservableList<TodayItem> shown, List<TodayItem> fresh) {
        if (!shown.equals(fresh)) {
            shown.setAll(fresh);
        }
    }

    private TodayItem arrival(BookingView stay, Catalogue catalogue) {
        String status = ARRIVING.contains(stay.status())
                ? status(stay.status())
                : status(stay.status()) + (stay.roomNumber() == null ? "" : " · " + room(stay.roomNumber()));
        return new TodayItem(
                stay.id(),
                stay.reference(),
                stay.contact().name(),
                stay.reference() + " · " + roomName(stay, catalogue) + " · " + nights(stay) + " · " + status,
                stayDetails(stay, catalogue));
    }

    private TodayItem departure(BookingView stay, LocalDate today, Catalogue catalogue) {
        String when = stay.end().toLocalDate().isBefore(today)
                ? texts.get("today.wasDue", stay.end().toLocalDate().toString())
                : texts.get("today.leavesToday");
        return new TodayItem(
                stay.id(),
                stay.reference(),
                stay.contact().name() + (stay.roomNumber() == null ? "" : " · " + room(stay.roomNumber())),
                stay.reference() + " · " + when,
                stayDetails(stay, catalogue));
    }

    private TodayItem appointment(BookingView slot, Catalogue catalogue) {
        String what = catalogue.serviceName(Objects.requireNonNull(slot.serviceId(), "service"));
        return new TodayItem(
                slot.id(),
                slot.reference(),
                Formats.time(slot.start()) + " " + what,
                slot.contact().name() + " · " + people(slot.partySize()) + " · " + status(slot.status()),
                String.join(
                        "\n",
                        slot.reference() + ": " + what + ", " + Formats.time(slot.start()) + "–"
                                + Formats.time(slot.end()),
                        contactLine(slot),
                        people(slot.partySize()) + ", " + status(slot.status()) + ", "
                                + texts.get("today.bookedThrough", slot.source()),
                        notes(slot)));
    }

    private TodayItem conversation(ConversationSummary conversation) {
        String last = conversation.lastMessage() == null ? texts.get("today.noMessage") : conversation.lastMessage();
        return new TodayItem(
                null,
                conversation.id(),
                texts.get("today.waitingSince", Formats.time(conversation.lastMessageAt(), zone)) + " · "
                        + conversation.channel(),
                last,
                texts.get(
                        "today.conversation",
                        conversation.id(),
                        conversation.channel()
                                + (conversation.language() == null ? "" : ", " + conversation.language()),
                        last));
    }

    private List<TodayItem> syncProblems(SyncStatus sync) {
        Stream<TodayItem> connectors = sync.connectors().stream()
                .filter(c -> c.state().equals("failing") || c.state().equals("retrying"))
                .map(c -> new TodayItem(
                        null,
                        c.name(),
                        texts.get("today.connectorIs", c.name(), texts.word("sync.state", c.state())),
                        texts.get("today.connectorCounts", c.dead(), c.pending()),
                        texts.get(
                                        "today.connectorDetails",
                                        c.name(),
                                        texts.word("sync.state", c.state()),
                                        c.dead(),
                                        c.pending())
                                + (c.lastError() == null ? "" : "\n" + texts.get("today.lastError", c.lastError()))));
        Stream<TodayItem> dead = sync.deliveries().stream()
                .filter(d -> d.status().equals("dead"))
                .map(d -> new TodayItem(
                        null,
                        d.aggregateId(),
                        texts.get("today.delivery", d.eventType(), d.aggregateId(), d.connector()),
                        texts.get("today.failedAfter", d.attempts()),
                        texts.get(
                                        "today.deliveryDetails",
                                        d.eventType(),
                                        d.aggregateId(),
                                        d.connector(),
                                        d.attempts(),
                                        Formats.time(d.occurredAt(), zone))
                                + (d.lastError() == null ? "" : "\n" + texts.get("today.lastError", d.lastError()))));
        return Stream.concat(connectors, dead).toList();
    }

    private static String roomName(BookingView stay, Catalogue catalogue) {
        return catalogue.roomName(Objects.requireNonNull(stay.roomTypeId(), "room type"));
    }

    private String stayDetails(BookingView stay, Catalogue catalogue) {
        return String.join(
                "\n",
                stay.reference() + ": " + roomName(stay, catalogue) + ", "
                        + texts.get(
                                "today.stayDates",
                                stay.start().toLocalDate().toString(),
                                stay.end().toLocalDate().toString(),
                                nights(stay)),
                contactLine(stay),
                people(stay.partySize()) + ", " + status(stay.status())
                        + (stay.roomNumber() == null ? "" : ", " + room(stay.roomNumber())),
                notes(stay));
    }

    private String nights(BookingView stay) {
        long nights = java.time.temporal.ChronoUnit.DAYS.between(
                stay.start().toLocalDate(), stay.end().toLocalDate());
        return texts.get("count.nights", nights);
    }

    private String people(int count) {
        return texts.get("count.people", count);
    }

    private String room(String number) {
        return texts.get("today.room", number);
    }

    private String status(String apiName) {
        return texts.word("booking.status", apiName);
    }

    private static String contactLine(BookingView booking) {
        return Stream.of(
                        booking.contact().name(),
                        booking.contact().email(),
                        booking.contact().phone())
                .filter(Objects::nonNull)
                .collect(Collectors.joining(" · "));
    }

    private String notes(BookingView booking) {
        return booking.notes() == null || booking.notes().isBlank()
                ? texts.get("today.noNotes")
                : texts.get("today.notes", booking.notes());
    }

    public Texts texts() {
        return texts;
    }

    /** Shows an item's details (any section). */
    public void open(@Nullable TodayItem item) {
        details.set(item == null ? "" : item.details());
    }

    /** Jumps to the order queue. */
    public void openOrders() {
        openOrdersScreen.run();
    }

    /** Asks for the room number of an arrival; {@link #confirmCheckIn} checks it in. */
    public void askToCheckIn(@Nullable TodayItem arrival) {
        if (arrival == null || arrival.bookingId() == null) {
            problem.set(texts.get("today.selectArrival"));
            return;
        }
        checkingOut.set(null);
        problem.set("");
        List<String> free = freeRooms(arrival.bookingId());
        roomChoices.setAll(free);
        roomNumber.set(free.isEmpty() ? "" : free.get(0));
        open(arrival);
        checkingIn.set(arrival);
    }

    /**
     * The room labels the venue lists for the stay's room type, less those of the guests in the house, in the venue's
     * order; empty when the venue lists none (any label is accepted then).
     */
    private List<String> freeRooms(long stayId) {
        Day day = shown;
        if (day == null) {
            return List.of();
        }
        Set<String> taken = day.inHouse().stream()
                .map(BookingView::roomNumber)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
        return day.starting().stream()
                .filter(stay -> stay.id() == stayId && stay.roomTypeId() != null)
                .findFirst()
                .map(stay -> day.catalogue().roomNumbers(Objects.requireNonNull(stay.roomTypeId())).stream()
                        .filter(number -> !taken.contains(number))
                        .toList())
                .orElse(List.of());
    }

    public void confirmCheckIn() {
        TodayItem arrival = checkingIn.get();
        String room = roomNumber.get().strip();
        if (arrival == null || arrival.bookingId() == null) {
            return;
        }
        if (room.isEmpty()) {
            problem.set(texts.get("today.giveRoom", arrival.title()));
            return;
        }
        long id = arrival.bookingId();
        problem.set("");
        calls.call(
                () -> api.checkIn(id, room),
                stay -> {
                    checkingIn.set(null);
                    notice.set(texts.get("today.checkedIn", arrival.title(), stay.roomNumber()));
                    refresh();
                },
                problem::set);
    }

    /** Reads a departure's folio and shows its balance; {@link #confirmCheckOut} checks the guest out. */
    public void askToCheckOut(@Nullable TodayItem departure) {
        if (departure == null || departure.bookingId() == null) {
            problem.set(texts.get("today.selectDeparture"));
            return;
        }
        long id = departure.bookingId();
        checkingIn.set(null);
        problem.set("");
        forgetFolio();
        folioText.set(texts.get("today.readingFolio"));
        open(departure);
        checkingOut.set(departure);
        calls.call(() -> api.folio(id), read -> showFolio(departure, read), why -> {
            folioText.set("");
            problem.set(texts.get("today.folioNotRead", why));
        });
    }

    private void showFolio(TodayItem departure, Folio read) {
        if (checkingOut.get() != departure) {
            return;
        }
        folio = read;
        folioRead.set(true);
        int charges = read.charges().size();
        folioText.set(
                read.outstanding().amount() == 0
                        ? texts.get("today.nothingOutstanding", charges, Formats.money(read.total(), texts.locale()))
                        : texts.get(
                                "today.outstanding",
                                Formats.money(read.outstanding(), texts.locale()),
                                Formats.money(read.total(), texts.locale()),
                                charges));
    }

    public void confirmCheckOut() {
        TodayItem departure = checkingOut.get();
        if (departure == null || departure.bookingId() == null || folio == null) {
            return;
        }
        long id = departure.bookingId();
        calls.call(
                () -> api.checkOut(id),
                stay -> {
                    checkingOut.set(null);
                    forgetFolio();
                    notice.set(texts.get("today.checkedOut", departure.title()));
                    refresh();
                },
                problem::set);
    }

    /** Leaves a check-in or check-out unfinished. */
    public void back() {
        checkingIn.set(null);
        checkingOut.set(null);
        forgetFolio();
    }

    private void forgetFolio() {
        folio = null;
        folioRead.set(false);
    }

    /** Whether the departure's folio has been read: only then can it be checked out. */
    public javafx.beans.property.ReadOnlyBooleanProperty folioReadProperty() {
        return folioRead.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty dateTextProperty() {
        return dateText.getReadOnlyProperty();
    }

    public ObservableList<TodayItem> arrivals() {
        return arrivals;
    }

    public ObservableList<TodayItem> departures() {
        return departures;
    }

    public ObservableList<TodayItem> appointments() {
        return appointments;
    }

    public ObservableList<TodayItem> conversations() {
        return conversations;
    }

    public ObservableList<TodayItem> syncProblems() {
        return syncProblems;
    }

    public ReadOnlyIntegerProperty openOrdersProperty() {
        return openOrders.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty ordersTextProperty() {
        return ordersText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<@Nullable TodayItem> checkingInProperty() {
        return checkingIn.getReadOnlyProperty();
    }

    public StringProperty roomNumberProperty() {
        return roomNumber;
    }

    /** The free rooms an arrival may be given, when the venue lists its room numbers; else empty (free text). */
    public ObservableList<String> roomChoices() {
        return roomChoices;
    }

    public ReadOnlyObjectProperty<@Nullable TodayItem> checkingOutProperty() {
        return checkingOut.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty folioTextProperty() {
        return folioText.getReadOnlyProperty();
    }

    public String getFolioText() {
        return folioText.get();
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
}
