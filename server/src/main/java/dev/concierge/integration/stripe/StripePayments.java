package dev.concierge.integration.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCreateParams;
import dev.concierge.order.CardPayments;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Card payments of orders as Stripe PaymentIntents. The idempotency key of an order's payment is its reference, so a
 * second start (a retry after a timeout, a confirm after a failed start) finds the first PaymentIntent instead of
 * making another; Stripe keeps keys for 24 hours, and after the first success the order stores the PaymentIntent's
 * id anyway.
 */
public final class StripePayments implements CardPayments {
    private final StripeClient client;

    StripePayments(StripeClient client) {
        this.client = client;
    }

    /** Stripe when {@code STRIPE_SECRET_KEY} is set; {@code STRIPE_API_BASE} replaces its address (test servers). */
    public static Optional<StripePayments> fromSettings(@Nullable String secretKey, @Nullable String apiBase) {
        return client(secretKey, apiBase).map(StripePayments::new);
    }

    static Optional<StripeClient> client(@Nullable String secretKey, @Nullable String apiBase) {
        if (secretKey == null) {
            return Optional.empty();
        }
        StripeClient.StripeClientBuilder builder = StripeClient.builder()
                .setApiKey(secretKey)
                // the outbox and the payer's confirm retry; stripe-java's own retries would only hide an outage
                .setMaxNetworkRetries(0)
                .setConnectTimeout(5_000)
                .setReadTimeout(15_000);
        if (apiBase != null) {
            builder.setApiBase(apiBase.replaceAll("/+$", ""));
        }
        return Optional.of(builder.build());
    }

    StripeClient client() {
        return client;
    }

    @Override
    public boolean available() {
        return true;
    }

    @Override
    public CardPayment start(String orderReference, long amount, String currency) throws Unavailable {
        PaymentIntentCreateParams params = PaymentIntentCreateParams.builder()
                .setAmount(amount)
                .setCurrency(currency.toLowerCase(Locale.ROOT))
                .addPaymentMethodType("card")
                .setDescription("Order " + orderReference)
                .putMetadata("order_reference", orderReference)
                .build();
        RequestOptions once = RequestOptions.builder()
                .setIdempotencyKey("order-" + orderReference + "-payment")
                .build();
        try {
            return payment(client.v1().paymentIntents().create(params, once));
        } catch (StripeException e) {
            throw unavailable(e);
        }
    }

    @Override
    public CardPayment read(String paymentId) throws Unavailable {
        try {
            return payment(client.v1().paymentIntents().retrieve(paymentId));
        } catch (StripeException e) {
            throw unavailable(e);
        }
    }

    private static CardPayment payment(PaymentIntent intent) {
        return new CardPayment(intent.getId(), status(intent.getStatus()), intent.getClientSecret());
    }

    /** A PaymentIntent's status in the order's words. */
    static String status(@Nullable String stripeStatus) {
        if (stripeStatus == null) {
            return "pending";
        }
        return switch (stripeStatus) {
            case "succeeded" -> "paid";
            case "canceled" -> "failed";
            default -> "pending"; // requires_payment_method, requires_confirmation, requires_action, processing…
        };
    }

    /** What went wrong, for the log and the desk: the kind and Stripe's status, never the request or a secret. */
    static Unavailable unavailable(StripeException e) {
        if (e instanceof ApiConnectionException) {
            return new Unavailable("Stripe could not be reached");
        }
        return new Unavailable("Stripe answered " + e.getStatusCode() + " ("
                + e.getClass().getSimpleName() + (e.getCode() == null ? "" : ", " + e.getCode()) + ")");
    }
}
