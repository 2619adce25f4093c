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
    static final String BRAND_COLOR = "brand.color";

    private final DSLContext dsl;
    private final Clock clock;

    public SettingsService(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    public Settings current() {
        Map<String, String> stored = dsl.selectFrom(SETTING).fetchMap(SETTING.NAME, SETTING.SETTING_VALUE);
        return new Settings(
                integer(stored.get(CONVERSATION_RETENTION_DAYS), Settings.DEFAULT_CONVERSATION_RETENTION_DAYS),
                stored.get(BRAND_COLOR));
    }

    /** The venue's colour ({@code #rrggbb}) when it set one. */
    public java.util.Optional<String> brandColor() {
        return java.util.Optional.ofNullable(current().brandColor());
    }

    /** Stores what {@code changes} sets; the rest stays as it was. */
    public Settings update(Settings changes) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        dsl.transaction(tx -> {
            Integer days = changes.conversationRetentionDays();
            if (days != null) {
                store(tx.dsl(), CONVERSATION_RETENTION_DAYS, days.toString(), now);
            }
            String color = changes.brandColor();
            if (color != null && color.isEmpty()) {
                tx.dsl().deleteFrom(SETTING).where(SETTING.NAME.eq(BRAND_COLOR)).execute();
            } else if (color != null) {
                store(tx.dsl(), BRAND_COLOR, color.toLowerCase(java.util.Locale.ROOT), now);
            }
        });
        return current();
    }

    private static void store(DSLContext db, String name, String value, OffsetDateTime now) {
        db.insertInto(SETTING)
                .set(SETTING.NAME, name)
                .set(SETTING.SETTING_VALUE, value)
                .set(SETTING.UPDATED_AT, now)
                .onDuplicateKeyUpdate()
                .set(SETTING.SETTING_VALUE, value)
                .set(SETTING.UPDATED_AT, now)
                .execute();
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
