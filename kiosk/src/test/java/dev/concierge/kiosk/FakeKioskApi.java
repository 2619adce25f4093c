package dev.concierge.kiosk;

import dev.concierge.api.ApiError;
import dev.concierge.api.ApiException;
import dev.concierge.api.BookingView;
import dev.concierge.api.ChatReply;
import dev.concierge.api.ChatRequest;
import dev.concierge.api.ContactDetails;
import dev.concierge.api.KioskDevice;
import dev.concierge.api.LiveEvent;
import dev.concierge.api.Money;
import dev.concierge.api.OrderView;
import dev.concierge.api.Transcript;
import dev.concierge.api.VenueProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** A server in memory for the view models: answers what the test queued, remembers what it was asked. */
final class FakeKioskApi implements KioskApi {
    static final VenueProfile VENUE = new VenueProfile(
            "Hotel Miramar",
            "Europe/Madrid",
            "EUR",
            List.of("en", "es"),
            null,
            null,
            null,
            null,
            List.of(new VenueProfile.Service(
                    "massage-60", Map.of("en", "60-minute massage", "es", "Masaje de 60 minutos"), 60, 8000L, null)),
            List.of(),
            List.of());

    final List<ChatRequest> chats = new ArrayList<>();
    final List<String> tokensUsed = new ArrayList<>();
    final List<String> codesRedeemed = new ArrayList<>();
    final Deque<ChatReply> replies = new ArrayDeque<>();
    final List<Consumer<LiveEvent>> followers = new ArrayList<>();
    int venueCalls;
    /**
     * What {@code GET /api/chat/{id}} answers: the lines the live feed may have missed; by default none, in the
     * status the last reply left the conversation in.
     */
    @Nullable
    Transcript transcript;

    private boolean lastReplyHandedOff;

    /** The orders the card reader is asked about, by id; what the kiosk asked of the reader, in order. */
    final Map<Long, OrderView> orders = new HashMap<>();

    /** The bookings whose deposit the reader is asked about, by id. */
    final Map<Long, BookingView> bookings = new HashMap<>();

    final List<String> readerCalls = new ArrayList<>();
    boolean readerDown;
    boolean roomChargeAllowed = true;

    boolean down;
    boolean knowsCode = true;

    @Nullable
    String validToken = "ckt_good";

    private final @Nullable String token;
    private final FakeKioskApi root;

    FakeKioskApi() {
        this.token = null;
        this.root = this;
    }

    private FakeKioskApi(FakeKioskApi root, String token) {
        this.token = token;
        this.root = root;
    }

    @Override
    public KioskDevice pair(String code) {
        root.failIfDown();
        root.codesRedeemed.add(code);
        if (!root.knowsCode) {
            throw refusal(404, "pairing_code_not_found");
        }
        root.knowsCode = false; // a code works once
        return new KioskDevice("ckt_good", "kio_1", "Lobby");
    }

    @Override
    public KioskApi withDeviceToken(String deviceToken) {
        return new FakeKioskApi(root, deviceToken);
    }

    @Override
    public VenueProfile venue() {
        root.failIfDown();
        root.venueCalls++;
        checkToken();
        return VENUE;
    }

    @Override
    public ChatReply chat(ChatRequest request) {
        root.failIfDown();
        checkToken();
        root.chats.add(request);
        ChatReply reply = root.replies.poll();
        ChatReply answer = reply != null ? reply : reply("c1", "Hello!", "en");
        root.lastReplyHandedOff = answer.handoff();
        return answer;
    }

    @Override
    public Transcript transcript(String conversationId) {
        checkToken();
        return root.transcript != null
                ? root.transcript
                : new Transcript(conversationId, root.lastReplyHandedOff ? "handoff" : "open", "en", List.of());
    }

    @Override
    public AutoCloseable follow(String conversationId, Runnable opened, Consumer<LiveEvent> events) {
        root.followers.add(events);
        opened.run();
        return () -> root.followers.remove(events);
    }

    @Override
    public OrderView collectAtReader(long orderId) {
        root.failIfDown();
        checkToken();
        root.readerCalls.add("collect " + orderId);
        if (root.readerDown) {
            throw refusal(502, "card_reader_unavailable");
        }
        return root.paymentIs(orderId, "terminal", "pending");
    }

    @Override
    public OrderView readPayment(long orderId) {
        root.failIfDown();
        checkToken();
        root.readerCalls.add("read " + orderId);
        return root.orders.get(orderId);
    }

    @Override
    public OrderView cancelAtReader(long orderId) {
        root.failIfDown();
        checkToken();
        root.readerCalls.add("cancel " + orderId);
        OrderView order = root.orders.get(orderId);
        return order.payment().status().equals("pending") ? root.paymentIs(orderId, "terminal", "unpaid") : order;
    }

    @Override
    public OrderView payOtherwise(long orderId, String method) {
        root.failIfDown();
        checkToken();
        root.readerCalls.add(method + " " + orderId);
        if (method.equals("room") && !root.roomChargeAllowed) {
            throw refusal(422, "not_the_guest_in_room");
        }
        return root.paymentIs(orderId, method, "unpaid");
    }

    /** The reader takes the guest's card: {@code paid}, or {@code failed} for a declined card. */
    void cardTapped(long orderId, String status) {
        paymentIs(orderId, "terminal", status);
    }

