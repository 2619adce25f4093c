package dev.concierge.payment;

import dev.concierge.common.DomainException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Card payments through a payment provider (Stripe, in {@code integration/stripe}); all that orders and booking
 * deposits know of it. Every call is idempotent by the order's or booking's reference, so asking again after a
 * timeout never charges twice.
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
        public CardPayment startDeposit(String bookingReference, long amount, String currency) throws Unavailable {
            throw new Unavailable("card payments are not set up");
        }

        @Override
        public CardPayment read(String paymentId) throws Unavailable {
            throw new Unavailable("card payments are not set up");
        }

        @Override
        public void cancel(String paymentId) throws Unavailable {
            throw new Unavailable("card payments are not set up");
        }

        @Override
        public Optional<String> venueReader() {
            return Optional.empty();
        }

        @Override
        public CardPayment collectAtReader(
                ReaderCharge charge, long amount, String currency, String readerId, int attempt) throws Unavailable {
            throw new Unavailable("card payments are not set up");
        }

        @Override
        public CardPayment readAtReader(String paymentId, String readerId) throws Unavailable {
            throw new Unavailable("card payments are not set up");
        }

        @Override
        public void cancelAtReader(String readerId, ReaderCharge charge, int attempt) throws Unavailable {
            throw new Unavailable("card payments are not set up");
        }
    };

    /** Whether a provider is configured. */
    boolean available();

    /** The payment the payer completes for an order (created once per order, found again after). */
    CardPayment start(String orderReference, long amount, String currency) throws Unavailable;

    /** The deposit the guest pays online for a booking (created once per booking, found again after). */
    CardPayment startDeposit(String bookingReference, long amount, String currency) throws Unavailable;

    /** The payment as the provider sees it now. */
    CardPayment read(String paymentId) throws Unavailable;

    /** Stops a payment nobody should make any more (a deposit for a booking released unpaid). */
    void cancel(String paymentId) throws Unavailable;

    /** The venue's card reader, for the desk and for kiosks that have none of their own. */
    Optional<String> venueReader();

    /**
     * The reader a payment at a card reader goes to: the kiosk's own ({@code kioskReader}) or the venue's. 503 without
     * card payments or without a reader.
     */
    default String readerFor(@Nullable String kioskReader) {
        if (!available()) {
            throw DomainException.unavailable(
                    "terminal_not_configured", "Card readers are not set up here (STRIPE_SECRET_KEY).");
        }
        String reader = kioskReader != null ? kioskReader : venueReader().orElse(null);
        if (reader == null) {
            throw DomainException.unavailable(
                    "no_card_reader",
                    "No card reader is set up for this kiosk: name one when pairing it, or set"
                            + " STRIPE_TERMINAL_READER_ID.");
        }
        return reader;
    }

    /**
     * A card-present payment for an order or a booking's deposit (made once per {@code charge}) handed to the card
     * reader {@code readerId}, which then asks the guest to tap or insert a card; {@code attempt} counts the tries
     * (another card after a decline).
     */
    CardPayment collectAtReader(ReaderCharge charge, long amount, String currency, String readerId, int attempt)
            throws Unavailable;

    /** How a payment at a reader is going: waiting for the card, paid, or failed with the reader's reason. */
    CardPayment readAtReader(String paymentId, String readerId) throws Unavailable;

    /** Stops the reader waiting for a card (the guest walked away or pays another way). */
    void cancelAtReader(String readerId, ReaderCharge charge, int attempt) throws Unavailable;

    /** What a card reader is paid for: an order, or the deposit of a booking, by its reference. */
    record ReaderCharge(boolean deposit, String reference) {
        public static ReaderCharge order(String orderReference) {
            return new ReaderCharge(false, orderReference);
        }

        public static ReaderCharge depositOf(String bookingReference) {
            return new ReaderCharge(true, bookingReference);
        }
    }

    /**
     * A payment at the provider.
     *
     * @param status in the order's words: {@code pending} (waiting for the payer), {@code paid}, {@code failed}
     * @param clientSecret what the payer's page needs to complete it; never stored, never logged
     * @param failure why the last try failed, as the provider codes it (e.g. {@code card_declined}); for the payer
     */
    record CardPayment(
            String id,
            String status,
            @Nullable String clientSecret,
            @Nullable String failure) {
        public CardPayment(String id, String status, @Nullable String clientSecret) {
            this(id, status, clientSecret, null);
        }
    }

    /** The provider could not be reached or refused; the order stands and is paid another way or later. */
    final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;

        public Unavailable(String reason) {
            super(reason);
        }
    }
}
