package dev.concierge.booking;

import static dev.concierge.jooq.Tables.BOOKING;
import static dev.concierge.jooq.Tables.BOOKING_CHANGE;
import static dev.concierge.jooq.Tables.ROOM_TYPE;
import static dev.concierge.jooq.Tables.SERVICE;

import dev.concierge.api.BookingChange;
import dev.concierge.api.BookingUpdate;
import dev.concierge.api.BookingView;
import dev.concierge.api.ContactDetails;
import dev.concierge.api.InvalidFieldsException;
import dev.concierge.api.Money;
import dev.concierge.api.ReservationRequest;
import dev.concierge.api.RoomAvailability;
import dev.concierge.api.TimeRange;
import dev.concierge.common.Channel;
import dev.concierge.common.DomainException;
import dev.concierge.common.Failure;
import dev.concierge.common.References;
import dev.concierge.crm.ContactKeys;
import dev.concierge.crm.ContactService;
import dev.concierge.jooq.tables.records.BookingRecord;
import dev.concierge.outbox.OutboxRepository;
import dev.concierge.payment.CardPayments;
import dev.concierge.payment.PaymentStatuses;
import dev.concierge.venue.VenueFile;
import dev.concierge.venue.VenueService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.TransactionalCallable;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Books service slots, never beyond capacity: the check and the insert happen in one transaction that first locks
 * the service's row, so bookings of one service are decided one at a time (docs/adr/0004).
 */
public final class BookingService {
    private static final Logger log = LoggerFactory.getLogger(BookingService.class);
    /** Statuses that hold capacity; a cancelled booking or a no-show frees its place. */
    public static final List<String> HOLDING =
            List.of("pending", "confirmed", "checked_in", "checked_out", "completed");

    /** How many nearest free slots a refusal proposes, and how many days ahead it looks. */
    static final int ALTERNATIVES = 3;

    static final int ALTERNATIVE_DAYS = 14;

    /** Allowed status moves, by kind and current status. */
    private static final java.util.Map<String, List<String>> TRANSITIONS = java.util.Map.of(
            "service:pending", List.of("confirmed", "cancelled", "no_show"),
            "service:confirmed", List.of("completed", "cancelled", "no_show"),
            "room:pending", List.of("confirmed", "cancelled", "no_show"),
            "room:confirmed", List.of("checked_in", "cancelled", "no_show"),
            "room:checked_in", List.of("checked_out"));

    private static final Instant BEGINNING = Instant.EPOCH;

    /** Guests arrive from and leave by these venue-local times; the dates decide the nights. */
    static final LocalTime CHECK_IN_TIME = LocalTime.of(15, 0);

    static final LocalTime CHECK_OUT_TIME = LocalTime.of(11, 0);

    static final int MAX_NIGHTS = 90;

    private final DSLContext dsl;
    private final VenueService venues;
    private final OutboxRepository outbox;
    private final Clock clock;
    private final BookingRepository repository;
    private final OccupancyRepository occupancy;
    private final ContactService contacts;
    private final StayCheckOut checkOut;
    private final BusyTimes busy;
    private final CardPayments cards;

    /** How long a booking waiting for its deposit holds its place before it is cancelled. */
    public static final Duration DEPOSIT_HOLD = Duration.ofMinutes(30);

    /** What else happens in a stay's check-out transaction (the orders feature settles the room's folio). */
    @FunctionalInterface
    public interface StayCheckOut {
        void checkedOut(DSLContext tx, long stayId, Channel channel, @Nullable Long staffId);
    }

    public BookingService(
            DSLContext dsl,
            VenueService venues,
            ContactService contacts,
            OutboxRepository outbox,
            Clock clock,
            StayCheckOut checkOut) {
        this(dsl, venues, contacts, outbox, clock, checkOut, BusyTimes.NONE);
    }

    /** @param busy times blocked outside Concierge, which no service slot may take */
    public BookingService(
            DSLContext dsl,
            VenueService venues,
            ContactService contacts,
            OutboxRepository outbox,
            Clock clock,
            StayCheckOut checkOut,
            BusyTimes busy) {
        this(dsl, venues, contacts, outbox, clock, checkOut, busy, CardPayments.NONE);
    }

