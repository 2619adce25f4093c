package dev.concierge.common;

import dev.concierge.api.TimeRange;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A use case that cannot go on, with a stable machine-readable {@code code} and a message a person can act on.
 * Messages never contain internals; they are shown to staff and guests as they are.
 */
public class DomainException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Failure failure;
    private final String code;
    private final transient @Nullable Duration retryAfter;
    private final transient List<TimeRange> alternatives;

    public DomainException(Failure failure, String code, String message) {
        this(failure, code, message, null, List.of());
    }

    public DomainException(
            Failure failure, String code, String message, @Nullable Duration retryAfter, List<TimeRange> alternatives) {
        super(message);
        this.failure = failure;
        this.code = code;
        this.retryAfter = retryAfter;
        this.alternatives = List.copyOf(alternatives);
    }

    /** 503: what the request needs is not set up on this appliance. */
    public static DomainException unavailable(String code, String message) {
        return new DomainException(Failure.UNAVAILABLE, code, message);
    }

    public static DomainException notFound(String code, String message) {
        return new DomainException(Failure.NOT_FOUND, code, message);
    }

    public static DomainException notAllowed(String code, String message) {
        return new DomainException(Failure.NOT_ALLOWED, code, message);
    }

    public static DomainException conflict(String code, String message) {
        return new DomainException(Failure.CONFLICT, code, message);
    }

    public static DomainException unauthenticated(String code, String message) {
        return new DomainException(Failure.UNAUTHENTICATED, code, message);
    }

    public static DomainException forbidden(String code, String message) {
        return new DomainException(Failure.FORBIDDEN, code, message);
    }

    public static DomainException tooManyRequests(String message, Duration retryAfter) {
        return new DomainException(Failure.TOO_MANY_REQUESTS, "too_many_requests", message, retryAfter, List.of());
    }

    public Failure failure() {
        return failure;
    }

    public String code() {
        return code;
    }

    public @Nullable Duration retryAfter() {
        return retryAfter;
    }

    public List<TimeRange> alternatives() {
        return alternatives;
    }
}
