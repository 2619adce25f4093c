package dev.concierge.integration.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.StripeException;
import com.stripe.net.RequestOptions;
import com.stripe.param.RefundCreateParams;
import dev.concierge.order.OrderService;
import dev.concierge.outbox.Connector;
import dev.concierge.outbox.DeliveryFailure;
import dev.concierge.outbox.OutboxEvent;
import dev.concierge.outbox.Subscription;
import java.io.IOException;
import java.time.Clock;

/**
 * Refunds asked for at the console, made through the outbox: queued while Stripe is unreachable, sent with the
 * event's idempotency key so a retry after a crash never refunds twice, and the order's payment marked refunded once
 * Stripe has it.
 */
public final class StripeRefunds implements Connector {
    public static final String NAME = "stripe";
    static final String REFUND_REQUESTED = "order.refund_requested";
    /** What the outbox writer needs to know of this connector before it exists. */
    public static final Subscription SUBSCRIPTION = new Subscription(NAME, REFUND_REQUESTED::equals);

    private final StripeClient client;
    private final OrderService orders;
    private final ObjectMapper json;
    private final Clock wallClock;

    public StripeRefunds(StripePayments payments, OrderService orders, ObjectMapper json, Clock wallClock) {
        this(payments.client(), orders, json, wallClock);
    }

    StripeRefunds(StripeClient client, OrderService orders, ObjectMapper json, Clock wallClock) {
        this.client = client;
        this.orders = orders;
        this.json = json;
        this.wallClock = wallClock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean wants(String eventType) {
        return REFUND_REQUESTED.equals(eventType);
    }

    @Override
    public void deliver(OutboxEvent event) throws DeliveryFailure {
        JsonNode refund;
        try {
            refund = json.readTree(event.payload());
        } catch (IOException e) {
            throw DeliveryFailure.permanent("the refund's event is not readable");
        }
        String paymentId = refund.path("paymentId").asText();
        String reference = refund.path("reference").asText();
        try {
            client.v1()
                    .refunds()
                    .create(
                            RefundCreateParams.builder()
                                    .setPaymentIntent(paymentId)
                                    .putMetadata("order_reference", reference)
                                    .build(),
                            RequestOptions.builder()
                                    .setIdempotencyKey(event.idempotencyKey())
                                    .build());
        } catch (StripeException e) {
            if ("charge_already_refunded".equals(e.getCode())) {
                orders.refunded(reference);
                return;
            }
            throw failure(e);
        }
        orders.refunded(reference);
    }

    private DeliveryFailure failure(StripeException e) {
        if (e instanceof ApiConnectionException) {
            return DeliveryFailure.retryable("Stripe could not be reached", null);
        }
        Integer status = e.getStatusCode();
        String detail = e.getCode() == null ? e.getClass().getSimpleName() : e.getCode();
        return DeliveryFailure.ofStatus(NAME, status == null ? 500 : status, null, detail, wallClock.instant());
    }
}
