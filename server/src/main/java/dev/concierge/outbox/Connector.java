package dev.concierge.outbox;

/**
 * An outside service the outbox delivers events to (n8n, Google Calendar, Google Sheets…). A delivery may be
 * attempted again after a crash or a timeout even when the service got it, so every connector makes its outward call
 * idempotent with {@link OutboxEvent#idempotencyKey()}: a second attempt never creates a second record.
 */
public interface Connector {

    /** The connector's stable name, as stored on its deliveries and shown to staff: {@code n8n}, … */
    String name();

    /** Whether events of {@code eventType} ({@code booking.created}, …) go to this service. */
    boolean wants(String eventType);

    /**
     * Hands {@code event} to the service; returns when the service has it.
     *
     * @throws DeliveryFailure when it did not take it, saying whether trying again may help
     */
    void deliver(OutboxEvent event) throws DeliveryFailure;

    /** The connector's name and the events it wants, which is all an event's writer needs to know of it. */
    default Subscription subscription() {
        return new Subscription(name(), this::wants);
    }
}
