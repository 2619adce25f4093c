package dev.concierge.console.inbox;

import dev.concierge.api.LiveEvent;

/**
 * The desk's live feed of every conversation's news ({@code WS /api/staff/live}); behind this interface so a test
 * can push events without a socket. A listener's calls come on any thread.
 */
public interface InboxFeed {

    /** Opens the feed; {@code listener} hears it open, each event, and its loss (after which it is closed). */
    Subscription open(Listener listener);

    interface Listener {
        void opened();

        void event(LiveEvent event);

        /** The feed broke or could not open; the reason in plain words. */
        void lost(String why);
    }

    /** An open feed; closing it says nothing to the listener. */
    interface Subscription {
        void close();
    }
}
