package dev.concierge.console.bookings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.api.ApiError;
import dev.concierge.api.ApiException;
import dev.concierge.api.Availability;
import dev.concierge.api.BookingChange;
import dev.concierge.api.BookingUpdate;
import dev.concierge.api.BookingView;
import dev.concierge.api.ContactDetails;
import dev.concierge.api.Money;
import dev.concierge.api.ReservationRequest;
import dev.concierge.api.RoomAvailability;
import dev.concierge.api.TimeRange;
import dev.concierge.api.VenueProfile;
import dev.concierge.console.ServerCalls;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class BookingsViewModelTest {
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    private static final LocalDate TUESDAY = LocalDate.of(2026, 3, 10);

    private final FakeBookings server = new FakeBookings();
    private final ServerCalls calls = new ServerCalls(Runnable::run, Runnable::run, () -> {});

    @Test
    void theDayStartsAtTheVenuesTodayAndEachServiceIsAColumnNamedInTheFirstLanguage() {
        server.add(slot(1, "MR-MASS", "massage-60", "2026-03-10T10:00", "confirmed"));
        server.add(slot(2, "MR-TENN", "tennis-court", "2026-03-10T17:30", "pending"));
        server.add(slot(3, "MR-WEDS", "massage-60", "2026-03-11T10:00", "confirmed"));
        BookingsViewModel model = model();

        model.refresh();

        assertEquals(TUESDAY, model.getDay(), "the venue's clock, not this machine's");
        assertEquals("Tuesday 10 March 2026", model.dayText());
        assertEquals(
                List.of("60-minute massage", "Tennis court (1 hour)"),
                model.columns().stream().map(column -> column.service().name()).toList());
        assertEquals(List.of("MR-MASS"), references(model.columns().get(0).bookings()));
        assertEquals(List.of("MR-TENN"), references(model.columns().get(1).bookings()));
        assertEquals(
                "10:00–11:00\nAna García · 2\nconfirmed",
                model.block(model.columns().get(0).bookings().get(0)));

        model.nextDay();
        assertEquals(List.of("MR-WEDS"), references(model.columns().get(0).bookings()));
        assertTrue(model.columns().get(1).bookings().isEmpty());
    }

    @Test
    void theRoomGridShowsAStayThatStartedBeforeTheDayAcrossTheNightsItStillHas() {
        server.add(stay(7, "MR-LONG", "double", "2026-03-08", "2026-03-12", "checked_in", "107"));
        server.add(stay(8, "MR-NEW1", "double", "2026-03-15", "2026-03-20", "confirmed", null));
        server.add(stay(9, "MR-GONE", "double", "2026-03-11", "2026-03-12", "cancelled", null));
        BookingsViewModel model = model();

        model.refresh();

        RoomLine room107 = line(model, "107");
        assertEquals(1, room107.stays().size());
        assertEquals(0, room107.stays().get(0).firstNight(), "shown from the grid's first night");
        assertEquals(2, room107.stays().get(0).nights(), "the nights of the 10th and 11th");
        List<RoomLine> unassigned = model.roomLines().stream()
                .filter(line -> line.kind() == RoomLine.Kind.UNASSIGNED)
                .toList();
        assertEquals(1, unassigned.size(), "the cancelled stay leaves the grid");
        assertEquals("no room yet", unassigned.get(0).label());
        StayBar later = unassigned.get(0).stays().get(0);
        assertEquals("MR-NEW1", later.booking().reference());
        assertEquals(5, later.firstNight());
        assertEquals(2, later.nights(), "cut at the grid's seventh night");
        assertEquals("Mon 16 Mar", model.nights().get(6));
    }

    @Test
    void aSpanishDeskReadsTheLaneOfStaysWithoutARoomInSpanish() {
        server.add(stay(8, "MR-NEW1", "double", "2026-03-11", "2026-03-13", "confirmed", null));
        BookingsViewModel model = new BookingsViewModel(
                new dev.concierge.console.Texts(dev.concierge.console.UiLanguage.ES), server, venue(), calls);

        model.refresh();

        assertEquals(
                List.of("sin habitación aún"),
                model.roomLines().stream()
                        .filter(line -> line.kind() == RoomLine.Kind.UNASSIGNED)
                        .map(RoomLine::label)
                        .toList());
    }

    @Test
    void theMovesOfferedAreTheOnesTheStatusAllowsAndCancelAsksFirst() {
        server.add(slot(1, "MR-PEND", "massage-60", "2026-03-10T10:00", "pending"));
        BookingsViewModel model = model();
        model.refresh();
        model.select(server.bookings.get(1L));

        assertTrue(model.allows(Move.CONFIRM));
        assertFalse(model.allows(Move.COMPLETE), "a pending slot is confirmed before it is completed");
        model.make(Move.COMPLETE);
        assertEquals("MR-PEND is pending: it cannot be marked completed.", model.getProblem());
        assertEquals(List.of(), server.moves);

        model.make(Move.CONFIRM);
        assertEquals(List.of("1:confirmed"), server.moves);
        assertEquals("MR-PEND is now confirmed.", model.getNotice());
        assertEquals("confirmed", model.getSelected().status());
        assertEquals(
                List.of("created", "confirmed"),
                model.history().stream().map(BookingChange::what).toList());

        model.make(Move.CANCEL);
        assertNotNull(model.cancellingProperty().get(), "asks first");
        model.keepBooking();
        assertEquals(List.of("1:confirmed"), server.moves, "kept");
        model.make(Move.CANCEL);
        model.confirmCancel();
        assertEquals(List.of("1:confirmed", "1:cancelled"), server.moves);
        assertEquals("cancelled", server.bookings.get(1L).status());
        assertFalse(model.allows(Move.CANCEL));
    }

    @Test
    void aRefusedMoveIsShownInTheServersWords() {
        server.add(slot(1, "MR-PEND", "massage-60", "2026-03-10T10:00", "pending"));
        server.refuseMoves = new ApiException(409, ApiError.of("bad_transition", "A completed booking cannot move."));
        BookingsViewModel model = model();
        model.refresh();
        model.select(server.bookings.get(1L));

        model.make(Move.CONFIRM);

        assertEquals("A completed booking cannot move.", model.getProblem());
    }

    @Test
    void theFormShowsWhatIsFreeAndATakenSlotOffersTheAlternativesOnePickBooks() {
        BookingsViewModel model = model();
        model.newBooking();
        BookingForm form = model.getForm();
        assertNotNull(form);
        assertEquals("massage-60", form.serviceIdProperty().get());
        assertEquals(List.of("10:00 · 2 left", "10:30 · 1 left"), texts(form.free()));
        form.pick(form.free().get(1));
        assertEquals("10:30", form.timeProperty().get());

        server.taken = true;
        form.nameProperty().set("Lena Berg");
        form.emailProperty().set("lena@example.com");
        form.save();

        assertEquals(List.of("Tue 10 Mar 11:30–12:30"), texts(form.alternatives()));
        assertEquals("That time is fully booked. The nearest free times are in alternatives.", form.getProblem());
        server.taken = false;
        form.pickAlternative(form.alternatives().get(0));

        ReservationRequest booked = server.created.get(server.created.size() - 1);
        assertEquals("2026-03-10T11:30", booked.start());
        assertEquals("confirmed", booked.status());
        assertNull(model.getForm(), "the form closes once booked");
        assertEquals("Booked MR-NEW0: 60-minute massage, Tue 10 Mar 11:30–12:30, 2 people.", model.getNotice());
        assertEquals("MR-NEW0", model.getSelected().reference());
    }

    @Test
    void aStayTheGuestBeganWithTheAssistantOpensFilledInOnItsDay() {
        BookingsViewModel model = model();

        model.newBookingFrom(
                "book_room",
                java.util.Map.of(
                        "room",
                        "double",
                        "checkIn",
                        "2026-03-12",
                        "nights",
                        "3",
                        "guests",
                        "2",
                        "name",
                        "Jon Smith",
                        "email",
                        "jon@example.com"));

        BookingForm form = model.getForm();
        assertNotNull(form);
        assertEquals(true, form.stayProperty().get());
        assertEquals("double", form.roomTypeIdProperty().get());
        assertEquals(TUESDAY.plusDays(2), form.checkInProperty().get(), "the day moved to the stay's");
        assertEquals(TUESDAY.plusDays(5), form.checkOutProperty().get(), "three nights from the check-in");
        assertEquals("2", form.partyProperty().get());
        assertEquals("Jon Smith", form.nameProperty().get());
        assertEquals("jon@example.com", form.emailProperty().get());
        assertEquals("", form.phoneProperty().get(), "not said: left empty");
    }

    @Test
    void aStayShowsTheRoomTypesFreeAndATakenOneOffersOtherDatesOnePickBooks() {
        BookingsViewModel model = model();
        model.newBooking();
        BookingForm form = model.getForm();
        form.stayProperty().set(true);
        form.checkOutProperty().set(TUESDAY.plusDays(3));
        assertEquals(List.of("Double room · 3 free · 405.00 EUR"), texts(form.free()));
        assertEquals("2026-03-10..2026-03-13 for 2", server.roomsAsked);
        form.pick(form.free().get(0));
        form.nameProperty().set("Jon Smith");
        form.phoneProperty().set("+34 600 000 000");
        server.taken = true;

        form.save();

        assertEquals(List.of("Wed 11 Mar → Sat 14 Mar"), texts(form.alternatives()));
        server.taken = false;
        form.pickAlternative(form.alternatives().get(0));
        ReservationRequest booked = server.created.get(0);
        assertEquals("double", booked.roomTypeId());
        assertEquals(LocalDate.of(2026, 3, 11), booked.checkIn());
        assertEquals(LocalDate.of(2026, 3, 14), booked.checkOut());
        assertEquals(2, booked.guests());
        assertNull(model.getForm(), form.getProblem() + " " + form.errors());
    }

    @Test
    void fieldErrorsOfTheServerAndOfTheRequestLandNextToTheirFields() {
        BookingsViewModel model = model();
        model.newBooking();
        BookingForm form = model.getForm();
        form.timeProperty().set("soon");
        form.save();
        assertEquals("start must be a time like 10:30", form.error("start"));

        form.timeProperty().set("10:00");
        form.save();
        assertEquals("name is required", form.error("contact.name", "contact"), "the request's own check");

        form.nameProperty().set("Lena Berg");
        server.refuseFields = Map.of("contact.email", "give an e-mail or a phone");
        form.save();
        assertEquals("email give an e-mail or a phone", form.error("contact.email"));
        assertEquals("Check the fields marked below.", form.getProblem());
    }

    @Test
    void aChangeSendsOnlyWhatTheFormChangesAsAPatch() {
        server.add(slot(1, "MR-MASS", "massage-60", "2026-03-10T10:00", "confirmed"));
        BookingsViewModel model = model();
        model.refresh();
        model.select(server.bookings.get(1L));
        model.changeSelected();
        BookingForm form = model.getForm();
        assertEquals("10:00", form.timeProperty().get());
        assertEquals("Ana García", form.nameProperty().get());

        form.timeProperty().set("10:30");
        form.partyProperty().set("1");
        form.save();

        BookingUpdate update = server.updates.get(0);
        assertEquals("2026-03-10T10:30", update.start());
        assertEquals(1, update.partySize());
        assertNull(update.status());
        assertEquals("Changed MR-MASS: 60-minute massage, Tue 10 Mar 10:30–11:30, 1 person.", model.getNotice());
    }

    @Test
    void anotherBookingChosenOverAnEditedFormAsksAndKeepEditingKeepsTheEdit() {
        server.add(slot(1, "MR-MASS", "massage-60", "2026-03-10T10:00", "confirmed"));
        server.add(slot(2, "MR-TENN", "tennis-court", "2026-03-10T17:30", "confirmed"));
        BookingsViewModel model = model();
        model.refresh();
        model.select(server.bookings.get(1L));
        model.changeSelected();
        BookingForm form = model.getForm();
        assertFalse(model.unsaved().isChanged(), "a form just opened holds no edits");
        form.timeProperty().set("10:30");
        assertTrue(model.unsaved().isChanged());

        model.select(server.bookings.get(2L));
        assertTrue(model.unsaved().isAsking());
        model.unsaved().keepEditing();

        assertSame(form, model.getForm());
        assertEquals("10:30", form.timeProperty().get());
        assertEquals("MR-MASS", model.getSelected().reference());

        model.closeForm();
        assertTrue(model.unsaved().isAsking(), "Escape and Cancel ask too");
        model.unsaved().keepEditing();
        model.select(server.bookings.get(2L));
        model.unsaved().discard();

        assertNull(model.getForm());
        assertEquals("MR-TENN", model.getSelected().reference());
        assertFalse(model.unsaved().isChanged());
        assertTrue(server.updates.isEmpty(), "nothing was sent");
    }

    @Test
    void aRefreshBringingTheSelectedBookingNewerLeavesAnEditedNewFormAsItIs() {
        server.add(slot(1, "MR-MASS", "massage-60", "2026-03-10T10:00", "confirmed"));
        BookingsViewModel model = model();
        model.refresh();
        model.select(server.bookings.get(1L));
        model.newBooking();
        BookingForm form = model.getForm();
        form.nameProperty().set("Lena");
        server.add(slot(1, "MR-MASS", "massage-60", "2026-03-10T10:00", "pending"));

        model.refresh();

        assertFalse(model.unsaved().isAsking(), "nobody chose another booking");
        assertSame(form, model.getForm());
        assertEquals("pending", model.getSelected().status(), "the details take the newer booking");
    }

    @Test
    void aFormPutBackAsItBeganHoldsNoEditsAndClosesWithoutAsking() {
        server.add(slot(1, "MR-MASS", "massage-60", "2026-03-10T10:00", "confirmed"));
        BookingsViewModel model = model();
        model.refresh();
        model.newBooking();
        BookingForm form = model.getForm();
        form.nameProperty().set("Lena");
        assertTrue(model.unsaved().isChanged());

        form.nameProperty().set("");
        assertFalse(model.unsaved().isChanged(), "typed and taken back");
        model.select(server.bookings.get(1L));

        assertFalse(model.unsaved().isAsking());
        assertNull(model.getForm(), "a new booking's form closes for the booking chosen");
        assertEquals("MR-MASS", model.getSelected().reference());
    }

    @Test
    void theWeekShowsOneServiceFromMondayToSundayAndMovesAWeekAtATime() {
        server.add(slot(1, "MR-MON9", "massage-60", "2026-03-09T09:00", "confirmed"));
        server.add(slot(2, "MR-TUE1", "massage-60", "2026-03-10T17:00", "confirmed"));
        server.add(slot(3, "MR-TUE0", "massage-60", "2026-03-10T10:00", "pending"));
        server.add(slot(4, "MR-SUN5", "massage-60", "2026-03-15T20:00", "confirmed"));
        server.add(slot(5, "MR-NEXT", "massage-60", "2026-03-16T10:00", "confirmed"));
        server.add(slot(6, "MR-TENN", "tennis-court", "2026-03-11T12:00", "confirmed"));
        BookingsViewModel model = model();
        model.viewProperty().set(BookingsViewModel.View.WEEK);

        model.refresh();

        assertEquals("massage-60", model.weekServiceProperty().get(), "the first service");
        assertEquals("Week of Mon 9 Mar – Sun 15 Mar 2026", model.dayText());
        List<Week.Day> week = model.week();
        assertEquals(7, week.size());
        assertEquals(LocalDate.of(2026, 3, 9), week.get(0).date(), "from the Monday of the chosen Tuesday");
        assertEquals(List.of("MR-MON9"), references(week.get(0).bookings()));
        assertEquals(List.of("MR-TUE0", "MR-TUE1"), references(week.get(1).bookings()), "by start");
        assertTrue(week.get(2).bookings().isEmpty(), "the tennis court is another service");
        assertEquals(List.of("MR-SUN5"), references(week.get(6).bookings()));
        assertEquals("Mon 9 Mar", model.weekDayText(week.get(0).date()));

        model.nextDay();
        assertEquals(LocalDate.of(2026, 3, 17), model.getDay(), "a week later");
        assertEquals(List.of("MR-NEXT"), references(model.week().get(0).bookings()));
        model.previousDay();
        model.weekServiceProperty().set("tennis-court");
        assertEquals(List.of("MR-TENN"), references(model.week().get(2).bookings()));
        model.viewProperty().set(BookingsViewModel.View.DAY);
        model.nextDay();
        assertEquals(LocalDate.of(2026, 3, 11), model.getDay(), "the day view moves a day");
    }

    @Test
    void aBarDroppedOnAnotherHourSendsTheNewStartOnlyThroughTheChangeCall() {
        server.add(slot(1, "MR-MASS", "massage-60", "2026-03-10T10:30", "confirmed"));
        BookingsViewModel model = model();
        model.refresh();

        model.moveTo(server.bookings.get(1L), TUESDAY, 12);

        BookingUpdate update = server.updates.get(0);
        assertEquals("2026-03-10T12:30", update.start(), "the hour dropped on, the minutes kept");
        assertNull(update.partySize());
        assertNull(update.contact());
        assertNull(update.notes());
        assertEquals("Moved MR-MASS: 60-minute massage, Tue 10 Mar 12:30–13:30, 2 people.", model.getNotice());
        assertEquals("MR-MASS", model.getSelected().reference());
        assertEquals(at("2026-03-10T12:30"), model.getSelected().start());

        model.moveTo(server.bookings.get(1L), TUESDAY, 12);
        assertEquals(1, server.updates.size(), "dropped where it is: nothing sent");
        model.moveTo(server.bookings.get(1L), LocalDate.of(2026, 3, 12), 9);
        assertEquals("2026-03-12T09:30", server.updates.get(1).start(), "another day of the week");
    }

    @Test
    void aDropOnATakenSlotLeavesTheBookingAndShowsTheRefusalAndAlternativesInTheForm() {
        server.add(slot(1, "MR-MASS", "massage-60", "2026-03-10T10:00", "confirmed"));
        server.refuseMoves = new ApiException(
                409,
                new ApiError(new ApiError.Detail(
                        "slot_full",
                        "That time is fully booked. The nearest free times are in alternatives.",
                        null,
                        List.of(new TimeRange(at("2026-03-10T13:00"), at("2026-03-10T14:00"))))));
        BookingsViewModel model = model();
        model.refresh();

        model.moveTo(server.bookings.get(1L), TUESDAY, 12);

        assertEquals(at("2026-03-10T10:00"), server.bookings.get(1L).start(), "where it was");
        BookingForm form = model.getForm();
        assertNotNull(form, "the change form, as a save from it shows a conflict");
        assertEquals("Change MR-MASS", form.title());
        assertEquals("12:00", form.timeProperty().get(), "the time tried");
        assertEquals("That time is fully booked. The nearest free times are in alternatives.", form.getProblem());
        assertEquals(List.of("Tue 10 Mar 13:00–14:00"), texts(form.alternatives()));
        assertEquals("MR-MASS", model.getSelected().reference());
    }

    @Test
    void shiftArrowsMoveTheSelectedBookingAnHourOrADayAndADoneOneStays() {
        server.add(slot(1, "MR-MASS", "massage-60", "2026-03-10T10:00", "confirmed"));
        server.add(slot(2, "MR-DONE", "massage-60", "2026-03-10T15:00", "completed"));
        BookingsViewModel model = model();
        model.refresh();
        model.select(server.bookings.get(1L));

        model.moveSelected(0, 1);
        assertEquals("2026-03-10T11:00", server.updates.get(0).start());
        model.moveSelected(1, 0);
        assertEquals("2026-03-11T11:00", server.updates.get(1).start());

        model.select(server.bookings.get(2L));
        model.moveSelected(0, -1);
        assertEquals(2, server.updates.size(), "nothing sent");
        assertEquals("MR-DONE is completed: its time no longer moves.", model.getProblem());
    }

    @Test
    void theSearchListsWhatMatchesAndOpeningOneChoosesItsDay() {
        server.add(slot(1, "MR-MASS", "massage-60", "2026-03-12T10:00", "confirmed"));
        BookingsViewModel model = model();
        model.queryProperty().set("ana@example.com");

        model.search();

        assertEquals(BookingsViewModel.View.FOUND, model.viewProperty().get());
        assertEquals("ana@example.com", server.searched);
        assertEquals(
                List.of("MR-MASS · Thu 12 Mar 10:00–11:00\n60-minute massage · Ana García · confirmed"),
                model.found().stream().map(model::line).toList());
        model.open(model.found().get(0));
        assertEquals(LocalDate.of(2026, 3, 12), model.getDay());
        assertEquals("MR-MASS", model.getSelected().reference());
    }

    // --- helpers ---

    private BookingsViewModel model() {
        return new BookingsViewModel(dev.concierge.console.Texts.english(), server, venue(), calls);
    }

    private static VenueProfile venue() {
        return new VenueProfile(
                "Hotel Miramar",
                "Europe/Madrid",
                "EUR",
                List.of("en", "es"),
                null,
                null,
                null,
                LocalDateTime.of(2026, 3, 10, 9, 0).atZone(MADRID).toOffsetDateTime(),
                List.of(
                        new VenueProfile.Service(
                                "massage-60",
                                Map.of("es", "Masaje de 60 minutos", "en", "60-minute massage"),
                                60,
                                8000L,
                                null),
                        new VenueProfile.Service(
                                "tennis-court", Map.of("en", "Tennis court (1 hour)"), 60, 1500L, null)),
                List.of(new VenueProfile.RoomType(
                        "double", Map.of("en", "Double room"), 2, 13500, List.of("107", "108"))),
                List.of());
    }

    private static RoomLine line(BookingsViewModel model, String number) {
        return model.roomLines().stream()
                .filter(line ->
                        line.kind() == RoomLine.Kind.NUMBER && line.label().equals(number))
                .findFirst()
                .orElseThrow();
    }

    private static List<String> references(List<BookingView> bookings) {
        return bookings.stream().map(BookingView::reference).toList();
    }

    private static List<String> texts(List<BookingForm.Choice> choices) {
        return choices.stream().map(BookingForm.Choice::text).toList();
    }

    static OffsetDateTime at(String local) {
        return LocalDateTime.parse(local).atZone(MADRID).toOffsetDateTime();
    }

    static BookingView slot(long id, String reference, String service, String start, String status) {
        return new BookingView(
                id,
                reference,
                "service",
                service,
                null,
                at(start),
                at(start).plusMinutes(60),
                2,
                status,
                new ContactDetails("Ana García", "ana@example.com", null),
                null,
                "console",
                Instant.parse("2026-03-09T08:00:00Z"),
                null,
                null,
                null);
    }

    static BookingView stay(
            long id, String reference, String type, String in, String out, String status, @Nullable String room) {
        return new BookingView(
                id,
                reference,
                "room",
                null,
                type,
                at(in + "T15:00"),
                at(out + "T11:00"),
                2,
                status,
                new ContactDetails("Jon Smith", null, "+34 600 000 000"),
                null,
                "web",
                Instant.parse("2026-03-01T08:00:00Z"),
                room,
                null,
                null);
    }

    /** The server as the screen sees it: bookings kept in a map, moves and requests written down. */
    static final class FakeBookings implements BookingsApi {
        final Map<Long, BookingView> bookings = new LinkedHashMap<>();
        final List<String> moves = new ArrayList<>();
        final List<ReservationRequest> created = new ArrayList<>();
        final List<BookingUpdate> updates = new ArrayList<>();
        boolean taken;

        @Nullable
        ApiException refuseMoves;

        @Nullable
        Map<String, String> refuseFields;

        @Nullable
        String searched;

        @Nullable
        String roomsAsked;

        void add(BookingView booking) {
            bookings.put(booking.id(), booking);
        }

        @Override
        public VenueProfile venue() {
            return BookingsViewModelTest.venue();
        }

        @Override
        public List<BookingView> bookingsStarting(LocalDate from, LocalDate to, @Nullable String service) {
            return bookings.values().stream()
                    .filter(booking -> !booking.start().toLocalDate().isBefore(from)
                            && !booking.start().toLocalDate().isAfter(to))
                    .filter(booking -> service == null
                            || service.equals(booking.serviceId())
                            || service.equals(booking.roomTypeId()))
                    .toList();
        }

        @Override
        public List<BookingView> search(String query) {
            searched = query;
            return bookings.values().stream()
                    .filter(booking -> query.equals(booking.contact().email()))
                    .toList();
        }

        @Override
        public List<BookingChange> history(long id) {
            List<BookingChange> changes = new ArrayList<>();
            changes.add(
                    new BookingChange("created", "console", "Ana Front", Instant.parse("2026-03-09T08:00:00Z"), null));
            moves.stream()
                    .filter(move -> move.startsWith(id + ":"))
                    .forEach(move -> changes.add(new BookingChange(
                            move.substring(move.indexOf(':') + 1), "console", "Ana Front", Instant.now(), null)));
            return changes;
        }

        @Override
        public Availability freeSlots(String serviceId, LocalDate day, int party) {
            return new Availability(List.of(
                    new Availability.FreeSlot(at(day + "T10:00"), at(day + "T11:00"), 2),
                    new Availability.FreeSlot(at(day + "T10:30"), at(day + "T11:30"), 1)));
        }

        @Override
        public RoomAvailability freeRooms(LocalDate checkIn, LocalDate checkOut, int guests) {
            roomsAsked = checkIn + ".." + checkOut + " for " + guests;
            return new RoomAvailability(List.of(new RoomAvailability.RoomOffer(
                    "double", "Double room", 3, new Money(13500, "EUR"), new Money(40500, "EUR"))));
        }

        @Override
        public BookingView create(ReservationRequest request) {
            if (refuseFields != null) {
                throw new ApiException(
                        400, new ApiError(new ApiError.Detail("invalid", "Check the fields.", refuseFields, null)));
            }
            if (taken && request.roomTypeId() != null) {
                throw new ApiException(
                        409,
                        new ApiError(new ApiError.Detail(
                                "no_room_free",
                                "No Double room is free for every night of that stay.",
                                null,
                                List.of(new TimeRange(at("2026-03-11T15:00"), at("2026-03-14T11:00"))))));
            }
            if (taken) {
                throw new ApiException(
                        409,
                        new ApiError(new ApiError.Detail(
                                "slot_full",
                                "That time is fully booked. The nearest free times are in alternatives.",
                                null,
                                List.of(new TimeRange(at("2026-03-10T11:30"), at("2026-03-10T12:30"))))));
            }
            created.add(request);
            long id = 100L + created.size();
            if (request.roomTypeId() != null) {
                BookingView stay = stay(
                        id,
                        "MR-NEW" + (created.size() - 1),
                        request.roomTypeId(),
                        String.valueOf(request.checkIn()),
                        String.valueOf(request.checkOut()),
                        String.valueOf(request.status()),
                        null);
                add(stay);
                return stay;
            }
            BookingView booking =
                    slot(id, "MR-NEW" + (created.size() - 1), request.serviceId(), request.start(), request.status());
            add(booking);
            return booking;
        }

        @Override
        public BookingView update(long id, BookingUpdate update) {
            if (refuseMoves != null) {
                throw refuseMoves;
            }
            BookingView old = bookings.get(id);
            BookingView changed;
            if (update.status() != null) {
                moves.add(id + ":" + update.status());
                changed = with(old, update.status(), old.start(), old.partySize());
            } else {
                updates.add(update);
                OffsetDateTime start = update.start() == null ? old.start() : at(update.start());
                changed = with(
                        old, old.status(), start, update.partySize() == null ? old.partySize() : update.partySize());
            }
            bookings.put(id, changed);
            return changed;
        }

        @Override
        public BookingView cancel(long id) {
            return update(id, BookingUpdate.status("cancelled"));
        }

        private static BookingView with(BookingView old, String status, OffsetDateTime start, int party) {
            return new BookingView(
                    old.id(),
                    old.reference(),
                    old.kind(),
                    old.serviceId(),
                    old.roomTypeId(),
                    start,
                    start.plus(java.time.Duration.between(old.start(), old.end())),
                    party,
                    status,
                    old.contact(),
                    old.notes(),
                    old.source(),
                    old.createdAt(),
                    old.roomNumber(),
                    old.contactId(),
                    old.deposit());
        }
    }
}
