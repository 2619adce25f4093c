package dev.concierge.outbox;

import java.util.function.Predicate;

/**
 * A connector as the writer of an event sees it: every event of a type it wants gets a delivery to it, written in the
 * same transaction as the event.
 */
public record Subscription(String connector, Predicate<String> eventTypes) {}
