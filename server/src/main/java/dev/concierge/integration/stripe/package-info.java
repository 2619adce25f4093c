/** Card payments through Stripe (official stripe-java): PaymentIntents, refunds through the outbox, webhooks. */
@NullMarked
package dev.concierge.integration.stripe;

import org.jspecify.annotations.NullMarked;
