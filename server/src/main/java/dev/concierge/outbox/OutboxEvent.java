package dev.concierge.outbox;

import java.time.OffsetDateTime;

/**
 * One event on its way to one connector.
 *
 * @param deliveryId which delivery this is (what staff retry)
 * @param type what happened: {@code booking.created}, {@code order.paid}, …
 * @param aggregateId what it happened to: a booking's or order's reference, a conversation id…
 * @param idempotencyKey the same on every attempt of this event, so a service can drop a second one
 * @param payload the event's data as JSON
 * @param occurredAt when the change was committed, on the venue's clock
 * @param attempt 1 on the first attempt
 */
public record OutboxEvent(
        long deliveryId,
        String connector,
        String type,
        String aggregateId,
        String idempotencyKey,
        String payload,
        OffsetDateTime occurredAt,
        int attempt) {}