    OrderView paymentIs(long orderId, String method, String status) {
        OrderView was = orders.get(orderId);
        OrderView now = new OrderView(
                was.id(),
                was.reference(),
                was.items(),
                was.total(),
                was.status(),
                new OrderView.Payment(method, status, null, status.equals("failed") ? "card_declined" : null),
                was.roomNumber(),
                was.table(),
                null,
                null,
                was.source(),
                was.createdAt(),
                null,
                null);
        orders.put(orderId, now);
        return now;
    }

    /** A reply that placed order {@code orderId} (29.00 EUR) to be paid at the reader, to {@code room} if given. */
    ChatReply orderedAtReader(long orderId, @Nullable String room) {
        OrderView order = new OrderView(
                orderId,
                "ORD-" + orderId,
                List.of(new OrderView.Item("club-sandwich", "Club sandwich", 2, new Money(1450, "EUR"))),
                new Money(2900, "EUR"),
                "new",
                new OrderView.Payment("terminal", "unpaid", null),
                room,
                room == null ? "7" : null,
                null,
                null,
                "kiosk",
                Instant.parse("2026-03-10T11:00:00Z"),
                null,
                null);
        orders.put(orderId, order);
        return new ChatReply("c1", "Your order ORD-" + orderId + " is placed.", "en", List.of(), false, null, order);
    }

    @Override
    public BookingView collectDepositAtReader(long bookingId) {
        root.failIfDown();
        checkToken();
        root.readerCalls.add("collect deposit " + bookingId);
        if (root.readerDown) {
            throw refusal(502, "card_reader_unavailable");
        }
        return root.depositIs(bookingId, "pending");
    }

    @Override
    public BookingView readDeposit(long bookingId) {
        root.failIfDown();
        checkToken();
        root.readerCalls.add("read deposit " + bookingId);
        return root.bookings.get(bookingId);
    }

    @Override
    public BookingView cancelDepositAtReader(long bookingId) {
        root.failIfDown();
        checkToken();
        root.readerCalls.add("cancel deposit " + bookingId);
        BookingView booking = root.bookings.get(bookingId);
        return Objects.requireNonNull(booking.deposit()).status().equals("pending")
                ? root.depositIs(bookingId, "unpaid")
                : booking;
    }

    @Override
    public BookingView payDepositOtherwise(long bookingId, String method) {
        root.failIfDown();
        checkToken();
        root.readerCalls.add(method + " deposit " + bookingId);
        if (!method.equals("desk")) {
            throw refusal(400, "invalid_fields");
        }
        return root.bookings.get(bookingId);
    }

    /** The deposit of booking {@code bookingId} is now {@code status}; paid, the booking is confirmed. */
    BookingView depositIs(long bookingId, String status) {
        BookingView was = bookings.get(bookingId);
        BookingView.Deposit deposit = Objects.requireNonNull(was.deposit());
        BookingView now = new BookingView(
                was.id(),
                was.reference(),
                was.kind(),
                was.serviceId(),
                was.roomTypeId(),
                was.start(),
                was.end(),
                was.partySize(),
                status.equals("paid") ? "confirmed" : was.status(),
                was.contact(),
                null,
                was.source(),
                was.createdAt(),
                null,
                null,
                new BookingView.Deposit(deposit.amount(), status, null, deposit.dueAt()));
        bookings.put(bookingId, now);
        return now;
    }

    /** A reply that booked a massage (booking {@code bookingId}) held until its deposit of 20.00 EUR is paid. */
    ChatReply bookedWithDeposit(long bookingId) {
        OffsetDateTime start = OffsetDateTime.parse("2026-03-11T10:00:00+01:00");
        BookingView booking = new BookingView(
                bookingId,
                "BK-" + bookingId,
                "service",
                "massage-60",
                null,
                start,
                start.plusHours(1),
                1,
                "pending",
                new ContactDetails("Ana López", "ana@example.com", null),
                null,
                "kiosk",
                Instant.parse("2026-03-10T11:00:00Z"),
                null,
                null,
                new BookingView.Deposit(new Money(2000, "EUR"), "unpaid", null, Instant.parse("2026-03-10T11:30:00Z")));
        bookings.put(bookingId, booking);
        return new ChatReply("c1", "Your place is held.", "en", List.of(), false, booking, null);
    }

    private void checkToken() {
        root.tokensUsed.add(String.valueOf(token));
        if (token == null || !token.equals(root.validToken)) {
            throw refusal(401, "invalid_device_token");
        }
    }

    private void failIfDown() {
        if (down) {
            throw new UncheckedIOException("Cannot reach http://127.0.0.1:1", new IOException("Connection refused"));
        }
    }

    static ApiException refusal(int status, String code) {
        return new ApiException(status, ApiError.of(code, "refused"));
    }

    static ChatReply reply(String conversationId, String text, String language, String... quickReplies) {
        return new ChatReply(conversationId, text, language, List.of(quickReplies), false, null, null);
    }

    static ChatReply booked(String conversationId, String language) {
        BookingView booking = new BookingView(
                7,
                "MIR-7K2Q",
                "service",
                "massage-60",
                null,
                OffsetDateTime.parse("2026-03-11T11:00:00+01:00"),
                OffsetDateTime.parse("2026-03-11T12:00:00+01:00"),
                1,
                "confirmed",
                new ContactDetails("Ana López", "ana@example.com", null),
                null,
                "kiosk",
                Instant.parse("2026-03-10T08:00:00Z"),
                null,
                null,
                null);
        return new ChatReply(conversationId, "Booked: MIR-7K2Q.", language, List.of(), false, booking, null);
    }
}
