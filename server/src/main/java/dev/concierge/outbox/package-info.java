/** The durable outbox: events written in the same transaction as the change they describe, delivered later. */
@NullMarked
package dev.concierge.outbox;

import org.jspecify.annotations.NullMarked;
