package dev.concierge.kiosk;

import dev.concierge.api.BookingView;
import dev.concierge.api.ChatReply;
import dev.concierge.api.ChatRequest;
import dev.concierge.api.KioskDevice;
import dev.concierge.api.LiveEvent;
import dev.concierge.api.OrderView;
import dev.concierge.api.Transcript;
import dev.concierge.api.VenueProfile;
import java.util.function.Consumer;

/**
 * What the kiosk asks of the server. Calls block (run them off the FX thread); they throw
 * {@link dev.concierge.api.ApiException} for an error answer and {@link java.io.UncheckedIOException} when the server
 * cannot be reached.
 */
interface KioskApi {
    /** Redeems a pairing code for this kiosk's device token (no token needed). */
    KioskDevice pair(String code);

    /** The same server, now calling as the paired kiosk. */
    KioskApi withDeviceToken(String token);

    VenueProfile venue();

    ChatReply chat(ChatRequest request);

    /** {@code GET /api/chat/{id}}: the conversation as the guest saw it, for what the live feed missed. */
    Transcript transcript(String conversationId);

    /**
     * Follows one conversation's live feed ({@code WS /api/chat/live}); {@code opened} once the socket is up (what was
     * said before that is only in the {@link #transcript}), then {@code events}; both are called off the FX thread.
     * Closing the answer stops it.
     */
    AutoCloseable follow(String conversationId, Runnable opened, Consumer<LiveEvent> events);

    /** {@code POST /api/orders/{id}/terminal}: the kiosk's card reader asks the guest for a card for this order. */
    OrderView collectAtReader(long orderId);

    /** {@code POST /api/orders/confirm}: the order's payment as the reader and the provider see it now. */
    OrderView readPayment(long orderId);

    /** {@code POST /api/orders/{id}/terminal/cancel}: the reader stops waiting for a card. */
    OrderView cancelAtReader(long orderId);

    /** {@code POST /api/orders/{id}/payment}: pay at the desk ({@code desk}) or charge the room ({@code room}). */
    OrderView payOtherwise(long orderId, String method);

    /** {@code POST /api/reservations/{id}/terminal}: the reader asks for a card for this booking's deposit. */
    BookingView collectDepositAtReader(long bookingId);

    /** {@code POST /api/reservations/confirm}: the deposit as the reader and the provider see it now. */
    BookingView readDeposit(long bookingId);

    /** {@code POST /api/reservations/{id}/terminal/cancel}: the reader stops waiting for the deposit's card. */
    BookingView cancelDepositAtReader(long bookingId);

    /** {@code POST /api/reservations/{id}/payment}: the deposit is paid at the desk ({@code desk}). */
    BookingView payDepositOtherwise(long bookingId, String method);
}
