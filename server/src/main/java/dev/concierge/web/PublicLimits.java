package dev.concierge.web;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What the open internet may do: the browser origins allowed besides those of the public keys ({@code CORS_ORIGIN},
 * comma-separated), how many requests one address may send to the public routes per window ({@code
 * RATE_LIMIT_MAX_REQUESTS} per {@code RATE_LIMIT_WINDOW_MS}), and how many messages one conversation may send per
 * window ({@code RATE_LIMIT_CONVERSATION_MESSAGES}).
 */
public record PublicLimits(
        List<String> corsOrigins, int requestsPerWindow, int messagesPerConversation, Duration window) {
    /**
     * Generous for people (a guest types a message every few seconds; a hotel's guests may share one address on its
     * Wi-Fi), tight for a script.
     */
    public static final int DEFAULT_REQUESTS = 240;

    /** A person types far fewer in a minute; a script far more. */
    public static final int DEFAULT_CONVERSATION_MESSAGES = 30;

    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(1);

    public static final PublicLimits DEFAULTS =
            new PublicLimits(List.of(), DEFAULT_REQUESTS, DEFAULT_CONVERSATION_MESSAGES, DEFAULT_WINDOW);

    public PublicLimits {
        corsOrigins = List.copyOf(corsOrigins);
        if (requestsPerWindow < 1) {
            throw new IllegalArgumentException("RATE_LIMIT_MAX_REQUESTS must be at least 1, not " + requestsPerWindow);
        }
        if (messagesPerConversation < 1) {
            throw new IllegalArgumentException(
                    "RATE_LIMIT_CONVERSATION_MESSAGES must be at least 1, not " + messagesPerConversation);
        }
        if (window.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("RATE_LIMIT_WINDOW_MS must be at least 1000, not " + window.toMillis());
        }
    }

    /** The limits the settings name; a value that is not a number stops the start with a clear message. */
    public static PublicLimits fromEnvironment(Function<String, @Nullable String> setting) {
        String origins = setting.apply("CORS_ORIGIN");
        return new PublicLimits(
                origins == null
                        ? List.of()
                        : Arrays.stream(origins.split(","))
                                .map(String::strip)
                                .filter(o -> !o.isEmpty())
                                .map(o -> o.endsWith("/") ? o.substring(0, o.length() - 1) : o)
                                .toList(),
                (int) Math.min(Integer.MAX_VALUE, number(setting, "RATE_LIMIT_MAX_REQUESTS", DEFAULT_REQUESTS)),
                (int) Math.min(
                        Integer.MAX_VALUE,
                        number(setting, "RATE_LIMIT_CONVERSATION_MESSAGES", DEFAULT_CONVERSATION_MESSAGES)),
                Duration.ofMillis(number(setting, "RATE_LIMIT_WINDOW_MS", DEFAULT_WINDOW.toMillis())));
    }

    private static long number(Function<String, @Nullable String> setting, String name, long fallback) {
        String value = setting.apply(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not \"" + value + "\"", e);
        }
    }
}
