package dev.concierge.integration.stripe;

import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Charge;
import com.stripe.model.Event;
import com.stripe.model.EventDataObjectDeserializer;
import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeObject;
import com.stripe.model.terminal.Reader;
import com.stripe.net.Webhook;
import dev.concierge.api.InvalidFieldsException;
import dev.concierge.booking.DepositService;
import dev.concierge.common.DomainException;
import dev.concierge.order.OrderService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/webhooks/stripe}: Stripe tells us how a payment went. The {@code Stripe-Signature} is checked with
 * {@code STRIPE_WEBHOOK_SECRET} before anything is read (a bad one is a 400 and changes nothing); each event counts
 * once however often Stripe sends it; events we do not act on are acknowledged so Stripe stops sending them.
 */
public final class StripeWebhookController {
    private static final Logger log = LoggerFactory.getLogger(StripeWebhookController.class);

    private final @Nullable String secret;
    private final OrderService orders;
    private final DepositService deposits;

    public StripeWebhookController(@Nullable String secret, OrderService orders, DepositService deposits) {
        this.secret = secret;
        this.orders = orders;
        this.deposits = deposits;
    }

    public void register(RoutesConfig routes) {
        routes.post("/api/webhooks/stripe", this::receive);
    }

    private void receive(Context ctx) {
        if (secret == null) {
            throw DomainException.unavailable(
                    "stripe_not_configured", "Stripe webhooks are not set up here (STRIPE_WEBHOOK_SECRET).");
        }
        String signature = ctx.header("Stripe-Signature");
        if (signature == null || signature.isBlank()) {
            throw InvalidFieldsException.of("Stripe-Signature", "is required");
        }
        Event event;
        try {
            event = Webhook.constructEvent(ctx.body(), signature, secret);
        } catch (SignatureVerificationException e) {
            throw InvalidFieldsException.of("Stripe-Signature", "does not match the payload (or is too old)");
        } catch (RuntimeException e) {
            // a signed body that is not an event (the signature check comes first, so this is Stripe or a test)
            throw InvalidFieldsException.of("body", "is not a Stripe event");
        }
        String status = switch (event.getType()) {
            case "payment_intent.succeeded" -> "paid";
            case "payment_intent.payment_failed", "payment_intent.canceled" -> "failed";
            // a card reader's try (server-driven Terminal): the kiosk hears of it at its next confirm
            case "terminal.reader.action_succeeded" -> "paid";
            case "terminal.reader.action_failed" -> "failed";
            case "charge.refunded" -> "refunded";
            default -> null;
        };
        boolean changed = false;
        StripeObject object = status == null ? null : objectOf(event);
        String paymentId = object == null ? null : paymentIntentOf(object);
        if (status != null && paymentId != null) {
            changed = deposits.owns(paymentId)
                    ? deposits.applyPaymentEvent(event.getId(), event.getType(), paymentId, status)
                    : orders.applyPaymentEvent(
                            event.getId(), event.getType(), paymentId, status, readerFailure(object));
        }
        log.info(
                "Stripe event {} ({}) received; changed an order or a booking: {}",
                event.getId(),
                event.getType(),
                changed);
        ctx.json(Map.of("received", true));
    }

    /** The object an event is about, read even when the event's API version is not the client's. */
    private static @Nullable StripeObject objectOf(Event event) {
        EventDataObjectDeserializer data = event.getDataObjectDeserializer();
        StripeObject object = data.getObject().orElse(null);
        if (object != null) {
            return object;
        }
        try {
            return data.deserializeUnsafe();
        } catch (EventDataObjectDeserializationException e) {
            return null;
        }
    }

    /** The PaymentIntent an event's object is or belongs to. */
    private static @Nullable String paymentIntentOf(StripeObject object) {
        if (object instanceof PaymentIntent intent) {
            return intent.getId();
        }
        if (object instanceof Charge charge) {
            return charge.getPaymentIntent();
        }
        if (object instanceof Reader reader
                && reader.getAction() != null
                && reader.getAction().getProcessPaymentIntent() != null) {
            return reader.getAction().getProcessPaymentIntent().getPaymentIntent();
        }
        return null;
    }

    /** Why a reader's try failed, when the object is a reader whose action failed. */
    private static @Nullable String readerFailure(@Nullable StripeObject object) {
        if (object instanceof Reader reader
                && reader.getAction() != null
                && "failed".equals(reader.getAction().getStatus())) {
            String code = reader.getAction().getFailureCode();
            return code != null ? code : "declined";
        }
        return null;
    }
}
