package dev.concierge.console.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.api.IntegrationSettings;
import dev.concierge.console.Texts;
import dev.concierge.console.UiLanguage;
import org.junit.jupiter.api.Test;

class IntegrationRowTest {
    private final Texts spanish = new Texts(UiLanguage.ES);

    @Test
    void aSecretSetWhereTheServerRunsIsDescribedInSpanishAndCannotBeChangedHere() {
        IntegrationRow row = IntegrationRow.of(
                new IntegrationSettings.Setting("STRIPE_WEBHOOK_SECRET", true, "environment", "••••ab12"), spanish);

        assertEquals("Secreto de firma del webhook", row.label());
        assertEquals("Stripe", row.service());
        assertEquals("definido, termina en ab12", row.shown());
        assertEquals("donde se ejecuta el servidor (prevalece)", row.source());
        assertTrue(row.fromEnvironment());
    }

    @Test
    void aSettingStoredByTheConsoleOrNotSetAtAll() {
        IntegrationRow stored = IntegrationRow.of(
                new IntegrationSettings.Setting("N8N_WEBHOOK_URL", false, "console", "https://n8n.example/hook"),
                spanish);
        IntegrationRow unset = IntegrationRow.of(
                new IntegrationSettings.Setting("OPENAI_MODEL", false, "none", null), Texts.english());

        assertEquals("guardado aquí, cifrado", stored.source());
        assertFalse(stored.fromEnvironment());
        assertEquals("https://n8n.example/hook", stored.shown());
        assertEquals("not set", unset.shown());
        assertEquals("Model", unset.label());
    }
}
