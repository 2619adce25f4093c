package dev.concierge.console.settings;

import dev.concierge.api.IntegrationSettings;
import dev.concierge.console.Texts;
import java.util.Map;

/**
 * One integration setting as the Settings screen lists it: its name in words, where it comes from, what shows, in the
 * words of the console's language.
 *
 * @param fromEnvironment set where the server runs: that value wins, so the console cannot change it
 */
public record IntegrationRow(
        String name,
        String label,
        String service,
        String source,
        String shown,
        boolean secret,
        boolean fromEnvironment) {
    /** The bundle's key of each setting's label; a setting not listed here is shown by its name. */
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("OPENAI_API_KEY", "settings.integration.apiKey"),
            Map.entry("OPENAI_BASE_URL", "settings.integration.baseUrl"),
            Map.entry("OPENAI_MODEL", "settings.integration.model"),
            Map.entry("STRIPE_SECRET_KEY", "settings.integration.secretKey"),
            Map.entry("STRIPE_WEBHOOK_SECRET", "settings.integration.signingSecret"),
            Map.entry("STRIPE_TERMINAL_READER_ID", "settings.integration.readerId"),
            Map.entry("GOOGLE_SERVICE_ACCOUNT_KEY", "settings.integration.serviceAccountKey"),
            Map.entry("GOOGLE_CALENDAR_ID", "settings.integration.calendarId"),
            Map.entry("GOOGLE_SHEETS_ID", "settings.integration.sheetsId"),
            Map.entry("N8N_WEBHOOK_URL", "settings.integration.webhookUrl"),
            Map.entry("N8N_WEBHOOK_SECRET", "settings.integration.webhookSecret"),
            Map.entry("HEYGEN_API_KEY", "settings.integration.apiKey"));

    static IntegrationRow of(IntegrationSettings.Setting setting, Texts texts) {
        String name = setting.name();
        String shown = setting.shown() == null
                ? texts.get("settings.integration.notSet")
                : setting.secret() ? secret(setting.shown(), texts) : setting.shown();
        String label = LABELS.get(name);
        return new IntegrationRow(
                name,
                label == null ? name : texts.get(label),
                service(name),
                switch (setting.source()) {
                    case "environment" -> texts.get("settings.integration.fromEnvironment");
                    case "console" -> texts.get("settings.integration.fromConsole");
                    default -> "—";
                },
                shown,
                setting.secret(),
                setting.source().equals("environment"));
    }

    /** The server shows a secret's last four characters after bullets (none for a short one). */
    private static String secret(String shown, Texts texts) {
        String tail = shown.replace("•", "");
        return tail.isEmpty()
                ? texts.get("settings.integration.set")
                : texts.get("settings.integration.setEndingIn", tail);
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
}
