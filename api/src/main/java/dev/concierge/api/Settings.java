package dev.concierge.api;

import org.jspecify.annotations.Nullable;

/**
 * The venue's settings the console changes ({@code GET|PUT /api/staff/settings}). {@code conversationRetentionDays}:
 * conversations quiet for longer are deleted once a day (default 30). {@code brandColor}: the venue's colour as
 * {@code #RRGGBB}, which the kiosk (and the widget) use for their accents; {@code ""} in a PUT goes back to the
 * product's own. A field left out of a PUT is unchanged.
 */
public record Settings(
        @Nullable Integer conversationRetentionDays,
        @Nullable String brandColor) {
    public static final int DEFAULT_CONVERSATION_RETENTION_DAYS = 30;
    private static final java.util.regex.Pattern COLOR = java.util.regex.Pattern.compile("#[0-9a-fA-F]{6}");

    /** Only the retention (the brand colour unchanged). */
    public Settings(@Nullable Integer conversationRetentionDays) {
        this(conversationRetentionDays, null);
    }

    public Settings {
        FieldChecks.start()
                .check(
                        brandColor == null
                                || brandColor.isEmpty()
                                || COLOR.matcher(brandColor).matches(),
                        "brandColor",
                        "must be a colour as #RRGGBB, e.g. #1d5c8c")
                .check(
                        conversationRetentionDays == null
                                || (conversationRetentionDays >= 1 && conversationRetentionDays <= 3650),
                        "conversationRetentionDays",
                        "must be between 1 and 3650 days")
                .orThrow();
    }
}
