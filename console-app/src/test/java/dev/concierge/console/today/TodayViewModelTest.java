package dev.concierge.console.today;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.api.BookingView;
import dev.concierge.api.ContactDetails;
import dev.concierge.api.ConversationSummary;
import dev.concierge.api.Folio;
import dev.concierge.api.Money;
import dev.concierge.api.OrderView;
import dev.concierge.api.SyncStatus;
import dev.concierge.api.VenueProfile;
import dev.concierge.console.ServerCalls;
import dev.concierge.console.TestVenues;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class TodayViewModelTest {
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    private final FakeDay server = new FakeDay();
    private final AtomicInteger ordersOpened = new AtomicInteger();
    private final TodayViewModel model = new TodayViewModel(
            dev.concierge.console.Texts.english(),
            server,
            MADRID,
            new ServerCalls(Runnable::run, Runnable::run, () -> {}),
            ordersOpened::incrementAndGet);

    @Test
    void asksForTheVenuesTodayAndSortsItIntoSections() {
        server.add(stay(1, "MR-ARR1", "confirmed", TODAY, TODAY.plusDays(2), null));
        server.add(stay(2, "MR-CNCL", "cancelled", TODAY, TODAY.plusDays(1), null));
        server.add(slot(3, "MR-DIN1", "dinner", TODAY.atTime(20, 0), 4));
        server.add(slot(4, "MR-SPA1", "massage-60", TODAY.atTime(10, 0), 1));
        server.add(stay(5, "MR-DEP1", "checked_in", TODAY.minusDays(2), TODAY, "204"));
        server.add(stay(6, "MR-LATE", "checked_in", TODAY.minusDays(3), TODAY.minusDays(1), "301"));
        server.add(stay(7, "MR-STAY", "checked_in", TODAY.minusDays(1), TODAY.plusDays(3), "105"));
        server.openOrders = Map.of("new", 2, "accepted", 1, "preparing", 1);
        server.waiting.add(new ConversationSummary(
                "c-1",
                "web",
                "handoff",
                "es",
                Instant.parse("2026-03-10T07:45:00Z"),
                "Quiero hablar con alguien",
                null));

        model.refresh();

        assertEquals(TODAY, server.askedDay);
        assertEquals("Tuesday 10 March 2026", model.dateTextProperty().get());
        assertEquals(List.of("MR-ARR1"), references(model.arrivals()));
        assertEquals(
                "MR-ARR1 · Double room · 2 nights · confirmed",
                model.arrivals().get(0).subtitle());
        assertEquals(List.of("MR-LATE", "MR-DEP1"), references(model.departures()), "the overdue one first");
        assertEquals("MR-LATE · was due 2026-03-09", model.departures().get(0).subtitle());
        assertEquals("Guest 5 · room 204", model.departures().get(1).title());
        assertEquals(List.of("MR-SPA1", "MR-DIN1"), references(model.appointments()), "by time");
        assertEquals("10:00 60-minute massage", model.appointments().get(0).title(), "the catalogue's name");
        assertEquals("4 open orders, 2 new.", model.ordersTextProperty().get());
        assertEquals("Waiting since 08:45 · web", model.conversations().get(0).title());
        assertEquals(List.of(), model.syncProblems());
    }

    @Test
    void todayIsTheServersDayNotThisComputers() {
        server.now = OffsetDateTime.parse("2026-03-11T00:30+01:00");
        server.add(stay(1, "MR-ARR1", "confirmed", TODAY.plusDays(1), TODAY.plusDays(2), null));

        model.refresh();

        assertEquals(TODAY.plusDays(1), server.askedDay, "past the venue's midnight");
        assertEquals("Wednesday 11 March 2026", model.dateTextProperty().get());
        assertEquals(List.of("MR-ARR1"), references(model.arrivals()));
    }

    @Test
    void aRoomTypeWithoutListedNumbersTakesAnyLabel() {
        server.add(booking(
                1,
                "MR-ARR1",
                "room",
                null,
                "cabin",
                TODAY.atTime(15, 0),
                TODAY.atTime(11, 0).plusDays(1),
                2,
                "confirmed",
                null));
        model.refresh();

        model.askToCheckIn(model.arrivals().get(0));

        assertEquals(List.of(), model.roomChoices());
        assertEquals("", model.roomNumberProperty().get());
        assertEquals(
                "MR-ARR1 · cabin · 1 night · confirmed", model.arrivals().get(0).subtitle());
    }

    @Test
    void showsTheDetailsOfASelectedItem() {
        server.add(slot(3, "MR-DIN1", "dinner", TODAY.atTime(20, 0), 4));
        model.refresh();

        model.open(model.appointments().get(0));

        assertEquals(
                "MR-DIN1: Dinner table, 20:00–21:30\nGuest 3 · guest3@example.com\n4 people, confirmed, booked through"
                        + " console\nNo notes.",
                model.detailsProperty().get());
    }

    @Test
    void checkInAsksTheRoomNumberFirst() {
        server.add(stay(1, "MR-ARR1", "confirmed", TODAY, TODAY.plusDays(2), null));
        server.add(stay(7, "MR-STAY", "checked_in", TODAY.minusDays(1), TODAY.plusDays(3), "105"));
        model.refresh();
        TodayItem arrival = model.arrivals().get(0);

        model.askToCheckIn(arrival);
        assertEquals(arrival, model.checkingInProperty().get());
        assertEquals(List.of("107", "108", "109"), model.roomChoices(), "the double rooms, less 105 in use");
        assertEquals("107", model.roomNumberProperty().get(), "the first free one, chosen");
        model.roomNumberProperty().set(" ");
        model.confirmCheckIn();
        assertEquals("Give the room number to check Guest 1 in.", model.getProblem());
        assertTrue(server.checkIns.isEmpty());

        model.roomNumberProperty().set(" 108 ");
        model.confirmCheckIn();

        assertEquals(List.of("1 → 108"), server.checkIns);
        assertNull(model.checkingInProperty().get());
        assertEquals("Guest 1 is checked in to room 108.", model.getNotice());
        assertEquals(
                "MR-ARR1 · Double room · 2 nights · checked in · room 108",
                model.arrivals().get(0).subtitle());
    }

    @Test
    void checkOutShowsTheFoliosBalanceBeforeItChecksOut() {
        server.add(stay(5, "MR-DEP1", "checked_in", TODAY.minusDays(2), TODAY, "204"));
        server.outstanding = 2350;
        model.refresh();

        model.askToCheckOut(model.departures().get(0));

        assertEquals("23.50 EUR outstanding of 23.50 EUR (1 charge); checking out settles it.", model.getFolioText());
        assertTrue(model.folioReadProperty().get());
        assertTrue(server.checkOuts.isEmpty(), "nothing is checked out before it is confirmed");

        model.confirmCheckOut();
        assertEquals(List.of(5L), server.checkOuts);
        assertEquals("Guest 5 · room 204 is checked out.", model.getNotice());
        assertEquals(List.of(), model.departures());
        assertFalse(model.folioReadProperty().get());
    }

    @Test
    void backLeavesACheckInUnfinished() {
        server.add(stay(1, "MR-ARR1", "confirmed", TODAY, TODAY.plusDays(2), null));
        model.refresh();

        model.askToCheckIn(model.arrivals().get(0));
        model.back();

        assertNull(model.checkingInProperty().get());
        assertTrue(server.checkIns.isEmpty());
    }

    @Test
    void namesTheOutsideServicesThatFail() {
        server.sync = new SyncStatus(
                List.of(
                        new SyncStatus.Connector("n8n", "failing", 0, 1, null, null, "HTTP 410 from the receiver"),
                        new SyncStatus.Connector("stripe", "ok", 0, 0, null, null, null)),
                List.of(new SyncStatus.Delivery(
                        9,
                        "n8n",
                        "booking.created",
                        "MR-ARR1",
                        "dead",
                        5,
                        null,
                        "HTTP 410 from the receiver",
                        Instant.parse("2026-03-10T07:00:00Z"),
                        null)));

        model.refresh();

        assertEquals(
                List.of("n8n is failing", "booking.created MR-ARR1 to n8n"),
                model.syncProblems().stream().map(TodayItem::title).toList());
        model.open(model.syncProblems().get(1));
        assertEquals(
                "booking.created of MR-ARR1 to n8n: failed for good after 5 attempts, at 08:00\n"
                        + "Last error: HTTP 410 from the receiver",
                model.detailsProperty().get());
    }

    @Test
    void theOrdersSectionJumpsToTheQueue() {
        model.openOrders();

        assertEquals(1, ordersOpened.get());
    }

    private static List<String> references(List<TodayItem> items) {
        return items.stream().map(TodayItem::reference).toList();
    }

    private static BookingView stay(
            long id, String reference, String status, LocalDate in, LocalDate out, @Nullable String room) {
        return booking(id, reference, "room", null, "double", in.atTime(15, 0), out.atTime(11, 0), 2, status, room);
    }

    private static BookingView slot(long id, String reference, String service, LocalDateTime start, int party) {
        return booking(id, reference, "service", service, null, start, start.plusMinutes(90), party, "confirmed", null);
    }

    private static BookingView booking(
            long id,
            String reference,
            String kind,
            @Nullable String serviceId,
            @Nullable String roomTypeId,
            LocalDateTime start,
            LocalDateTime end,
            int party,
            String status,
            @Nullable String room) {
        return new BookingView(
                id,
                reference,
                kind,
                serviceId,
                roomTypeId,
                offset(start),
                offset(end),
                party,
                status,
                new ContactDetails("Guest " + id, "guest" + id + "@example.com", null),
                null,
                "console",
                Instant.parse("2026-03-01T10:00:00Z"),
                room,
                null,
                null);
    }

    private static OffsetDateTime offset(LocalDateTime local) {
        return local.atZone(MADRID).toOffsetDateTime();
    }

    private static BookingView withStatus(BookingView b, String status, @Nullable String room) {
        return new BookingView(
                b.id(),
                b.reference(),
                b.kind(),
                b.serviceId(),
                b.roomTypeId(),
                b.start(),
                b.end(),
                b.partySize(),
                status,
                b.contact(),
                b.notes(),
                b.source(),
                b.createdAt(),
                room,
                b.contactId(),
                b.deposit());
    }

    /** A day's bookings as the server keeps them, for the calls of the Today screen. */
    private static final class FakeDay implements TodayApi {
        final Map<Long, BookingView> bookings = new LinkedHashMap<>();
        final List<ConversationSummary> waiting = new ArrayList<>();
        final List<String> checkIns = new ArrayList<>();
        final List<Long> checkOuts = new ArrayList<>();
        Map<String, Integer> openOrders = Map.of();
        SyncStatus sync = new SyncStatus(List.of(), List.of());
        long outstanding;
        OffsetDateTime now = OffsetDateTime.parse("2026-03-10T09:00+01:00");

        @Nullable
        LocalDate askedDay;

        void add(BookingView booking) {
            bookings.put(booking.id(), booking);
        }

        @Override
        public VenueProfile venue() {
            return TestVenues.miramar(now);
        }

        @Override
        public List<BookingView> bookingsStarting(LocalDate day) {
            askedDay = day;
            return bookings.values().stream()
                    .filter(b -> b.start().toLocalDate().equals(day))
                    .toList();
        }

        @Override
        public List<BookingView> staysInHouse() {
            return bookings.values().stream()
                    .filter(b -> b.status().equals("checked_in"))
                    .toList();
        }

        @Override
        public List<OrderView> orders(String status) {
            int count = openOrders.getOrDefault(status, 0);
            List<OrderView> orders = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                orders.add(new OrderView(
                        i,
                        "MR-O" + i,
                        List.of(),
                        new Money(100, "EUR"),
                        status,
                        new OrderView.Payment("desk", "unpaid", null),
                        null,
                        null,
                        null,
                        null,
                        "console",
                        Instant.EPOCH,
                        null,
                        null));
            }
            return orders;
        }

        @Override
        public List<ConversationSummary> waitingForAPerson() {
            return waiting;
        }

        @Override
        public SyncStatus deadDeliveries() {
            return sync;
        }

        @Override
        public Folio folio(long stayId) {
            Money amount = new Money(outstanding, "EUR");
            return new Folio(
                    stayId,
                    bookings.get(stayId).roomNumber(),
                    List.of(new Folio.Charge(1, "MR-ORD1", Instant.EPOCH, "2 × Club sandwich", amount, "delivered")),
                    amount,
                    amount);
        }

        @Override
        public BookingView checkIn(long stayId, String roomNumber) {
            checkIns.add(stayId + " → " + roomNumber);
            BookingView stay = withStatus(bookings.get(stayId), "checked_in", roomNumber);
            bookings.put(stayId, stay);
            return stay;
        }

        @Override
        public BookingView checkOut(long stayId) {
            checkOuts.add(stayId);
            BookingView stay = bookings.get(stayId);
            bookings.put(stayId, withStatus(stay, "checked_out", stay.roomNumber()));
            return stay;
        }
    }
}
