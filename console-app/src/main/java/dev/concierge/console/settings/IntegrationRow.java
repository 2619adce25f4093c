package dev.concierge.console.settings;

import dev.concierge.api.IntegrationSettings;
import java.util.Map;

/** One integration setting as the Settings screen lists it: its name in words, where it comes from, what shows. */
public record IntegrationRow(String name, String label, String service, String source, String shown, boolean secret) {
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("OPENAI_API_KEY", "API key"),
            Map.entry("OPENAI_BASE_URL", "Server address (OpenAI-compatible)"),
            Map.entry("OPENAI_MODEL", "Model"),
            Map.entry("STRIPE_SECRET_KEY", "Secret key"),
            Map.entry("STRIPE_WEBHOOK_SECRET", "Webhook signing secret"),
            Map.entry("STRIPE_TERMINAL_READER_ID", "Desk card reader id"),
            Map.entry("GOOGLE_SERVICE_ACCOUNT_KEY", "Service account key (JSON)"),
            Map.entry("GOOGLE_CALENDAR_ID", "Calendar id"),
            Map.entry("GOOGLE_SHEETS_ID", "Spreadsheet id"),
            Map.entry("N8N_WEBHOOK_URL", "Webhook address"),
            Map.entry("N8N_WEBHOOK_SECRET", "Webhook secret"),
            Map.entry("HEYGEN_API_KEY", "API key"));

    static IntegrationRow of(IntegrationSettings.Setting setting) {
        String name = setting.name();
        String shown =
                setting.shown() == null ? "not set" : setting.secret() ? secret(setting.shown()) : setting.shown();
        return new IntegrationRow(
                name,
                LABELS.getOrDefault(name, name),
                service(name),
                switch (setting.source()) {
                    case "environment" -> "where the server runs (wins)";
                    case "console" -> "stored here, encrypted";
                    default -> "—";
                },
                shown,
                setting.secret());
    }

    /** The server shows a secret's last four characters after bullets (none for a short one). */
    private static String secret(String shown) {
        String tail = shown.replace("•", "");
        return tail.isEmpty() ? "set" : "set, ending in " + tail;
    }

    /** The outside service a setting belongs to, as staff name it. */
    static String service(String name) {
        String prefix = name.substring(0, name.indexOf('_') < 0 ? name.length() : name.indexOf('_'));
        return switch (prefix) {
            case "OPENAI" -> "OpenAI";
            case "STRIPE" -> "Stripe";
            case "GOOGLE" -> "Google";
            case "N8N" -> "n8n";
            case "HEYGEN" -> "HeyGen";
            default -> prefix;
        };
    }

    /** Whether it is set where the server runs: that value wins, so the console cannot change it. */
    public boolean fromEnvironment() {
        return source.startsWith("where the server runs");
    }
}
