package dev.concierge.order;

import static dev.concierge.jooq.Tables.BOOKING;
import static dev.concierge.jooq.Tables.ORDERS;
import static dev.concierge.jooq.Tables.ORDER_CHANGE;
import static dev.concierge.jooq.Tables.ORDER_ITEM;
import static dev.concierge.jooq.Tables.PAYMENT_EVENT;

import dev.concierge.api.ContactDetails;
import dev.concierge.api.Folio;
import dev.concierge.api.InvalidFieldsException;
import dev.concierge.api.Money;
import dev.concierge.api.OrderRequest;
import dev.concierge.api.OrderUpdate;
import dev.concierge.api.OrderView;
import dev.concierge.common.Channel;
import dev.concierge.common.DomainException;
import dev.concierge.common.Failure;
import dev.concierge.common.References;
import dev.concierge.crm.ContactService;
import dev.concierge.jooq.tables.records.BookingRecord;
import dev.concierge.jooq.tables.records.OrdersRecord;
import dev.concierge.outbox.OutboxRepository;
import dev.concierge.payment.CardPayments;
import dev.concierge.payment.PaymentStatuses;
import dev.concierge.venue.TimePeriod;
import dev.concierge.venue.VenueFile;
import dev.concierge.venue.VenueService;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes orders from the menu and moves them along their life. Totals are integer minor units; each line keeps the
 * name and price it had when ordered. A room charge lands on the folio of the stay checked in to that room.
 */
public final class OrderService {
    private static final Logger log = LoggerFactory.getLogger(OrderService.class);
    /** Allowed order status moves, one step at a time; delivery is final, and so is cancelling. */
    private static final Map<String, Set<String>> TRANSITIONS = Map.of(
            "new", Set.of("accepted", "cancelled"),
            "accepted", Set.of("preparing", "cancelled"),
            "preparing", Set.of("delivered", "cancelled"),
            "delivered", Set.of(),
            "cancelled", Set.of());

    private final DSLContext dsl;
    private final VenueService venues;
    private final ContactService contacts;
    private final OutboxRepository outbox;
    private final Clock clock;
    private final CardPayments cards;
    private final OrderRepository repository;

    /** Orders with card payments taken at delivery or at the desk (no payment provider). */
    public OrderService(
            DSLContext dsl, VenueService venues, ContactService contacts, OutboxRepository outbox, Clock clock) {
        this(dsl, venues, contacts, outbox, clock, CardPayments.NONE);
    }

    public OrderService(
            DSLContext dsl,
            VenueService venues,
            ContactService contacts,
            OutboxRepository outbox,
            Clock clock,
            CardPayments cards) {
        this.dsl = dsl;
        this.venues = venues;
        this.contacts = contacts;
        this.outbox = outbox;
        this.clock = clock;
        this.cards = cards;
        this.repository = new OrderRepository(dsl);
    }

    /**
     * Places an order. 400 naming the line for an item not on the menu; 422 for an item outside its serving hours
     * or a room charge without a guest checked in to that room (from a guest's own channel, also when the name
     * given is not the name on the stay).
     */
    public OrderView place(OrderRequest request, Channel channel, @Nullable Long staffId) {
        return place(request, channel, staffId, null);
    }

