package dev.concierge.staff;

import dev.concierge.common.DomainException;
import dev.concierge.common.RateLimit;
import dev.concierge.common.RateLimits;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Slows down password guessing: after a few failed logins for one account, or many from one address, logins are
 * refused with 429 until a token refills. Only failures count, so a desk that logs in all day is never locked out.
 */
final class LoginThrottle {
    static final int FAILURES_PER_ACCOUNT = 5;
    static final int FAILURES_PER_ADDRESS = 20;
    private static final Duration WINDOW = Duration.ofMinutes(15);
    private static final int TRACKED_KEYS = 10_000;

    private final RateLimit accounts;
    private final RateLimit addresses;

    LoginThrottle(RateLimits limits) {
        this.accounts = limits.limit("login-account", FAILURES_PER_ACCOUNT, WINDOW, TRACKED_KEYS);
        this.addresses = limits.limit("login-address", FAILURES_PER_ADDRESS, WINDOW, TRACKED_KEYS);
    }

    /** Refuses with 429 when either the account or the address has no attempts left. */
    void checkAllowed(String email, String address) {
        Duration wait = Duration.ZERO;
        for (Optional<Duration> needed : List.of(accounts.waitFor(account(email)), addresses.waitFor(address))) {
            if (needed.isPresent() && needed.get().compareTo(wait) > 0) {
                wait = needed.get();
            }
        }
        if (!wait.isZero()) {
            throw DomainException.tooManyRequests(
                    "Too many failed logins. Try again in " + Math.max(1, wait.toMinutes() + 1) + " minutes.", wait);
        }
    }

    void recordFailure(String email, String address) {
        accounts.take(account(email));
        addresses.take(address);
    }

    private static String account(String email) {
        return email.toLowerCase(Locale.ROOT);
    }
}
