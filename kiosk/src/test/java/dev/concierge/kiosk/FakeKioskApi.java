package dev.concierge.kiosk;

import dev.concierge.api.ApiError;
import dev.concierge.api.ApiException;
import dev.concierge.api.BookingView;
import dev.concierge.api.ChatReply;
import dev.concierge.api.ChatRequest;
import dev.concierge.api.ContactDetails;
import dev.concierge.api.KioskDevice;
import dev.concierge.api.LiveEvent;
import dev.concierge.api.Transcript;
import dev.concierge.api.VenueProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
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
