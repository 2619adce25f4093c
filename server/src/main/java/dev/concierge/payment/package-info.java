/** Card payments as the features see them (orders, booking deposits); the provider is in {@code integration/stripe}. */
@NullMarked
package dev.concierge.payment;

import org.jspecify.annotations.NullMarked;
