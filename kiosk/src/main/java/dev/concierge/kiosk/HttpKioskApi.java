package dev.concierge.kiosk;

import dev.concierge.api.ApiClient;
import dev.concierge.api.BookingView;
import dev.concierge.api.ChatReply;
import dev.concierge.api.ChatRequest;
import dev.concierge.api.KioskDevice;
import dev.concierge.api.KioskPairRequest;
import dev.concierge.api.LiveEvent;
import dev.concierge.api.OrderView;
import dev.concierge.api.PaymentChoice;
import dev.concierge.api.Transcript;
import dev.concierge.api.VenueProfile;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** {@link KioskApi} over the HTTP API ({@link ApiClient}) and its chat socket ({@link LiveChatSocket}). */
final class HttpKioskApi implements KioskApi {
    private final ApiClient client;
    private final @Nullable String token;

    private HttpKioskApi(ApiClient client, @Nullable String token) {
        this.client = client;
        this.token = token;
    }

    static HttpKioskApi of(URI server) {
        return new HttpKioskApi(ApiClient.of(server), null);
    }

    @Override
    public KioskDevice pair(String code) {
        return client.post("/api/kiosk/pair", new KioskPairRequest(code), KioskDevice.class);
    }

    @Override
    public KioskApi withDeviceToken(String deviceToken) {
        return new HttpKioskApi(client.withDeviceToken(deviceToken), deviceToken);
    }

    @Override
    public VenueProfile venue() {
        return client.venue();
    }

    @Override
    public ChatReply chat(ChatRequest request) {
        return client.post("/api/chat", request, ChatReply.class);
    }

    @Override
    public Transcript transcript(String conversationId) {
        return client.get("/api/chat/" + URLEncoder.encode(conversationId, StandardCharsets.UTF_8), Transcript.class);
    }

    @Override
    public AutoCloseable follow(String conversationId, Runnable opened, Consumer<LiveEvent> events) {
        if (token == null) {
            throw new IllegalStateException("an unpaired kiosk follows no conversation");
        }
        return LiveChatSocket.open(client.base(), token, conversationId, opened, events);
    }

    @Override
    public OrderView collectAtReader(long orderId) {
        return client.post("/api/orders/" + orderId + "/terminal", Map.of(), OrderView.class);
    }

    @Override
    public OrderView readPayment(long orderId) {
        return client.post("/api/orders/confirm", Map.of("orderId", orderId), OrderView.class);
    }

    @Override
    public OrderView cancelAtReader(long orderId) {
        return client.post("/api/orders/" + orderId + "/terminal/cancel", Map.of(), OrderView.class);
    }

    @Override
    public OrderView payOtherwise(long orderId, String method) {
        return client.post("/api/orders/" + orderId + "/payment", new PaymentChoice(method), OrderView.class);
    }

    @Override
    public BookingView collectDepositAtReader(long bookingId) {
        return client.post("/api/reservations/" + bookingId + "/terminal", Map.of(), BookingView.class);
    }

    @Override
    public BookingView readDeposit(long bookingId) {
        return client.post("/api/reservations/confirm", Map.of("bookingId", bookingId), BookingView.class);
    }

    @Override
    public BookingView cancelDepositAtReader(long bookingId) {
        return client.post("/api/reservations/" + bookingId + "/terminal/cancel", Map.of(), BookingView.class);
    }

    @Override
    public BookingView payDepositOtherwise(long bookingId, String method) {
        return client.post("/api/reservations/" + bookingId + "/payment", new PaymentChoice(method), BookingView.class);
    }
}
