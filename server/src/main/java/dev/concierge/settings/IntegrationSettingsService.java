package dev.concierge.settings;

import static dev.concierge.jooq.Tables.INTEGRATION_SETTING;

import dev.concierge.api.IntegrationChange;
import dev.concierge.api.IntegrationSettings;
import dev.concierge.api.InvalidFieldsException;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outside services' settings the console may store (DESIGN.md: "the console can also set them; secrets stored in
 * the database are encrypted at rest"): sealed by {@link SecretBox}, read at start beneath the environment, which
 * wins. A secret's value never leaves the server again: the list shows its last four characters.
 */
public final class IntegrationSettingsService {
    /** What the console may set, in the order it shows them; test-server addresses stay environment-only. */
    public static final List<String> SETTABLE = List.of(
            "OPENAI_API_KEY",
            "OPENAI_BASE_URL",
            "OPENAI_MODEL",
            "STRIPE_SECRET_KEY",
            "STRIPE_WEBHOOK_SECRET",
            "STRIPE_TERMINAL_READER_ID",
            "GOOGLE_SERVICE_ACCOUNT_KEY",
            "GOOGLE_CALENDAR_ID",
            "GOOGLE_SHEETS_ID",
            "N8N_WEBHOOK_URL",
            "N8N_WEBHOOK_SECRET",
            "HEYGEN_API_KEY");

    private static final Set<String> SECRETS = Set.of(
            "OPENAI_API_KEY",
            "STRIPE_SECRET_KEY",
            "STRIPE_WEBHOOK_SECRET",
            "GOOGLE_SERVICE_ACCOUNT_KEY",
            "N8N_WEBHOOK_SECRET",
            "HEYGEN_API_KEY");

    private static final Logger log = LoggerFactory.getLogger(IntegrationSettingsService.class);

    private final DSLContext dsl;
    private final SecretBox box;
    private final Clock clock;
    private final Function<String, @Nullable String> environment;
    private volatile boolean changedSinceStart;

    /** @param environment the setting as the environment gives it (null when unset) */
    public IntegrationSettingsService(
            DSLContext dsl, SecretBox box, Clock clock, Function<String, @Nullable String> environment) {
        this.dsl = dsl;
        this.box = box;
        this.clock = clock;
        this.environment = environment;
    }

    /** The stored settings, opened; one sealed under another key (a restored backup without its key) is skipped. */
    public Map<String, String> stored() {
        Map<String, String> opened = new LinkedHashMap<>();
        dsl.selectFrom(INTEGRATION_SETTING).forEach(row -> {
            try {
                opened.put(row.getName(), box.open(row.getName(), row.getSealed()));
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                log.warn(
                        "The stored setting {} cannot be opened with this appliance's key; set it again",
                        row.getName());
            }
        });
        return opened;
    }

    public IntegrationSettings list() {
        Map<String, String> stored = stored();
        List<IntegrationSettings.Setting> settings = new ArrayList<>();
        for (String name : SETTABLE) {
            String fromEnvironment = environment.apply(name);
            String value = fromEnvironment != null ? fromEnvironment : stored.get(name);
            String source = fromEnvironment != null ? "environment" : value != null ? "console" : "none";
            boolean secret = SECRETS.contains(name);
            settings.add(new IntegrationSettings.Setting(name, secret, source, shown(value, secret)));
        }
        return new IntegrationSettings(settings, changedSinceStart);
    }

    /** Stores (sealed) or removes the settings named; 400 for a name the console may not set. Applies at restart. */
    public IntegrationSettings update(IntegrationChange change, @Nullable Long by) {
        Map<String, String> problems = new LinkedHashMap<>();
        change.values().keySet().stream()
                .filter(name -> !SETTABLE.contains(name))
                .forEach(name -> problems.put("values." + name, "is not a setting the console can change"));
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        dsl.transaction(tx -> change.values().forEach((name, value) -> {
            if (value == null || value.isBlank()) {
                tx.dsl()
                        .deleteFrom(INTEGRATION_SETTING)
                        .where(INTEGRATION_SETTING.NAME.eq(name))
                        .execute();
                return;
            }
            String sealed = box.seal(name, value.strip());
            tx.dsl()
                    .insertInto(INTEGRATION_SETTING)
                    .set(INTEGRATION_SETTING.NAME, name)
                    .set(INTEGRATION_SETTING.SEALED, sealed)
                    .set(INTEGRATION_SETTING.UPDATED_BY, by)
                    .set(INTEGRATION_SETTING.UPDATED_AT, now)
                    .onDuplicateKeyUpdate()
                    .set(INTEGRATION_SETTING.SEALED, sealed)
                    .set(INTEGRATION_SETTING.UPDATED_BY, by)
                    .set(INTEGRATION_SETTING.UPDATED_AT, now)
                    .execute();
        }));
        changedSinceStart = true;
        log.info("Integration settings changed: {}", change.values().keySet()); // names only, never values
        return list();
    }

    /**
     * The values of the secret settings in use or stored (environment and console), so that what leaves the
     * appliance for support can be checked for them.
     */
    public Set<String> secretValues() {
        Set<String> values = new java.util.HashSet<>();
        Map<String, String> stored = stored();
        for (String name : SECRETS) {
            String fromEnvironment = environment.apply(name);
            if (fromEnvironment != null) {
                values.add(fromEnvironment.strip());
            }
            String kept = stored.get(name);
            if (kept != null) {
                values.add(kept.strip());
            }
        }
        return values;
    }

    /** A setting as the next start would see it: the environment's, else the one stored from the console. */
    public @Nullable String nextValue(String name) {
        String fromEnvironment = environment.apply(name);
        return fromEnvironment != null ? fromEnvironment : stored().get(name);
    }

    private static @Nullable String shown(@Nullable String value, boolean secret) {
        if (value == null) {
            return null;
        }
        if (!secret) {
            return value;
        }
        return value.length() <= 8 ? "••••" : "••••" + value.substring(value.length() - 4);
    }
}
