package dev.concierge.api;

import org.jspecify.annotations.Nullable;

/**
 * The venue's settings the console changes ({@code GET|PUT /api/staff/settings}). {@code conversationRetentionDays}:
 * conversations quiet for longer are deleted once a day (default 30). A field left out of a PUT is unchanged.
 */
public record Settings(@Nullable Integer conversationRetentionDays) {
    public static final int DEFAULT_CONVERSATION_RETENTION_DAYS = 30;

    public Settings {
        FieldChecks.start()
                .check(
                        conversationRetentionDays == null
                                || (conversationRetentionDays >= 1 && conversationRetentionDays <= 3650),
                        "conversationRetentionDays",
                        "must be between 1 and 3650 days")
                .orThrow();
    }
}
