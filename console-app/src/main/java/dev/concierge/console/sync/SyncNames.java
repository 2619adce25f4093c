package dev.concierge.console.sync;

import java.util.Map;

/** The outside services and their states as staff say them. */
final class SyncNames {
    private static final Map<String, String> SERVICES = Map.of(
            "google-calendar", "Google Calendar",
            "google-sheets", "Google Sheets",
            "stripe", "Stripe",
            "n8n", "n8n");

    private SyncNames() {}

    static String service(String connector) {
        return SERVICES.getOrDefault(connector, connector);
    }

    /** "Up to date", "Retrying", "Failing: needs a look", "Not set up any more", in the console's language. */
    static String state(String state, dev.concierge.console.Texts texts) {
        return texts.word("sync.connector", state);
    }

    /** "booking.created" → "booking created". */
    static String event(String type) {
        return type.replace('.', ' ').replace('_', ' ');
    }
}
