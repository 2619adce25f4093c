package dev.concierge.conversation;

import dev.concierge.api.LiveEvent;

/** Where a conversation's news goes once it is stored: to the guest's and the desk's open sockets. */
@FunctionalInterface
public interface LiveUpdates {
    LiveUpdates NONE = event -> {};

    /** Called after the change is committed, never inside a transaction. */
    void publish(LiveEvent event);
}
