package dev.concierge.order;

import org.jspecify.annotations.Nullable;

/**
 * Card payments through a payment provider (Stripe, in {@code integration/stripe}); all the order feature knows of
 * it. Every call is idempotent by the order's reference, so asking again after a timeout never charges twice.
 */
public interface CardPayments {

    /** No provider configured: card orders are paid at delivery or at the desk, as before. */
    CardPayments NONE = new CardPayments() {
        @Override
        public boolean available() {
            return false;
        }

        @Override
        public CardPayment start(String orderReference, long amount, String currency) throws Unavailable {
            throw new Unavailable("card payments are not set up");
        }

        @Override
        public CardPayment read(String paymentId) throws Unavailable {
            throw new Unavailable("card payments are not set up");
        }
    };

    /** Whether a provider is configured. */
    boolean available();

    /** The payment the payer completes for an order (created once per order, found again after). */
    CardPayment start(String orderReference, long amount, String currency) throws Unavailable;

    /** The payment as the provider sees it now. */
    CardPayment read(String paymentId) throws Unavailable;

    /**
     * A payment at the provider.
     *
     * @param status in the order's words: {@code pending} (waiting for the payer), {@code paid}, {@code failed}
     * @param clientSecret what the payer's page needs to complete it; never stored, never logged
     */
    record CardPayment(String id, String status, @Nullable String clientSecret) {}

    /** The provider could not be reached or refused; the order stands and is paid another way or later. */
    final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;

        public Unavailable(String reason) {
            super(reason);
        }
    }
}