    /** @param cards takes the deposits that services and room types ask of guests booking online */
    public BookingService(
            DSLContext dsl,
            VenueService venues,
            ContactService contacts,
            OutboxRepository outbox,
            Clock clock,
            StayCheckOut checkOut,
            BusyTimes busy,
            CardPayments cards) {
        this.busy = busy;
        this.cards = cards;
        this.dsl = dsl;
        this.contacts = contacts;
        this.checkOut = checkOut;
        this.repository = new BookingRepository(dsl);
        this.occupancy = new OccupancyRepository(dsl);
        this.venues = venues;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The free slots of {@code serviceId} on {@code day} for a party of {@code partySize}. */
    public List<Slot> freeSlots(String serviceId, LocalDate day, int partySize) {
        VenueFile venue = venues.venue();
        VenueFile.Service service = service(venue, serviceId);
        checkParty(service, partySize);
        return new ServiceAvailability(venue, service, busyAround(serviceId, day, 0))
                .freeSlots(day, partySize, clock.instant(), occupancy.on(dsl, serviceId, day, null));
    }

    public ZoneId zone() {
        return venues.venue().venue().timezone();
    }

    /**
     * Books a service slot. Refuses with 404 for an unknown service, 422 for a start that is not bookable (closed,
     * past, not one of the service's start times, party too large) and 409 with the nearest free starts when the
     * slot is full.
     */
    public BookingView book(ReservationRequest request, Channel source, @Nullable Long staffId) {
        return book(request, source, staffId, null);
    }

    /**
     * Books once per {@code requestKey}: asked again with the same key (a repeated "yes", a retried request), it
     * answers the booking made the first time instead of making another.
     */
    public BookingView book(
            ReservationRequest request, Channel source, @Nullable Long staffId, @Nullable String requestKey) {
        return book(request, source, staffId, requestKey, null);
    }

    /**
     * A guest's booking from the venue's own booking page: as {@link #book}, except that where the service or room
     * type asks for a deposit and card payments are set up, the booking is {@code pending}, holds its place for
     * {@link #DEPOSIT_HOLD}, and the answer carries the deposit's client secret for the page to complete. It is
     * confirmed when the deposit is paid ({@link DepositService}), cancelled when the hold runs out unpaid.
     */
    public BookingView bookWithDeposit(ReservationRequest request, Channel source) {
        VenueFile venue = venues.venue();
        Long deposit = request.serviceId() != null
                ? service(venue, request.serviceId()).deposit()
                : roomType(venue, Objects.requireNonNull(request.roomTypeId())).deposit();
        if (deposit == null || !cards.available()) {
            return book(request, source, null);
        }
        return startDeposit(book(request, source, null, null, deposit));
    }

    /**
     * A booking the assistant commits after the guest's yes. At a kiosk, where the service or room type asks for a
     * deposit and card payments are set up, it is {@code pending} with the deposit {@code unpaid}, holding its place
     * for {@link #DEPOSIT_HOLD} while the guest pays at the card reader ({@link DepositService#collectAtReader}). A
     * website chat cannot take a card, so there it is confirmed as the desk's bookings are.
     */
    public BookingView bookFromChat(ReservationRequest request, Channel channel, @Nullable String requestKey) {
        Long deposit = depositInChat(channel, request.serviceId(), request.roomTypeId());
        return deposit == null
                ? book(request, channel, null, requestKey)
                : book(request, channel, null, requestKey, deposit);
    }

    /**
     * The deposit (minor units) a chat booking of this service or room type asks for, paid at the kiosk's card
     * reader; null where none is asked or it cannot be taken (a website chat, no card payments set up).
     */
    public @Nullable Long depositInChat(Channel channel, @Nullable String serviceId, @Nullable String roomTypeId) {
        if (channel != Channel.KIOSK || !cards.available()) {
            return null;
        }
        VenueFile venue = venues.venue();
        return serviceId != null
                ? service(venue, serviceId).deposit()
                : roomType(venue, Objects.requireNonNull(roomTypeId)).deposit();
    }

    private BookingView book(
            ReservationRequest request,
            Channel source,
            @Nullable Long staffId,
            @Nullable String requestKey,
            @Nullable Long deposit) {
        if (requestKey != null) {
            Optional<BookingView> earlier = byRequestKey(dsl, requestKey);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        String serviceId = request.serviceId();
        if (serviceId == null) {
            return bookStay(request, source, staffId, requestKey, deposit);
        }
        VenueFile venue = venues.venue();
        Instant start = parseStart(
                Objects.requireNonNull(request.start()), venue.venue().timezone());
        int partySize = Objects.requireNonNull(request.partySize());
        String status = statusOf(request, deposit);
        contacts.check(request.contact(), "contact");
        return deciding(tx -> {
            Placement placement = placeSlot(tx.dsl(), venue, serviceId, start, partySize, null);
            // under the lock: a concurrent request with the same key booked first
            Optional<BookingView> earlier = requestKey == null ? Optional.empty() : byRequestKey(tx.dsl(), requestKey);
            return earlier.isPresent()
                    ? earlier.get()
                    : insertBooking(tx.dsl(), venue, request, placement, status, source, staffId, requestKey, deposit);
        });
    }

    /** A booking waiting for its deposit is pending; otherwise confirmed unless the desk says otherwise. */
    private static String statusOf(ReservationRequest request, @Nullable Long deposit) {
        if (deposit != null) {
            return "pending";
        }
        return request.status() == null ? "confirmed" : request.status();
    }

    /**
     * Starts the deposit payment of a committed booking and answers it with the client secret. When the provider
     * cannot be reached the booking stands pending with its deposit unpaid: the page may confirm it again later.
     */
    BookingView startDeposit(BookingView booking) {
        BookingView.Deposit deposit = Objects.requireNonNull(booking.deposit());
        CardPayments.CardPayment payment;
        try {
            payment = cards.startDeposit(
                    booking.reference(),
                    deposit.amount().amount(),
                    deposit.amount().currency());
        } catch (CardPayments.Unavailable e) {
            log.warn("The deposit of booking {} could not be started: {}", booking.reference(), e.getMessage());
            return booking;
        }
        return recordDeposit(booking.id(), payment);
    }

    /**
     * Stores which payment a booking's deposit is paid by and its status: a paid deposit confirms a pending booking.
     * Answers the booking with the client secret while the guest still has to pay.
     */
    BookingView recordDeposit(long bookingId, CardPayments.CardPayment payment) {
        BookingView view = dsl.transactionResult(tx -> applyDeposit(tx.dsl(), bookingId, payment));
        BookingView.Deposit deposit = view.deposit();
        if (deposit == null || !deposit.status().equals("pending")) {
            return view;
        }
        return withDeposit(
                view,
                new BookingView.Deposit(deposit.amount(), deposit.status(), payment.clientSecret(), deposit.dueAt()));
    }

    /** {@link #recordDeposit} inside the caller's transaction, without the client secret. */
    BookingView applyDeposit(DSLContext db, long bookingId, CardPayments.CardPayment payment) {
        ZoneId zone = zone();
        BookingRecord booking = repository.find(db, bookingId, true).orElseThrow(() -> notFound(bookingId));
        booking.setDepositIntentId(payment.id());
        String status = payment.status();
        String before = Objects.requireNonNull(booking.getDepositStatus());
        if (!PaymentStatuses.canMove(before, status)) {
            booking.store();
            return BookingRepository.view(booking, zone);
        }
        OffsetDateTime now = now();
        booking.setDepositStatus(status).setUpdatedAt(now);
        boolean confirms = status.equals("paid") && booking.getStatus().equals("pending");
        if (confirms) {
            booking.setStatus("confirmed");
        } else if (status.equals("paid")) {
            // paid after the hold ran out and the booking was cancelled: the desk refunds it (it shows on the booking)
            log.warn("The deposit of booking {} was paid while it is {}", booking.getReference(), booking.getStatus());
        }
        booking.store();
        recordChange(db, bookingId, "deposit", null, Channel.API, now, "deposit " + before + " → " + status);
        BookingView changed = BookingRepository.view(booking, zone);
        if (confirms) {
            int version = db.fetchCount(BOOKING_CHANGE, BOOKING_CHANGE.BOOKING_ID.eq(bookingId));
            outbox.write(db, "booking.changed", booking.getReference(), version, changed, now);
        }
        return changed;
    }

    private static BookingView withDeposit(BookingView b, BookingView.Deposit deposit) {
        return new BookingView(
                b.id(),
                b.reference(),
                b.kind(),
                b.serviceId(),
                b.roomTypeId(),
                b.start(),
                b.end(),
                b.partySize(),
                b.status(),
                b.contact(),
                b.notes(),
                b.source(),
                b.createdAt(),
                b.roomNumber(),
                b.contactId(),
                deposit);
    }

    /**
     * Where a party of {@code partySize} can go at {@code start}, decided under the service's row lock (inside the
     * caller's transaction), not counting the booking {@code moving} when an existing booking moves. 404 for an
     * unknown service, 422 for a start that is not bookable, 409 with the nearest free starts when it is full.
     */
    private Placement placeSlot(
            DSLContext db, VenueFile venue, String serviceId, Instant start, int partySize, @Nullable Long moving) {
        VenueFile.Service service = service(venue, serviceId);
        checkParty(service, partySize);
        ZoneId zone = venue.venue().timezone();
        LocalDate day = businessDay(new ServiceAvailability(venue, service), service, start, zone);
        // the alternatives of a full slot are looked for on the following days too
        ServiceAvailability availability =
                new ServiceAvailability(venue, service, busyAround(serviceId, day, ALTERNATIVE_DAYS));
        // one booking decision per service at a time: concurrent requests wait here for the row lock
        db.select(SERVICE.ID)
                .from(SERVICE)
                .where(SERVICE.ID.eq(serviceId))
                .forUpdate()
                .fetch();
        List<Occupancy> existing = occupancy.on(db, serviceId, day, moving);
        Slot slot = availability.slots(day, clock.instant(), existing).stream()
                .filter(s -> s.start().equals(start))
                .findFirst()
                .orElseThrow(() -> DomainException.notAllowed(
                        "in_the_past", "That time has already passed; please choose a later one."));
        int load = availability.loadOf(partySize);
        if (slot.remaining() < load) {
            throw new Full(
                    "slot_taken",
                    "That time is fully booked. The nearest free times are in alternatives.",
                    () -> alternatives(dsl, availability, serviceId, day, partySize, start, zone, moving));
        }
        return new Placement(
                "service",
                serviceId,
                null,
                slot.start(),
                slot.end(),
                availability.blockedUntil(slot.end()),
                partySize,
                load);
    }

    /** The room types that fit {@code guests}, with what is free on every night of the stay and its price. */
    public RoomAvailability roomOffers(LocalDate checkIn, LocalDate checkOut, int guests, String language) {
        VenueFile venue = venues.venue();
        checkStay(venue, checkIn, checkOut);
        String currency = venue.venue().currency();
        long nights = ChronoUnit.DAYS.between(checkIn, checkOut);
        List<RoomAvailability.RoomOffer> offers = new ArrayList<>();
        java.util.Map<String, Integer> longest = dsl.select(ROOM_TYPE.ID, ROOM_TYPE.LONGEST_STAY_NIGHTS)
                .from(ROOM_TYPE)
                .fetchMap(ROOM_TYPE.ID, ROOM_TYPE.LONGEST_STAY_NIGHTS);
        for (VenueFile.RoomType type : venue.rooms()) {
            if (type.maxGuests() >= guests) {
                int free = RoomInventory.freeRooms(
                        type,
                        checkIn,
                        checkOut,
                        stays(
                                dsl,
                                type.id(),
                                checkIn,
                                checkOut,
                                venue.venue().timezone(),
                                null,
                                longest.getOrDefault(type.id(), MAX_NIGHTS + 1)));
                offers.add(new RoomAvailability.RoomOffer(
                        type.id(),
                        type.name().in(language),
                        free,
                        new Money(type.nightlyRate(), currency),
                        new Money(Math.multiplyExact(type.nightlyRate(), nights), currency)));
            }
        }
        return new RoomAvailability(offers);
    }

    /** Books a room stay under the room type's row lock, like a service slot under its service's. */
    private BookingView bookStay(
            ReservationRequest request,
            Channel source,
            @Nullable Long staffId,
            @Nullable String requestKey,
            @Nullable Long deposit) {
        VenueFile venue = venues.venue();
        VenueFile.RoomType type = roomType(venue, Objects.requireNonNull(request.roomTypeId()));
        LocalDate checkIn = Objects.requireNonNull(request.checkIn());
        LocalDate checkOut = Objects.requireNonNull(request.checkOut());
        int guests = Objects.requireNonNull(request.guests());
        checkStay(venue, checkIn, checkOut);
        String status = statusOf(request, deposit);
        contacts.check(request.contact(), "contact");
        return deciding(tx -> {
            Placement placement = placeStay(tx.dsl(), venue, type, checkIn, checkOut, guests, null);
            Optional<BookingView> earlier = requestKey == null ? Optional.empty() : byRequestKey(tx.dsl(), requestKey);
            return earlier.isPresent()
                    ? earlier.get()
                    : insertBooking(tx.dsl(), venue, request, placement, status, source, staffId, requestKey, deposit);
        });
    }

    private static VenueFile.RoomType roomType(VenueFile venue, String roomTypeId) {
        return venue.rooms().stream()
                .filter(r -> r.id().equals(roomTypeId))
                .findFirst()
                .orElseThrow(() -> DomainException.notFound(
                        "room_type_not_found", "There is no room type \"" + roomTypeId + "\" to book."));
    }

    /**
     * A room of {@code type} for every night of {@code [checkIn, checkOut)}, decided under the room type's row lock
     * (inside the caller's transaction), not counting the stay {@code moving} when an existing stay changes. 422 when
     * the room does not sleep {@code guests}, 409 with the nearest dates that have a room when none is free.
     */
    private Placement placeStay(
            DSLContext db,
            VenueFile venue,
            VenueFile.RoomType type,
            LocalDate checkIn,
            LocalDate checkOut,
            int guests,
            @Nullable Long moving) {
        if (guests > type.maxGuests()) {
            throw DomainException.notAllowed(
                    "too_many_guests",
                    type.name().in("en") + " sleeps up to " + type.maxGuests() + "; for " + guests
                            + " guests choose a larger room or book two.");
        }
        ZoneId zone = venue.venue().timezone();
        // one booking decision per room type at a time; the row also knows how far back stays may reach
        int longest = db.select(ROOM_TYPE.LONGEST_STAY_NIGHTS)
                .from(ROOM_TYPE)
                .where(ROOM_TYPE.ID.eq(type.id()))
                .forUpdate()
                .fetchSingle(ROOM_TYPE.LONGEST_STAY_NIGHTS);
        if (RoomInventory.freeRooms(
                        type, checkIn, checkOut, stays(db, type.id(), checkIn, checkOut, zone, moving, longest))
                < 1) {
            throw new Full(
                    "no_room_free",
                    "No " + type.name().in("en") + " is free for every night of that stay. The nearest dates"
                            + " with one are in alternatives.",
                    () -> stayAlternatives(dsl, type, checkIn, checkOut, zone, moving, longest));
        }
        int nights = (int) ChronoUnit.DAYS.between(checkIn, checkOut);
        if (nights > longest) {
            db.update(ROOM_TYPE)
                    .set(ROOM_TYPE.LONGEST_STAY_NIGHTS, nights)
                    .where(ROOM_TYPE.ID.eq(type.id()))
                    .execute();
        }
        Instant arrival = checkIn.atTime(CHECK_IN_TIME).atZone(zone).toInstant();
        Instant departure = checkOut.atTime(CHECK_OUT_TIME).atZone(zone).toInstant();
        return new Placement("room", null, type.id(), arrival, departure, departure, guests, 1);
    }

    /** Stays of the same length and room type, starting on the nearest dates (either side) with a room free. */
    private List<TimeRange> stayAlternatives(
            DSLContext db,
            VenueFile.RoomType type,
            LocalDate checkIn,
            LocalDate checkOut,
            ZoneId zone,
            @Nullable Long moving,
            int longest) {
        long nights = ChronoUnit.DAYS.between(checkIn, checkOut);
        LocalDate today = LocalDate.now(clock);
        List<RoomInventory.Stay> held = stays(
                db,
                type.id(),
                checkIn.minusDays(ALTERNATIVE_DAYS),
                checkOut.plusDays(ALTERNATIVE_DAYS),
                zone,
                moving,
                longest);
        List<TimeRange> found = new ArrayList<>();
        for (int shift = 1; shift <= ALTERNATIVE_DAYS && found.size() < ALTERNATIVES; shift++) {
            for (int direction : new int[] {-1, 1}) {
                LocalDate from = checkIn.plusDays((long) shift * direction);
                if (found.size() < ALTERNATIVES
                        && !from.isBefore(today)
                        && RoomInventory.freeRooms(type, from, from.plusDays(nights), held) > 0) {
                    found.add(new TimeRange(
                            from.atTime(CHECK_IN_TIME).atZone(zone).toOffsetDateTime(),
                            from.plusDays(nights)
                                    .atTime(CHECK_OUT_TIME)
                                    .atZone(zone)
                                    .toOffsetDateTime()));
                }
            }
        }
        return found;
    }

    private void checkStay(VenueFile venue, LocalDate checkIn, LocalDate checkOut) {
        if (!checkOut.isAfter(checkIn)) {
            throw DomainException.notAllowed("empty_stay", "The check-out date must be after the check-in date.");
        }
        if (checkIn.isBefore(LocalDate.now(clock.withZone(venue.venue().timezone())))) {
            throw DomainException.notAllowed("in_the_past", "That check-in date has already passed.");
        }
        if (ChronoUnit.DAYS.between(checkIn, checkOut) > MAX_NIGHTS) {
            throw DomainException.notAllowed(
                    "stay_too_long", "Stays of more than " + MAX_NIGHTS + " nights are arranged with the front desk.");
        }
    }

    /**
     * The stays of a room type that hold a room on some night of {@code [from, to)}, but {@code excluding}. No stay of
     * the type is longer than {@code longest} nights, so the (room_type_id, start_at) index scans that far back only.
     */
    static List<RoomInventory.Stay> stays(
            DSLContext db,
            String roomTypeId,
            LocalDate from,
            LocalDate to,
            ZoneId zone,
            @Nullable Long excluding,
            int longest) {
        OffsetDateTime windowStart = from.minusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        OffsetDateTime windowEnd = to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        return db.select(BOOKING.START_AT, BOOKING.END_AT)
                .from(BOOKING)
                .where(BOOKING.ROOM_TYPE_ID.eq(roomTypeId))
                .and(BOOKING.STATUS.in(HOLDING))
                .and(BOOKING.START_AT.lt(windowEnd))
                .and(BOOKING.START_AT.ge(windowStart.minusDays(longest + 1L)))
                .and(BOOKING.END_AT.gt(windowStart))
                .and(excluding == null ? DSL.trueCondition() : BOOKING.ID.ne(excluding))
                .fetch(r -> new RoomInventory.Stay(
                        r.value1().atZoneSameInstant(zone).toLocalDate(),
                        r.value2().atZoneSameInstant(zone).toLocalDate()));
    }

    /**
     * Runs one booking decision in a transaction. When the wanted slot or room is full, the nearest alternatives are
     * looked up after the transaction has ended, so that the service's or room type's lock is held only for the
     * decision itself, not for a search of the following days (the contention figures are in docs/benchmarks.md).
     */
    private <T> T deciding(TransactionalCallable<T> decision) {
        try {
            return ContactService.retryingConcurrentCreation(() -> dsl.transactionResult(decision));
        } catch (Full full) {
            throw new DomainException(Failure.CONFLICT, full.code, full.reason, null, full.alternatives.get());
        }
    }

    /** The wanted slot or room is taken; thrown inside the decision, answered as a 409 with alternatives after it. */
    private static final class Full extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final String code;
        private final String reason;
        private final transient Supplier<List<TimeRange>> alternatives;

        Full(String code, String reason, Supplier<List<TimeRange>> alternatives) {
            super(reason, null, false, false);
            this.code = code;
            this.reason = reason;
            this.alternatives = alternatives;
        }
    }

    /** What a new booking row holds beyond the request: its subject, times and load. */
    private record Placement(
            String kind,
            @Nullable String serviceId,
            @Nullable String roomTypeId,
            Instant start,
            Instant end,
            Instant blockedUntil,
            int partySize,
            int load) {}

    private Optional<BookingView> byRequestKey(DSLContext db, String requestKey) {
        ZoneId zone = zone();
        return db.selectFrom(BOOKING)
                .where(BOOKING.REQUEST_KEY.eq(requestKey))
                .fetchOptional(record -> BookingRepository.view(record, zone));
    }

    private BookingView insertBooking(
            DSLContext db,
            VenueFile venue,
            ReservationRequest request,
            Placement placement,
            String status,
            Channel source,
            @Nullable Long staffId,
            @Nullable String requestKey,
            @Nullable Long deposit) {
        OffsetDateTime now = now();
        BookingRecord booking = insert(db, venue, request, placement, status, source, staffId, requestKey, now);
        if (deposit != null) {
            booking.setDepositAmount(deposit)
                    .setDepositCurrency(venue.venue().currency())
                    .setDepositStatus("unpaid")
                    .setDepositDueAt(now.plus(DEPOSIT_HOLD))
                    .store();
        }
        recordChange(db, booking.getId(), "created", staffId, source, now, null);
        BookingView view = BookingRepository.view(booking, venue.venue().timezone());
        outbox.write(db, "booking.created", booking.getReference(), 1, view, now);
        return view;
    }

    /** One line of a booking's history: what changed, by whom, through which channel. */
    static void recordChange(
            DSLContext db,
            long bookingId,
            String what,
            @Nullable Long staffId,
            Channel channel,
            OffsetDateTime at,
            @Nullable String detail) {
        db.insertInto(BOOKING_CHANGE)
                .set(BOOKING_CHANGE.BOOKING_ID, bookingId)
                .set(BOOKING_CHANGE.WHAT, what)
                .set(BOOKING_CHANGE.STAFF_ID, staffId)
                .set(BOOKING_CHANGE.CHANNEL, channel.wireName())
                .set(BOOKING_CHANGE.CHANGED_AT, at)
                .set(BOOKING_CHANGE.DETAIL, detail)
                .execute();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private BookingRecord insert(
            DSLContext db,
            VenueFile venue,
            ReservationRequest request,
            Placement placement,
            String status,
            Channel source,
            @Nullable Long staffId,
            @Nullable String requestKey,
            OffsetDateTime now) {
        References references = new References(venue.venue().name());
        ContactDetails contact = request.contact();
        long contactId = contacts.link(db, contact, source.wireName(), null, now);
        return references.insertUnique(
                db,
                (tx, reference) -> tx.insertInto(BOOKING)
                        .set(BOOKING.REFERENCE, reference)
                        .set(BOOKING.KIND, placement.kind())
                        .set(BOOKING.SERVICE_ID, placement.serviceId())
                        .set(BOOKING.ROOM_TYPE_ID, placement.roomTypeId())
                        .set(BOOKING.START_AT, utc(placement.start()))
                        .set(BOOKING.END_AT, utc(placement.end()))
                        .set(BOOKING.BLOCKED_UNTIL, utc(placement.blockedUntil()))
                        .set(BOOKING.PARTY_SIZE, placement.partySize())
                        .set(BOOKING.TAKEN, placement.load())
                        .set(BOOKING.STATUS, status)
                        .set(BOOKING.CONTACT_NAME, contact.name())
                        .set(BOOKING.CONTACT_EMAIL, contact.email())
                        .set(BOOKING.CONTACT_PHONE, contact.phone())
                        .set(BOOKING.CONTACT_ID, contactId)
                        .set(BOOKING.NOTES, request.notes())
                        .set(BOOKING.SOURCE, source.wireName())
                        .set(BOOKING.CREATED_BY, staffId)
                        .set(BOOKING.REQUEST_KEY, requestKey)
                        .set(BOOKING.CREATED_AT, now)
                        .set(BOOKING.UPDATED_AT, now)
                        .returning()
                        .fetchSingle());
    }

    /** The nearest free starts: the same day first (closest in time), then the following days in order. */
    private List<TimeRange> alternatives(
            DSLContext db,
            ServiceAvailability availability,
            String serviceId,
            LocalDate day,
            int partySize,
            Instant wanted,
            ZoneId zone,
            @Nullable Long moving) {
        List<Slot> found = new ArrayList<>(
                availability.freeSlots(day, partySize, clock.instant(), occupancy.on(db, serviceId, day, moving)));
        found.sort(Comparator.comparing(
                (Slot s) -> Duration.between(s.start(), wanted).abs()));
        for (int ahead = 1; found.size() < ALTERNATIVES && ahead <= ALTERNATIVE_DAYS; ahead++) {
            LocalDate next = day.plusDays(ahead);
            found.addAll(availability.freeSlots(
                    next, partySize, clock.instant(), occupancy.on(db, serviceId, next, moving)));
        }
        return found.stream()
                .limit(ALTERNATIVES)
                .map(s -> new TimeRange(
                        s.start().atZone(zone).toOffsetDateTime(),
                        s.end().atZone(zone).toOffsetDateTime()))
                .toList();
    }

    /**
     * The day whose opening a start belongs to: its own date, or the day before when it falls in a period that runs
     * past midnight. Explains with 422 why a start that belongs to no day cannot be booked.
     */
    private LocalDate businessDay(
            ServiceAvailability availability, VenueFile.Service service, Instant start, ZoneId zone) {
        LocalDate date = start.atZone(zone).toLocalDate();
        for (LocalDate day : List.of(date, date.minusDays(1))) {
            if (availability.slots(day, BEGINNING, List.of()).stream()
                    .anyMatch(s -> s.start().equals(start))) {
                if (!start.isAfter(clock.instant())) {
                    throw DomainException.notAllowed(
                            "in_the_past", "That time has already passed; please choose a later one.");
                }
                return day;
            }
        }
        if (availability.closedOn(date)) {
            throw DomainException.notAllowed("closed", service.name().in("en") + " is closed on " + date + ".");
        }
        throw DomainException.notAllowed(
                "outside_opening_hours",
                start.atZone(zone).toLocalTime() + " is not a start time of "
                        + service.name().in("en") + " on " + date + "; see /api/availability for the times that are.");
    }

    /** The busy times of the service from the day before {@code day} to {@code extraDays} after it. */
    private List<BusyTimes.Period> busyAround(String serviceId, LocalDate day, int extraDays) {
        return busy.overlapping(
                serviceId,
                day.minusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC),
                day.plusDays(extraDays + 3L).atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    private static VenueFile.Service service(VenueFile venue, String serviceId) {
        return venue.services().stream()
                .filter(s -> s.id().equals(serviceId))
                .findFirst()
                .orElseThrow(() -> DomainException.notFound(
                        "service_not_found", "There is no service \"" + serviceId + "\" to book."));
    }

    private static void checkParty(VenueFile.Service service, int partySize) {
        if (partySize < 1) {
            throw DomainException.notAllowed("party_too_small", "A booking is for at least one guest.");
        }
        if (service.capacity() instanceof VenueFile.Covers covers && partySize > covers.maxParty()) {
            throw DomainException.notAllowed(
                    "party_too_large",
                    service.name().in("en") + " takes parties of up to " + covers.maxParty() + "; for " + partySize
                            + " guests please contact the front desk.");
        }
    }

    /** A venue-local date-time, or one with an offset (DESIGN.md). */
    static Instant parseStart(String text, ZoneId zone) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            return LocalDateTime.parse(text).atZone(zone).toInstant();
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** Bookings for the desk, filtered (DESIGN.md: from, to, service, status, q). */
    public List<BookingView> list(
            @Nullable LocalDate from,
            @Nullable LocalDate to,
            @Nullable String serviceId,
            @Nullable String status,
            @Nullable String q) {
        return repository.list(from, to, serviceId, status, q, zone());
    }

    public BookingView find(long id) {
        return BookingRepository.view(repository.find(dsl, id, false).orElseThrow(() -> notFound(id)), zone());
    }

    /**
     * The booking with {@code reference} when the guest proves it is theirs with the e-mail or the phone it was made
     * with (any way the phone is written); empty otherwise, without telling which of the two did not match.
     */
    public Optional<BookingView> findForGuest(String reference, @Nullable String email, @Nullable String phone) {
        BookingRecord booking = dsl.selectFrom(BOOKING)
                .where(BOOKING.REFERENCE.eq(reference.strip().toUpperCase(java.util.Locale.ROOT)))
                .fetchOne();
        if (booking == null) {
            return Optional.empty();
        }
        String givenEmail = ContactKeys.email(email);
        boolean emailMatches = givenEmail != null && givenEmail.equals(ContactKeys.email(booking.getContactEmail()));
        boolean phoneMatches =
                phone != null && booking.getContactPhone() != null && samePhone(phone, booking.getContactPhone());
        return emailMatches || phoneMatches ? Optional.of(BookingRepository.view(booking, zone())) : Optional.empty();
    }

    private boolean samePhone(String given, String stored) {
        try {
            String a = contacts.keys().phone(given, "phone");
            return a != null && a.equals(contacts.keys().phone(stored, "phone"));
        } catch (InvalidFieldsException e) {
            return false;
        }
    }

    /** Every booking of one guest's contact, oldest first (the GDPR right of access). */
    public List<BookingView> ofContact(long contactId) {
        ZoneId zone = zone();
        return dsl.selectFrom(BOOKING)
                .where(BOOKING.CONTACT_ID.eq(contactId))
                .orderBy(BOOKING.START_AT, BOOKING.ID)
                .fetch(record -> BookingRepository.view(record, zone));
    }

    /** Gives contact {@code from}'s bookings to contact {@code to}, inside the caller's transaction (a merge). */
    public void moveContact(DSLContext tx, long from, long to) {
        tx.update(BOOKING)
                .set(BOOKING.CONTACT_ID, to)
                .where(BOOKING.CONTACT_ID.eq(from))
                .execute();
    }

    /**
     * Erases the guest's details from their bookings, inside the caller's transaction (GDPR erasure); the bookings
     * stay, anonymous, so occupancy and counts do not change. Answers the references, whose outbound events the
     * caller scrubs too.
     */
    public List<String> eraseContact(DSLContext tx, long contactId) {
        List<String> references = tx.select(BOOKING.REFERENCE)
                .from(BOOKING)
                .where(BOOKING.CONTACT_ID.eq(contactId))
                .forUpdate()
                .fetch(BOOKING.REFERENCE);
        tx.update(BOOKING)
                .set(BOOKING.CONTACT_NAME, ERASED)
                .setNull(BOOKING.CONTACT_EMAIL)
                .setNull(BOOKING.CONTACT_PHONE)
                .setNull(BOOKING.NOTES)
                .where(BOOKING.CONTACT_ID.eq(contactId))
                .execute();
        return references;
    }

    /** What an erased guest's name becomes where a name is required. */
    public static final String ERASED = "(erased)";

    public List<BookingChange> history(long id) {
        find(id);
        return repository.history(id);
    }

    /**
     * Moves a booking along its life: pending → confirmed → completed (a service) or checked_in → checked_out (a
     * stay, which gets its room number at check-in; an early departure returns the remaining nights), or to
     * cancelled / no_show. Any other move is a 409; the same status again changes nothing.
     */
    public BookingView update(long id, BookingUpdate update, Channel channel, @Nullable Long staffId) {
        return update(id, update, channel, staffId, booking -> true);
    }

    /**
     * Cancels a booking whose deposit hold ran out, if it is still pending with its deposit unpaid once locked (the
     * desk may have confirmed it, or the deposit come in, since it was found).
     *
     * @return whether it was cancelled
     */
    boolean releaseHold(long id) {
        BookingView after = update(
                id,
                BookingUpdate.status("cancelled"),
                Channel.API,
                null,
                booking -> booking.getStatus().equals("pending")
                        && !"paid".equals(booking.getDepositStatus())
                        && !"refunded".equals(booking.getDepositStatus()));
        return after.status().equals("cancelled");
    }

    private BookingView update(
            long id,
            BookingUpdate update,
            Channel channel,
            @Nullable Long staffId,
            java.util.function.Predicate<BookingRecord> onlyIf) {
        ZoneId zone = zone();
        VenueFile venue = venues.venue();
        contacts.check(update.contact(), "contact");
        return deciding(tx -> {
            DSLContext db = tx.dsl();
            BookingRecord booking = repository.find(db, id, true).orElseThrow(() -> notFound(id));
            if (!onlyIf.test(booking)) {
                return BookingRepository.view(booking, zone);
            }
            String from = booking.getStatus();
            String to = update.status() == null ? from : update.status();
            List<String> changes = new ArrayList<>();
            if (!to.equals(from)) {
                if (!TRANSITIONS
                        .getOrDefault(booking.getKind() + ":" + from, List.of())
                        .contains(to)) {
                    throw DomainException.conflict(
                            "illegal_transition",
                            "A " + booking.getKind() + " booking that is " + from + " cannot become " + to + ".");
                }
                if (to.equals("checked_in")) {
                    checkIn(db, venue, booking, update.roomNumber(), zone);
                }
                if (to.equals("checked_out") && booking.getEndAt().toInstant().isAfter(clock.instant())) {
                    // an early departure: the nights not stayed go back to the inventory
                    OffsetDateTime now = now();
                    booking.setEndAt(now).setBlockedUntil(now);
                }
                if (to.equals("checked_out")) {
                    checkOut.checkedOut(db, booking.getId(), channel, staffId);
                }
                booking.setStatus(to);
                changes.add(
                        from + " → " + to + (to.equals("checked_in") ? " (room " + booking.getRoomNumber() + ")" : ""));
            }
            if (update.start() != null
                    || update.partySize() != null
                    || update.checkIn() != null
                    || update.checkOut() != null) {
                if (booking.getServiceId() != null) {
                    move(db, venue, booking, update, zone, changes);
                } else {
                    changeStay(db, venue, booking, update, zone, changes);
                }
            }
            ContactDetails contact = update.contact();
            if (contact != null) {
                booking.setContactName(contact.name())
                        .setContactEmail(contact.email())
                        .setContactPhone(contact.phone())
                        .setContactId(contacts.link(db, contact, channel.wireName(), null, now()));
                changes.add("contact");
            }
            if (update.notes() != null && !update.notes().equals(booking.getNotes())) {
                booking.setNotes(update.notes());
                changes.add("notes");
            }
            if (changes.isEmpty()) {
                return BookingRepository.view(booking, zone);
            }
            OffsetDateTime now = now();
            booking.setUpdatedAt(now);
            booking.store();
            String what = to.equals("cancelled") && !from.equals("cancelled") ? "cancelled" : "changed";
            recordChange(db, booking.getId(), what, staffId, channel, now, String.join(", ", changes));
            // the event's version: how many changes the booking has had, creation included
            int version = db.fetchCount(BOOKING_CHANGE, BOOKING_CHANGE.BOOKING_ID.eq(booking.getId()));
            BookingView view = BookingRepository.view(booking, zone);
            outbox.write(db, "booking." + what, booking.getReference(), version, view, now);
            return view;
        });
    }

    /** A new start or party size for a service slot that has not happened yet, with its capacity checked again. */
    private void move(
            DSLContext db,
            VenueFile venue,
            BookingRecord booking,
            BookingUpdate update,
            ZoneId zone,
            List<String> changes) {
        String serviceId = Objects.requireNonNull(booking.getServiceId());
        if (update.checkIn() != null || update.checkOut() != null) {
            throw DomainException.notAllowed(
                    "not_a_stay", "A service booking has a start, not check-in and check-out dates.");
        }
        if (!List.of("pending", "confirmed").contains(booking.getStatus())) {
            throw DomainException.conflict(
                    "not_movable", "A booking that is " + booking.getStatus() + " cannot be moved.");
        }
        String wantedStart = update.start();
        Instant start = wantedStart == null ? booking.getStartAt().toInstant() : parseStart(wantedStart, zone);
        int partySize = update.partySize() == null ? booking.getPartySize() : update.partySize();
        Placement placement = placeSlot(db, venue, serviceId, start, partySize, booking.getId());
        if (!placement.start().equals(booking.getStartAt().toInstant())) {
            changes.add("start " + booking.getStartAt().atZoneSameInstant(zone).toLocalDateTime() + " → "
                    + placement.start().atZone(zone).toLocalDateTime());
        }
        if (placement.partySize() != booking.getPartySize()) {
            changes.add("party " + booking.getPartySize() + " → " + placement.partySize());
        }
        booking.setStartAt(utc(placement.start()))
                .setEndAt(utc(placement.end()))
                .setBlockedUntil(utc(placement.blockedUntil()))
                .setPartySize(placement.partySize())
                .setTaken(placement.load());
    }

    /**
     * New dates or guests for a room stay, with the room type's inventory checked again without counting the stay
     * itself. A guest who is checked in may stay longer or leave earlier (a new check-out), but not arrive again.
     */
    private void changeStay(
            DSLContext db,
            VenueFile venue,
            BookingRecord booking,
            BookingUpdate update,
            ZoneId zone,
            List<String> changes) {
        if (update.start() != null) {
            throw DomainException.notAllowed(
                    "not_a_service", "A room stay has check-in and check-out dates (checkIn, checkOut), not a start.");
        }
        String status = booking.getStatus();
        if (!List.of("pending", "confirmed", "checked_in").contains(status)) {
            throw DomainException.conflict("not_movable", "A stay that is " + status + " cannot be changed.");
        }
        LocalDate checkIn = booking.getStartAt().atZoneSameInstant(zone).toLocalDate();
        LocalDate checkOut = booking.getEndAt().atZoneSameInstant(zone).toLocalDate();
        LocalDate newCheckIn = update.checkIn() == null ? checkIn : update.checkIn();
        LocalDate newCheckOut = update.checkOut() == null ? checkOut : update.checkOut();
        int guests = update.partySize() == null ? booking.getPartySize() : update.partySize();
        if (status.equals("checked_in") && !newCheckIn.equals(checkIn)) {
            throw DomainException.conflict(
                    "not_movable", "The guest has checked in already; only the check-out date can change.");
        }
        if (status.equals("checked_in")) {
            if (!newCheckOut.isAfter(LocalDate.now(clock.withZone(zone)))) {
                throw DomainException.notAllowed(
                        "in_the_past", "A new check-out date must be after today; to leave today, check out.");
            }
        } else {
            checkStay(venue, newCheckIn, newCheckOut);
        }
        if (!newCheckOut.isAfter(newCheckIn)) {
            throw DomainException.notAllowed("empty_stay", "The check-out date must be after the check-in date.");
        }
        VenueFile.RoomType type = roomType(venue, Objects.requireNonNull(booking.getRoomTypeId()));
        Placement placement = placeStay(db, venue, type, newCheckIn, newCheckOut, guests, booking.getId());
        if (!newCheckIn.equals(checkIn) || !newCheckOut.equals(checkOut)) {
            changes.add("stay " + checkIn + "–" + checkOut + " → " + newCheckIn + "–" + newCheckOut);
        }
        if (guests != booking.getPartySize()) {
            changes.add("guests " + booking.getPartySize() + " → " + guests);
        }
        booking.setStartAt(utc(placement.start()))
                .setEndAt(utc(placement.end()))
                .setBlockedUntil(utc(placement.blockedUntil()))
                .setPartySize(guests);
    }

    /** The room is one of the type's numbers (when the venue lists them) and nobody else is checked in there. */
    private void checkIn(
            DSLContext db, VenueFile venue, BookingRecord booking, @Nullable String roomNumber, ZoneId zone) {
        if (roomNumber == null || roomNumber.isBlank()) {
            throw new dev.concierge.api.InvalidFieldsException(
                    java.util.Map.of("roomNumber", "is required to check in"));
        }
        LocalDate arrival = booking.getStartAt().atZoneSameInstant(zone).toLocalDate();
        if (LocalDate.now(clock.withZone(zone)).isBefore(arrival)) {
            throw DomainException.notAllowed("too_early", "This stay begins on " + arrival + "; check in then.");
        }
        List<String> numbers = venue.rooms().stream()
                .filter(r -> r.id().equals(booking.getRoomTypeId()))
                .findFirst()
                .map(VenueFile.RoomType::numbers)
                .orElse(List.of());
        String room = roomNumber.trim();
        if (!numbers.isEmpty() && !numbers.contains(room)) {
            throw DomainException.notAllowed(
                    "unknown_room", "Room " + room + " is not one of this room type's rooms " + numbers + ".");
        }
        boolean occupied = db.fetchExists(db.selectFrom(BOOKING)
                .where(BOOKING.ROOM_NUMBER.eq(room))
                .and(BOOKING.STATUS.eq("checked_in"))
                .and(BOOKING.ID.ne(booking.getId())));
        if (occupied) {
            throw DomainException.conflict("room_occupied", "Someone is checked in to room " + room + " already.");
        }
        booking.setRoomNumber(room);
    }

    private static DomainException notFound(long id) {
        return DomainException.notFound("booking_not_found", "There is no booking " + id + ".");
    }
}
