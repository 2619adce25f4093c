package dev.concierge.outbox;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Why a delivery did not happen. A transient failure (the network, a 429, a 5xx) is tried again later; a permanent
 * one (any other 4xx: the service refuses the request itself) goes to the dead letters for staff to look at. The
 * reason is shown to staff, so it names the service's answer and never a secret or a guest's data.
 */
public final class DeliveryFailure extends Exception {
    private static final long serialVersionUID = 1L;

    private final String reason;
    private final boolean permanent;
    private final @Nullable Duration retryAfter;

    private DeliveryFailure(String reason, boolean permanent, @Nullable Duration retryAfter) {
        super(reason, null, false, false);
        this.reason = reason;
        this.permanent = permanent;
        this.retryAfter = retryAfter;
    }

    /** Worth trying again, after {@code retryAfter} when the service said so. */
    public static DeliveryFailure retryable(String reason, @Nullable Duration retryAfter) {
        return new DeliveryFailure(reason, false, retryAfter);
    }

    /** Trying again cannot help until someone changes something. */
    public static DeliveryFailure permanent(String reason) {
        return new DeliveryFailure(reason, true, null);
    }

    /**
     * What an HTTP answer with a status outside 2xx means: 408, 429 and 5xx are retried (honouring
     * {@code Retry-After}), every other status is permanent.
     *
     * @param service the service's name for the reason, e.g. "n8n"
     * @param now the wall-clock time, to read a {@code Retry-After} given as a date
     */
    public static DeliveryFailure ofStatus(
            String service, int status, @Nullable String retryAfterHeader, @Nullable String detail, Instant now) {
        String reason =
                service + " answered HTTP " + status + (detail == null || detail.isBlank() ? "" : ": " + detail);
        boolean retryable = status == 408 || status == 429 || status >= 500;
        return retryable ? retryable(reason, retryAfter(retryAfterHeader, now).orElse(null)) : permanent(reason);
    }

    /** A {@code Retry-After} header: delay-seconds or an HTTP-date (RFC 9110); empty when absent or unreadable. */
    static Optional<Duration> retryAfter(@Nullable String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.trim();
        if (value.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
            } catch (NumberFormatException tooLong) {
                return Optional.empty();
            }
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
            return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
        } catch (DateTimeParseException unreadable) {
            return Optional.empty();
        }
    }

    /** Why, for staff: the service's answer or what went wrong on the way. */
    public String reason() {
        return reason;
    }

    public boolean permanent() {
        return permanent;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
