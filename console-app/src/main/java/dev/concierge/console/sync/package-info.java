/**
 * The console's Sync screen: how each outside service (Google, Stripe, n8n) keeps up with the outbox, every delivery
 * with its attempts and last error, and a retry.
 */
@NullMarked
package dev.concierge.console.sync;

import org.jspecify.annotations.NullMarked;
