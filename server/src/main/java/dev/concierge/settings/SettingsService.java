package dev.concierge.settings;

import static dev.concierge.jooq.Tables.SETTING;

import dev.concierge.api.Settings;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;

/** Reads and writes the venue's settings, stored one per row so that adding a setting needs no migration. */
public final class SettingsService {
    static final String CONVERSATION_RETENTION_DAYS = "conversation.retentionDays";

    private final DSLContext dsl;
    private final Clock clock;

    public SettingsService(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    public Settings current() {
        Map<String, String> stored = dsl.selectFrom(SETTING).fetchMap(SETTING.NAME, SETTING.SETTING_VALUE);
        return new Settings(
                integer(stored.get(CONVERSATION_RETENTION_DAYS), Settings.DEFAULT_CONVERSATION_RETENTION_DAYS));
    }

    /** Stores what {@code changes} sets; the rest stays as it was. */
    public Settings update(Settings changes) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        dsl.transaction(tx -> {
            Integer days = changes.conversationRetentionDays();
            if (days != null) {
                tx.dsl()
                        .insertInto(SETTING)
                        .set(SETTING.NAME, CONVERSATION_RETENTION_DAYS)
                        .set(SETTING.SETTING_VALUE, days.toString())
                        .set(SETTING.UPDATED_AT, now)
                        .onDuplicateKeyUpdate()
                        .set(SETTING.SETTING_VALUE, days.toString())
                        .set(SETTING.UPDATED_AT, now)
                        .execute();
            }
        });
        return current();
    }

    public int conversationRetentionDays() {
        Integer days = current().conversationRetentionDays();
        return days == null ? Settings.DEFAULT_CONVERSATION_RETENTION_DAYS : days;
    }

    private static int integer(@Nullable String text, int fallback) {
        if (text == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return fallback; // written only by update(), so this is a hand-edited database
        }
    }
}
