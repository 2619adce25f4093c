package dev.concierge.api;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET|PUT /api/staff/integrations}: each outside service's setting, never a secret's value. {@code source}:
 * {@code environment} (set where the server runs; it wins), {@code console} (stored here, sealed) or {@code none};
 * {@code shown} is the value of a plain setting (an id, a URL) or the last four characters of a secret.
 * {@code restartNeeded}: changes stored since the server started take effect at its next start.
 */
public record IntegrationSettings(List<Setting> settings, boolean restartNeeded) {
    public IntegrationSettings {
        settings = List.copyOf(settings);
    }

    public record Setting(
            String name,
            boolean secret,
            String source,
            @Nullable String shown) {}
}
