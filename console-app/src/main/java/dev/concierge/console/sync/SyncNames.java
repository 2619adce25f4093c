package dev.concierge.console.sync;

import dev.concierge.console.Formats;
import java.util.Map;

/** The outside services and their states as staff say them. */
final class SyncNames {
    private static final Map<String, String> SERVICES = Map.of(
            "google-calendar", "Google Calendar",
            "google-sheets", "Google Sheets",
            "stripe", "Stripe",
            "n8n", "n8n");
    private static final Map<String, String> STATES = Map.of(
            "ok", "Up to date",
            "retrying", "Retrying",
            "failing", "Failing: needs a look",
            "not_configured", "Not set up any more");

    private SyncNames() {}

    static String service(String connector) {
        return SERVICES.getOrDefault(connector, connector);
    }

    static String state(String state) {
        return STATES.getOrDefault(state, Formats.words(state));
    }

    /** "booking.created" → "booking created". */
    static String event(String type) {
        return type.replace('.', ' ').replace('_', ' ');
    }
}