    /** Places once per {@code requestKey}: the same key again answers the order placed the first time. */
    public OrderView place(OrderRequest request, Channel channel, @Nullable Long staffId, @Nullable String requestKey) {
        if (requestKey != null) {
            OrdersRecord earlier = dsl.selectFrom(ORDERS)
                    .where(ORDERS.REQUEST_KEY.eq(requestKey))
                    .fetchOne();
            if (earlier != null) {
                return repository.view(dsl, earlier);
            }
        }
        VenueFile venue = venues.venue();
        List<Priced> lines = price(venue, request.items());
        String currency = venue.venue().currency();
        long total = 0;
        for (Priced line : lines) {
            total = Math.addExact(total, Math.multiplyExact(line.unitPrice(), (long) line.quantity()));
        }
        contacts.check(request.contact(), "contact");
        String method = java.util.Objects.requireNonNull(request.payment().method());
        long orderTotal = total;
        OrderView placed = ContactService.retryingConcurrentCreation(() -> dsl.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            OffsetDateTime now = now();
            BookingRecord stay = null;
            if (method.equals("room")) {
                stay = stayInRoom(db, java.util.Objects.requireNonNull(request.roomNumber()));
                if (channel != Channel.CONSOLE) {
                    checkGuestIsOnTheStay(stay, request.contact());
                }
            }
            ContactDetails contact = request.contact();
            Long contactId = contact != null
                    ? Long.valueOf(contacts.link(db, contact, channel.wireName(), null, now))
                    : stay != null ? stay.getContactId() : null;
            OrdersRecord order = insert(
                    db,
                    venue,
                    request,
                    method,
                    orderTotal,
                    currency,
                    stay,
                    contactId,
                    channel,
                    staffId,
                    requestKey,
                    now);
            for (Priced line : lines) {
                db.insertInto(ORDER_ITEM)
                        .set(ORDER_ITEM.ORDER_ID, order.getId())
                        .set(ORDER_ITEM.ITEM_ID, line.itemId())
                        .set(ORDER_ITEM.NAME, line.name())
                        .set(ORDER_ITEM.QUANTITY, line.quantity())
                        .set(ORDER_ITEM.UNIT_PRICE, line.unitPrice())
                        .execute();
            }
            recordChange(db, order.getId(), "created", staffId, channel, now, null);
            OrderView view = repository.view(db, order);
            outbox.write(db, "order.created", order.getReference(), 1, view, now);
            return view;
        }));
        return method.equals("card") ? withCardPayment(placed, channel) : placed;
    }

    /**
     * Starts the card payment of a committed order and answers the order with what the payer needs (the client
     * secret). The order stands whatever the provider says: when it cannot be reached the order stays unpaid, to be
     * paid at delivery or confirmed again later, and the desk and the kitchen go on working.
     */
    private OrderView withCardPayment(OrderView order, Channel channel) {
        if (!cards.available()
                || !order.payment().status().equals("unpaid")
                        && !order.payment().status().equals("pending")) {
            return order;
        }
        CardPayments.CardPayment payment;
        try {
            payment = cards.start(
                    order.reference(), order.total().amount(), order.total().currency());
        } catch (CardPayments.Unavailable e) {
            log.warn("The card payment of order {} could not be started: {}", order.reference(), e.getMessage());
            return order;
        }
        return withPayment(recordPayment(order.id(), payment, channel), payment);
    }

    /** The order as a payer sees it: with the payment's client secret while it waits for the payer. */
    private static OrderView withPayment(OrderView order, CardPayments.CardPayment payment) {
        String secret = order.payment().status().equals("pending") ? payment.clientSecret() : null;
        return new OrderView(
                order.id(),
                order.reference(),
                order.items(),
                order.total(),
                order.status(),
                new OrderView.Payment(
                        order.payment().method(),
                        order.payment().status(),
                        secret,
                        order.payment().failure()),
                order.roomNumber(),
                order.table(),
                order.contact(),
                order.notes(),
                order.source(),
                order.createdAt(),
                order.contactId(),
                order.stayId());
    }

    /** Stores which provider payment an order is paid by and what the provider says of it. */
    private OrderView recordPayment(long orderId, CardPayments.CardPayment payment, Channel channel) {
        return dsl.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            OrdersRecord order = repository.find(db, orderId, true).orElseThrow(() -> notFound(orderId));
            order.setPaymentIntentId(payment.id());
            if (payment.status().equals("failed")) {
                order.setPaymentFailure(payment.failure());
            } else if (!payment.status().equals(order.getPaymentStatus())) {
                order.setPaymentFailure(null);
            }
            OrderView view = movePayment(db, order, payment.status(), channel, null, "card payment " + payment.id());
            return view;
        });
    }

    /**
     * Moves a locked order's payment to {@code status} when that is a move its payment may make (a late "failed"
     * after "paid" is ignored), records and announces it; answers the order either way.
     */
    private OrderView movePayment(
            DSLContext db, OrdersRecord order, String status, Channel channel, @Nullable Long staffId, String detail) {
        String from = order.getPaymentStatus();
        if (from.equals(status) || !PaymentStatuses.canMove(from, status)) {
            if (order.changed()) {
                order.store();
            }
            return repository.view(db, order);
        }
        OffsetDateTime now = now();
        order.setPaymentStatus(status).setUpdatedAt(now).store();
        recordChange(db, order.getId(), "payment", staffId, channel, now, detail + ": " + from + " → " + status);
        int version = db.fetchCount(ORDER_CHANGE, ORDER_CHANGE.ORDER_ID.eq(order.getId()));
        OrderView view = repository.view(db, order);
        outbox.write(db, "order.changed", order.getReference(), version, view, now);
        if (status.equals("paid")) {
            outbox.write(db, "order.paid", order.getReference(), version, view, now);
        }
        return view;
    }

    /**
     * {@code POST /api/orders/confirm}: reads the card payment again from the provider (starting it when that
     * failed before) and answers the order; without a provider, or when it cannot be reached, the order as stored.
     */
    public OrderView confirm(long id) {
        OrdersRecord order = repository.find(dsl, id, false).orElseThrow(() -> notFound(id));
        OrderView view = repository.view(dsl, order);
        if (order.getPaymentMethod().equals("terminal")) {
            return followReader(order, view);
        }
        if (!order.getPaymentMethod().equals("card") || !cards.available()) {
            return view;
        }
        String paymentId = order.getPaymentIntentId();
        if (paymentId == null) {
            return withCardPayment(view, Channel.WEB);
        }
        try {
            CardPayments.CardPayment payment = cards.read(paymentId);
            return withPayment(recordPayment(id, payment, Channel.WEB), payment);
        } catch (CardPayments.Unavailable e) {
            log.warn("The card payment of order {} could not be read: {}", order.getReference(), e.getMessage());
            return view;
        }
    }

    /** A payment at a card reader as the reader and the provider see it now; the order as stored when they cannot say. */
    private OrderView followReader(OrdersRecord order, OrderView view) {
        String paymentId = order.getPaymentIntentId();
        String reader = order.getTerminalReaderId();
        if (paymentId == null || reader == null || !order.getPaymentStatus().equals("pending") || !cards.available()) {
            return view;
        }
        try {
            return recordPayment(order.getId(), cards.readAtReader(paymentId, reader), Channel.KIOSK);
        } catch (CardPayments.Unavailable e) {
            log.warn("The reader payment of order {} could not be read: {}", order.getReference(), e.getMessage());
            return view;
        }
    }

    /**
     * Hands an order's payment to a card reader, which asks the guest to tap or insert a card: the kiosk's own reader
     * ({@code kioskReader}) or the venue's. Allowed for an order paid by {@code terminal} that is unpaid or whose last
     * try failed (another card); follow it with {@link #confirm}. 409 while a try is under way or once paid; 503
     * without Stripe or a reader; 502 when the reader or Stripe cannot be reached (the order stays unpaid).
     */
    public OrderView collectAtReader(long id, @Nullable String kioskId, @Nullable String kioskReader) {
        String reader = cards.readerFor(kioskReader);
        OrdersRecord attempt = dsl.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            OrdersRecord order = repository.find(db, id, true).orElseThrow(() -> notFound(id));
            checkReaderPaymentOpen(order);
            order.setTerminalAttempt(order.getTerminalAttempt() + 1)
                    .setTerminalReaderId(reader)
                    .setPaymentFailure(null);
            if (order.getKioskId() == null) {
                order.setKioskId(kioskId);
            }
            order.store();
            return order;
        });
        CardPayments.CardPayment payment;
        try {
            payment = cards.collectAtReader(
                    CardPayments.ReaderCharge.order(attempt.getReference()),
                    attempt.getTotal(),
                    attempt.getCurrency(),
                    reader,
                    attempt.getTerminalAttempt());
        } catch (CardPayments.Unavailable e) {
            log.warn("Order {} could not be sent to the card reader: {}", attempt.getReference(), e.getMessage());
            throw new DomainException(
                    Failure.UPSTREAM,
                    "card_reader_unavailable",
                    "The card reader could not be reached. Try again, or pay at the desk.");
        }
        return recordPayment(id, payment, Channel.KIOSK);
    }

    /**
     * Stops the card reader waiting for this order's card (the guest walked away, or pays another way): the payment
     * is unpaid again, or paid when the card went through just before.
     */
    public OrderView cancelAtReader(long id) {
        OrdersRecord order = repository.find(dsl, id, false).orElseThrow(() -> notFound(id));
        String reader = order.getTerminalReaderId();
        String paymentId = order.getPaymentIntentId();
        if (!order.getPaymentMethod().equals("terminal")
                || !order.getPaymentStatus().equals("pending")
                || reader == null
                || paymentId == null) {
            return repository.view(dsl, order);
        }
        try {
            cards.cancelAtReader(
                    reader, CardPayments.ReaderCharge.order(order.getReference()), order.getTerminalAttempt());
        } catch (CardPayments.Unavailable e) {
            // the reader may have finished the payment: what it did is read below either way
            log.info("The card reader of order {} was not cancelled: {}", order.getReference(), e.getMessage());
        }
        CardPayments.CardPayment payment;
        try {
            payment = cards.readAtReader(paymentId, reader);
        } catch (CardPayments.Unavailable e) {
            throw new DomainException(
                    Failure.UPSTREAM,
                    "card_reader_unavailable",
                    "The card reader could not be reached; it may still take a card. Try again in a moment.");
        }
        if (payment.status().equals("paid")) {
            return recordPayment(id, payment, Channel.KIOSK);
        }
        return recordPayment(id, new CardPayments.CardPayment(paymentId, "unpaid", null), Channel.KIOSK);
    }

    /**
     * The guest at a kiosk gives up on the card reader (declined, timed out, no card) and pays another way:
     * {@code desk} (at the desk or on delivery) or {@code room} (charged to the stay in the order's room, when the
     * name on the order is the name on that stay). Only for an order paid at a reader whose payment is not under way
     * nor done: 409 while the reader waits for a card or once paid; 422 for a room charge that is not allowed.
     */
    public OrderView payOtherwise(long id, String method, Channel channel, @Nullable Long staffId) {
        if (!method.equals("desk") && !method.equals("room")) {
            throw InvalidFieldsException.of("method", "is desk or room");
        }
        return dsl.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            OrdersRecord order = repository.find(db, id, true).orElseThrow(() -> notFound(id));
            checkReaderPaymentOpen(order);
            if (method.equals("room")) {
                String room = order.getRoomNumber();
                if (room == null) {
                    throw DomainException.notAllowed(
                            "no_room_on_order", "Order " + order.getReference() + " is not brought to a room.");
                }
                BookingRecord stay = stayInRoom(db, room);
                String name = order.getContactName();
                checkGuestIsOnTheStay(stay, name == null ? null : new ContactDetails(name, null, null));
                order.setStayId(stay.getId());
            }
            OffsetDateTime now = now();
            order.setPaymentMethod(method)
                    .setPaymentStatus("unpaid")
                    .setPaymentFailure(null)
                    .setUpdatedAt(now)
                    .store();
            recordChange(db, order.getId(), "payment", staffId, channel, now, "card reader → " + method);
            int version = db.fetchCount(ORDER_CHANGE, ORDER_CHANGE.ORDER_ID.eq(order.getId()));
            OrderView view = repository.view(db, order);
            outbox.write(db, "order.changed", order.getReference(), version, view, now);
            return view;
        });
    }

    /**
     * What the payment provider told us by webhook: the payment {@code paymentId} is now {@code status}
     * ({@code paid}, {@code failed}, {@code refunded}). Each provider event counts once, however often it arrives;
     * an event about a payment no order has is ignored (it may belong to another system on the same account).
     *
     * @return whether it changed an order
     */
    public boolean applyPaymentEvent(String eventId, String eventType, String paymentId, String status) {
        return applyPaymentEvent(eventId, eventType, paymentId, status, null);
    }

    /** The same, with why a payment failed ({@code failure}, e.g. a reader's {@code card_declined}). */
    public boolean applyPaymentEvent(
            String eventId, String eventType, String paymentId, String status, @Nullable String failure) {
        return dsl.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            int recorded = db.insertInto(PAYMENT_EVENT)
                    .set(PAYMENT_EVENT.ID, eventId)
                    .set(PAYMENT_EVENT.TYPE, eventType)
                    .set(PAYMENT_EVENT.RECEIVED_AT, now())
                    .onDuplicateKeyIgnore()
                    .execute();
            if (recorded == 0) {
                return false;
            }
            OrdersRecord order = db.selectFrom(ORDERS)
                    .where(ORDERS.PAYMENT_INTENT_ID.eq(paymentId))
                    .forUpdate()
                    .fetchOne();
            if (order == null) {
                return false;
            }
            String before = order.getPaymentStatus();
            if (status.equals("failed") && failure != null && !before.equals("paid")) {
                order.setPaymentFailure(failure);
            }
            movePayment(db, order, status, Channel.API, null, eventType);
            return !before.equals(order.getPaymentStatus());
        });
    }

    /**
     * Refunds a paid card order through the provider (manager's decision at the console). The refund is queued in
     * the outbox, so it happens once even when the internet is down now; the payment becomes {@code refunded} when
     * the provider confirms it.
     */
    public OrderView requestRefund(long id, @Nullable Long staffId) {
        return dsl.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            OrdersRecord order = repository.find(db, id, true).orElseThrow(() -> notFound(id));
            if (!order.getPaymentStatus().equals("paid") || order.getPaymentIntentId() == null) {
                throw DomainException.conflict(
                        "not_refundable",
                        "Only an order paid by card through the card provider can be refunded here; this one is "
                                + order.getPaymentStatus() + " (" + order.getPaymentMethod() + ").");
            }
            boolean asked = db.fetchExists(
                    ORDER_CHANGE,
                    ORDER_CHANGE.ORDER_ID.eq(order.getId()).and(ORDER_CHANGE.WHAT.eq("refund requested")));
            if (asked) {
                throw DomainException.conflict("refund_requested", "A refund of this order is already on its way.");
            }
            OffsetDateTime now = now();
            recordChange(db, order.getId(), "refund requested", staffId, Channel.CONSOLE, now, null);
            outbox.write(
                    db,
                    "order.refund_requested",
                    order.getReference(),
                    1,
                    Map.of(
                            "reference", order.getReference(),
                            "paymentId", order.getPaymentIntentId(),
                            "amount", order.getTotal(),
                            "currency", order.getCurrency()),
                    now);
            return repository.view(db, order);
        });
    }

    /** The provider confirmed the refund of the order with {@code reference}; a second confirmation changes nothing. */
    public void refunded(String reference) {
        dsl.transaction(tx -> {
            DSLContext db = tx.dsl();
            OrdersRecord order = db.selectFrom(ORDERS)
                    .where(ORDERS.REFERENCE.eq(reference))
                    .forUpdate()
                    .fetchOne();
            if (order != null) {
                movePayment(db, order, "refunded", Channel.API, null, "refund");
            }
        });
    }

    /** A line of the order with the menu's name (in the venue's first language) and price now. */
    private record Priced(String itemId, String name, int quantity, long unitPrice) {}

    private List<Priced> price(VenueFile venue, List<OrderRequest.Line> lines) {
        Map<String, String> unknown = new LinkedHashMap<>();
        List<String> closed = new ArrayList<>();
        List<Priced> priced = new ArrayList<>();
        LocalTime now = LocalTime.now(clock.withZone(venue.venue().timezone()));
        String language = venue.venue().languages().isEmpty()
                ? "en"
                : venue.venue().languages().get(0);
        for (int i = 0; i < lines.size(); i++) {
            OrderRequest.Line line = lines.get(i);
            String itemId = java.util.Objects.requireNonNull(line.itemId()).trim();
            VenueFile.MenuItem item = venue.menu().stream()
                    .filter(m -> m.id().equals(itemId))
                    .findFirst()
                    .orElse(null);
            if (item == null) {
                unknown.put("items[" + i + "].itemId", "is not on the menu");
                continue;
            }
            TimePeriod window = item.available();
            if (window != null && !servedAt(window, now)) {
                closed.add(item.name().in("en") + " is served " + window.start() + "–" + window.end());
            }
            priced.add(new Priced(
                    item.id(),
                    item.name().in(language),
                    java.util.Objects.requireNonNull(line.quantity()),
                    item.price()));
        }
        if (!unknown.isEmpty()) {
            throw new InvalidFieldsException(unknown);
        }
        if (!closed.isEmpty()) {
            throw DomainException.notAllowed(
                    "not_served_now",
                    String.join("; ", closed) + "; it is " + now.withSecond(0).withNano(0) + " now.");
        }
        return priced;
    }

    /** Whether {@code now} falls in the window, which may run past midnight. */
    static boolean servedAt(TimePeriod window, LocalTime now) {
        if (window.overnight()) {
            return !now.isBefore(window.start()) || now.isBefore(window.end());
        }
        return !now.isBefore(window.start()) && now.isBefore(window.end());
    }

    /** The stay checked in to {@code roomNumber}, locked so that it cannot check out while the charge lands. */
    /** A reader payment that may be tried (again) or given up: not under way, not done, the order not cancelled. */
    private static void checkReaderPaymentOpen(OrdersRecord order) {
        if (!order.getPaymentMethod().equals("terminal")) {
            throw DomainException.notAllowed(
                    "not_a_reader_payment", "Order " + order.getReference() + " is not paid at a card reader.");
        }
        switch (order.getPaymentStatus()) {
            case "pending" ->
                throw DomainException.conflict(
                        "payment_in_progress",
                        "The card reader is already waiting for a card for this order; cancel that first.");
            case "paid", "refunded" ->
                throw DomainException.conflict("already_paid", "Order " + order.getReference() + " is paid already.");
            default -> {}
        }
        if (order.getStatus().equals("cancelled")) {
            throw DomainException.conflict("order_cancelled", "Order " + order.getReference() + " was cancelled.");
        }
    }

    private static BookingRecord stayInRoom(DSLContext db, String roomNumber) {
        BookingRecord stay = db.selectFrom(BOOKING)
                .where(BOOKING.ROOM_NUMBER.eq(roomNumber.trim()))
                .and(BOOKING.STATUS.eq("checked_in"))
                .forUpdate()
                .fetchOne();
        if (stay == null) {
            throw DomainException.notAllowed(
                    "no_guest_in_room",
                    "Nobody is checked in to room " + roomNumber.trim()
                            + ", so the order cannot be charged to it; pay at the desk or by card.");
        }
        return stay;
    }

    /**
     * A guest charging to a room from the website or the kiosk names the guest on the stay (their surname is
     * enough), so that nobody charges someone else's room by its number alone.
     */
    private static void checkGuestIsOnTheStay(BookingRecord stay, @Nullable ContactDetails contact) {
        if (contact == null || contact.name().isBlank()) {
            throw new InvalidFieldsException(
                    Map.of("contact.name", "is required to charge a room: the name on the stay"));
        }
        List<String> given = words(contact.name());
        List<String> onStay = words(stay.getContactName());
        if (given.isEmpty() || !onStay.contains(given.get(given.size() - 1))) {
            throw DomainException.notAllowed(
                    "not_the_guest_in_room",
                    "The name given is not the name on that room's stay; please pay at the desk or by card.");
        }
    }

    private static List<String> words(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
        return List.of(plain.split("[^\\p{L}\\p{N}]+")).stream()
                .filter(w -> !w.isEmpty())
                .toList();
    }

    private OrdersRecord insert(
            DSLContext db,
            VenueFile venue,
            OrderRequest request,
            String method,
            long total,
            String currency,
            @Nullable BookingRecord stay,
            @Nullable Long contactId,
            Channel channel,
            @Nullable Long staffId,
            @Nullable String requestKey,
            OffsetDateTime now) {
        References references = new References(venue.venue().name());
        ContactDetails contact = request.contact();
        return references.insertUnique(
                db,
                (tx, reference) -> tx.insertInto(ORDERS)
                        .set(ORDERS.REFERENCE, reference)
                        .set(ORDERS.STATUS, "new")
                        .set(ORDERS.PAYMENT_METHOD, method)
                        .set(ORDERS.PAYMENT_STATUS, "unpaid")
                        .set(ORDERS.TOTAL, total)
                        .set(ORDERS.CURRENCY, currency)
                        .set(ORDERS.ROOM_NUMBER, request.roomNumber())
                        .set(ORDERS.TABLE_LABEL, request.table())
                        .set(ORDERS.STAY_ID, stay == null ? null : stay.getId())
                        .set(ORDERS.CONTACT_ID, contactId)
                        .set(ORDERS.CONTACT_NAME, contact == null ? null : contact.name())
                        .set(ORDERS.CONTACT_EMAIL, contact == null ? null : contact.email())
                        .set(ORDERS.CONTACT_PHONE, contact == null ? null : contact.phone())
                        .set(ORDERS.NOTES, request.notes())
                        .set(ORDERS.SOURCE, channel.wireName())
                        .set(ORDERS.CREATED_BY, staffId)
                        .set(ORDERS.REQUEST_KEY, requestKey)
                        .set(ORDERS.CREATED_AT, now)
                        .set(ORDERS.UPDATED_AT, now)
                        .returning()
                        .fetchSingle());
    }

    /** Orders for the desk, newest first, filtered by status, category of an item, venue-local days and q. */
    public List<OrderView> list(
            @Nullable String status,
            @Nullable String category,
            @Nullable LocalDate from,
            @Nullable LocalDate to,
            @Nullable String q) {
        List<String> itemsOfCategory = category == null
                ? null
                : venues.venue().menu().stream()
                        .filter(m -> m.category().equals(category))
                        .map(VenueFile.MenuItem::id)
                        .toList();
        return repository.list(
                status, itemsOfCategory, from, to, q, venues.venue().venue().timezone());
    }

    public OrderView find(long id) {
        return repository.view(dsl, repository.find(dsl, id, false).orElseThrow(() -> notFound(id)));
    }

    /**
     * Moves an order and its payment along their lives; any other move is a 409, the same status again changes
     * nothing.
     */
    public OrderView update(long id, OrderUpdate update, Channel channel, @Nullable Long staffId) {
        return dsl.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            OrdersRecord order = repository.find(db, id, true).orElseThrow(() -> notFound(id));
            List<String> changes = new ArrayList<>();
            String from = order.getStatus();
            String to = update.status() == null ? from : update.status();
            if (!to.equals(from)) {
                if (!TRANSITIONS.getOrDefault(from, Set.of()).contains(to)) {
                    throw DomainException.conflict(
                            "illegal_transition", "An order that is " + from + " cannot become " + to + ".");
                }
                order.setStatus(to);
                changes.add(from + " → " + to);
            }
            String paidFrom = order.getPaymentStatus();
            String paidTo = update.paymentStatus() == null ? paidFrom : update.paymentStatus();
            if (!paidTo.equals(paidFrom)) {
                if (!PaymentStatuses.canMove(paidFrom, paidTo)) {
                    throw DomainException.conflict(
                            "illegal_payment_transition",
                            "A payment that is " + paidFrom + " cannot become " + paidTo + ".");
                }
                order.setPaymentStatus(paidTo);
                changes.add("payment " + paidFrom + " → " + paidTo);
            }
            if (update.notes() != null && !update.notes().equals(order.getNotes())) {
                order.setNotes(update.notes());
                changes.add("notes");
            }
            if (changes.isEmpty()) {
                return repository.view(db, order);
            }
            OffsetDateTime now = now();
            order.setUpdatedAt(now);
            order.store();
            String what = to.equals("cancelled") && !from.equals("cancelled") ? "cancelled" : "changed";
            recordChange(db, order.getId(), what, staffId, channel, now, String.join(", ", changes));
            int version = db.fetchCount(ORDER_CHANGE, ORDER_CHANGE.ORDER_ID.eq(order.getId()));
            OrderView view = repository.view(db, order);
            outbox.write(db, "order." + what, order.getReference(), version, view, now);
            if (!paidFrom.equals("paid") && paidTo.equals("paid")) {
                outbox.write(db, "order.paid", order.getReference(), version, view, now);
            }
            return view;
        });
    }

    /** Every order of one guest's contact, oldest first (the GDPR right of access). */
    public List<OrderView> ofContact(long contactId) {
        List<OrdersRecord> orders = dsl.selectFrom(ORDERS)
                .where(ORDERS.CONTACT_ID.eq(contactId))
                .orderBy(ORDERS.CREATED_AT, ORDERS.ID)
                .fetch();
        return orders.stream().map(order -> repository.view(dsl, order)).toList();
    }

    /** Gives contact {@code from}'s orders to contact {@code to}, inside the caller's transaction (a merge). */
    public void moveContact(DSLContext tx, long from, long to) {
        tx.update(ORDERS)
                .set(ORDERS.CONTACT_ID, to)
                .where(ORDERS.CONTACT_ID.eq(from))
                .execute();
    }

    /**
     * Erases the guest's details from their orders, inside the caller's transaction (GDPR erasure); the orders and
     * their totals stay, anonymous. Answers the references, whose outbound events the caller scrubs too.
     */
    public List<String> eraseContact(DSLContext tx, long contactId) {
        List<String> references = tx.select(ORDERS.REFERENCE)
                .from(ORDERS)
                .where(ORDERS.CONTACT_ID.eq(contactId))
                .forUpdate()
                .fetch(ORDERS.REFERENCE);
        tx.update(ORDERS)
                .setNull(ORDERS.CONTACT_NAME)
                .setNull(ORDERS.CONTACT_EMAIL)
                .setNull(ORDERS.CONTACT_PHONE)
                .setNull(ORDERS.NOTES)
                .where(ORDERS.CONTACT_ID.eq(contactId))
                .execute();
        return references;
    }

    /** The charges of a room stay: its room-charged orders that were not cancelled. */
    public Folio folio(long stayId) {
        BookingRecord stay =
                dsl.selectFrom(BOOKING).where(BOOKING.ID.eq(stayId)).fetchOne();
        if (stay == null || !"room".equals(stay.getKind())) {
            throw DomainException.notFound("stay_not_found", "There is no room stay " + stayId + ".");
        }
        return repository.folio(dsl, stay, venues.venue().venue().currency());
    }

    /**
     * Settles a stay's folio at check-out, inside the check-out's transaction: every charge still unpaid is paid
     * now, recorded on the order's history and announced.
     */
    public void settleFolio(DSLContext tx, long stayId, Channel channel, @Nullable Long staffId) {
        OffsetDateTime now = now();
        List<OrdersRecord> unpaid = tx.selectFrom(ORDERS)
                .where(ORDERS.STAY_ID.eq(stayId))
                .and(ORDERS.PAYMENT_METHOD.eq("room"))
                .and(ORDERS.STATUS.ne("cancelled"))
                .and(ORDERS.PAYMENT_STATUS.in("unpaid", "pending", "failed"))
                .forUpdate()
                .fetch();
        for (OrdersRecord order : unpaid) {
            String before = order.getPaymentStatus();
            order.setPaymentStatus("paid").setUpdatedAt(now).store();
            recordChange(
                    tx, order.getId(), "settled", staffId, channel, now, "payment " + before + " → paid at check-out");
            int version = tx.fetchCount(ORDER_CHANGE, ORDER_CHANGE.ORDER_ID.eq(order.getId()));
            OrderView view = repository.view(tx, order);
            outbox.write(tx, "order.changed", order.getReference(), version, view, now);
            outbox.write(tx, "order.paid", order.getReference(), version, view, now);
        }
    }

    private static void recordChange(
            DSLContext db,
            long orderId,
            String what,
            @Nullable Long staffId,
            Channel channel,
            OffsetDateTime at,
            @Nullable String detail) {
        db.insertInto(ORDER_CHANGE)
                .set(ORDER_CHANGE.ORDER_ID, orderId)
                .set(ORDER_CHANGE.WHAT, what)
                .set(ORDER_CHANGE.STAFF_ID, staffId)
                .set(ORDER_CHANGE.CHANNEL, channel.wireName())
                .set(ORDER_CHANGE.CHANGED_AT, at)
                .set(ORDER_CHANGE.DETAIL, detail)
                .execute();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    static Money money(long amount, String currency) {
        return new Money(amount, currency);
    }

    private static DomainException notFound(long id) {
        return DomainException.notFound("order_not_found", "There is no order " + id + ".");
    }
}
