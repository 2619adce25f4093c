package dev.concierge.outbox;

import static dev.concierge.jooq.Tables.OUTBOX;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import org.jooq.DSLContext;

/**
 * Writes outbox events. Callers pass the {@link DSLContext} of their own transaction, so an event exists exactly when
 * the change it describes was committed. Delivery (with retries) comes with the integrations.
 */
public final class OutboxRepository {
    private final ObjectMapper json;

    public OutboxRepository(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Records {@code eventType} about {@code aggregateId}. The idempotency key is the event type, the aggregate and
     * a version of it, so that receivers can drop a redelivery.
     */
    public void write(
            DSLContext tx, String eventType, String aggregateId, long version, Object payload, OffsetDateTime now) {
        try {
            tx.insertInto(OUTBOX)
                    .set(OUTBOX.EVENT_TYPE, eventType)
                    .set(OUTBOX.AGGREGATE_ID, aggregateId)
                    .set(OUTBOX.IDEMPOTENCY_KEY, eventType + ":" + aggregateId + ":" + version)
                    .set(OUTBOX.PAYLOAD, json.writeValueAsString(payload))
                    .set(OUTBOX.CREATED_AT, now)
                    .set(OUTBOX.NEXT_ATTEMPT_AT, now)
                    .execute();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an outbox event as JSON", e);
        }
    }
}
