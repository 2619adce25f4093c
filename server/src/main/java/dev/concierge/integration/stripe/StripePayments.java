package dev.concierge.integration.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.terminal.Reader;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.terminal.ReaderProcessPaymentIntentParams;
import dev.concierge.api.ConnectionResult;
import dev.concierge.payment.CardPayments;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Card payments of orders as Stripe PaymentIntents: online (the payer's page confirms with the client secret) or at
 * a Stripe Terminal reader in the server-driven flow (the server hands a card-present PaymentIntent to the reader and
 * follows the reader's action). The idempotency key of an order's payment is its reference, so a
 * second start (a retry after a timeout, a confirm after a failed start) finds the first PaymentIntent instead of
 * making another; Stripe keeps keys for 24 hours, and after the first success the order stores the PaymentIntent's
 * id anyway.
 */
public final class StripePayments implements CardPayments {
    private final StripeClient client;
    private final @Nullable String venueReader;

    StripePayments(StripeClient client, @Nullable String venueReader) {
        this.client = client;
        this.venueReader = venueReader;
    }

    /**
     * Stripe when {@code STRIPE_SECRET_KEY} is set; {@code STRIPE_API_BASE} replaces its address (test servers);
     * {@code STRIPE_TERMINAL_READER_ID} is the venue's reader for kiosks that name none of their own.
     */
    public static Optional<StripePayments> fromSettings(
            @Nullable String secretKey, @Nullable String apiBase, @Nullable String venueReader) {
        return client(secretKey, apiBase).map(client -> new StripePayments(client, venueReader));
    }

    /** The console's "test connection": reads the account's balance with these settings' key (changes nothing). */
    public static ConnectionResult testConnection(Function<String, @Nullable String> settings) {
        Optional<StripeClient> client = client(settings.apply("STRIPE_SECRET_KEY"), settings.apply("STRIPE_API_BASE"));
        if (client.isEmpty()) {
            return new ConnectionResult("stripe", false, "STRIPE_SECRET_KEY is not set.");
        }
        try {
            com.stripe.model.Balance balance = client.get().v1().balance().retrieve();
            return new ConnectionResult(
                    "stripe",
                    true,
                    "Stripe accepted the key (" + (Boolean.TRUE.equals(balance.getLivemode()) ? "live" : "test")
                            + " mode).");
        } catch (com.stripe.exception.AuthenticationException e) {
            return new ConnectionResult("stripe", false, "Stripe refused the key (401): check STRIPE_SECRET_KEY.");
        } catch (StripeException e) {
            return new ConnectionResult(
                    "stripe", false, String.valueOf(unavailable(e).getMessage()));
        }
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
        return online(
                "order-" + orderReference,
                "Order " + orderReference,
                "order_reference",
                orderReference,
                amount,
                currency);
    }

    @Override
    public CardPayment startDeposit(String bookingReference, long amount, String currency) throws Unavailable {
        return online(
                "deposit-" + bookingReference,
                "Deposit for booking " + bookingReference,
                "booking_reference",
                bookingReference,
                amount,
                currency);
    }

    /** A PaymentIntent the payer's page completes, once per {@code key} (its idempotency key ends in -payment). */
    private CardPayment online(
            String key, String description, String referenceName, String reference, long amount, String currency)
            throws Unavailable {
        PaymentIntentCreateParams params = PaymentIntentCreateParams.builder()
                .setAmount(amount)
                .setCurrency(currency.toLowerCase(Locale.ROOT))
                .addPaymentMethodType("card")
                .setDescription(description)
                .putMetadata(referenceName, reference)
                .build();
        try {
            return payment(client.v1().paymentIntents().create(params, key(key + "-payment")));
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

    @Override
    public void cancel(String paymentId) throws Unavailable {
        try {
            client.v1().paymentIntents().cancel(paymentId, key("cancel-" + paymentId));
        } catch (StripeException e) {
            if ("payment_intent_unexpected_state".equals(e.getCode())) {
                return; // cancelled already, or it cannot be any more (the caller has read its status)
            }
            throw unavailable(e);
        }
    }

    @Override
    public Optional<String> venueReader() {
        return Optional.ofNullable(venueReader);
    }

    @Override
    public CardPayment collectAtReader(ReaderCharge charge, long amount, String currency, String readerId, int attempt)
            throws Unavailable {
        // the same keys, description and metadata as the online payments of orders and deposits
        String key = (charge.deposit() ? "deposit-" : "order-") + charge.reference();
        PaymentIntentCreateParams params = PaymentIntentCreateParams.builder()
                .setAmount(amount)
                .setCurrency(currency.toLowerCase(Locale.ROOT))
                .addPaymentMethodType("card_present")
                .setCaptureMethod(PaymentIntentCreateParams.CaptureMethod.AUTOMATIC)
                .setDescription((charge.deposit() ? "Deposit for booking " : "Order ") + charge.reference())
                .putMetadata(charge.deposit() ? "booking_reference" : "order_reference", charge.reference())
                .build();
        try {
            // one card-present PaymentIntent per charge, whatever the attempt: a second card pays the same intent
            PaymentIntent intent = client.v1().paymentIntents().create(params, key(key + "-terminal-payment"));
            if (!status(intent.getStatus()).equals("pending")) {
                return payment(intent); // paid already (a retry after a lost answer)
            }
            client.v1()
                    .terminal()
                    .readers()
                    .processPaymentIntent(
                            readerId,
                            ReaderProcessPaymentIntentParams.builder()
                                    .setPaymentIntent(intent.getId())
                                    .build(),
                            key(key + "-reader-" + attempt));
            return new CardPayment(intent.getId(), "pending", null);
        } catch (StripeException e) {
            throw unavailable(e);
        }
    }

    @Override
    public CardPayment readAtReader(String paymentId, String readerId) throws Unavailable {
        try {
            PaymentIntent intent = client.v1().paymentIntents().retrieve(paymentId);
            String status = status(intent.getStatus());
            if (!status.equals("pending")) {
                return new CardPayment(paymentId, status, null);
            }
            Reader.Action action =
                    client.v1().terminal().readers().retrieve(readerId).getAction();
            boolean ours = action != null
                    && action.getProcessPaymentIntent() != null
                    && paymentId.equals(action.getProcessPaymentIntent().getPaymentIntent());
            if (!ours) {
                // the reader is doing something else or nothing (restarted, cancelled at the reader): this try is over
                return new CardPayment(paymentId, "failed", null, "reader_not_collecting");
            }
            return switch (String.valueOf(action.getStatus())) {
                case "failed" ->
                    new CardPayment(
                            paymentId,
                            "failed",
                            null,
                            action.getFailureCode() != null ? action.getFailureCode() : "declined");
                // the intent read a moment ago may predate the reader's success
                case "succeeded" -> new CardPayment(paymentId, "paid", null);
                default -> new CardPayment(paymentId, "pending", null);
            };
        } catch (StripeException e) {
            throw unavailable(e);
        }
    }

    @Override
    public void cancelAtReader(String readerId, ReaderCharge charge, int attempt) throws Unavailable {
        try {
            client.v1()
                    .terminal()
                    .readers()
                    .cancelAction(
                            readerId,
                            key((charge.deposit() ? "deposit-" : "order-") + charge.reference() + "-reader-" + attempt
                                    + "-cancel"));
        } catch (StripeException e) {
            throw unavailable(e);
        }
    }

    private static RequestOptions key(String idempotencyKey) {
        return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
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
