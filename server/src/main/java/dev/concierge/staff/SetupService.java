package dev.concierge.staff;

import dev.concierge.api.OwnerSetup;
import dev.concierge.api.SetupStatus;
import dev.concierge.api.StaffSession;
import dev.concierge.common.DomainException;
import dev.concierge.common.RateLimit;
import dev.concierge.common.RateLimits;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The first run: while there are no staff accounts, whoever holds the setup code creates the owner. The code is made
 * at start, printed on the server's console (and handed to the console app that started the server in-process), kept
 * only in memory as a hash, and gone once the owner exists; a restart makes a new one. No default password exists.
 */
public final class SetupService {
    static final int FAILED_CODES_PER_ADDRESS = 10;

    private final StaffService staff;
    private final Secrets secrets = new Secrets();
    private final RateLimit failures;
    private final BooleanSupplier venueNeeded;
    private volatile @Nullable String codeHash;

    /** @param venueNeeded whether the appliance still has no venue (the first run then asks for one) */
    public SetupService(StaffService staff, BooleanSupplier venueNeeded) {
        this(staff, venueNeeded, RateLimits.IN_MEMORY);
    }

    /** @param limits where wrong setup codes are counted (shared by the instances on one PostgreSQL) */
    public SetupService(StaffService staff, BooleanSupplier venueNeeded, RateLimits limits) {
        this.staff = staff;
        this.venueNeeded = venueNeeded;
        this.failures = limits.limit("setup-code", FAILED_CODES_PER_ADDRESS, Duration.ofMinutes(15), 10_000);
    }

    /** A new setup code when the appliance has no accounts yet (shown as {@code ABCD-EFGH}); empty otherwise. */
    public Optional<String> newCodeIfNeeded() {
        if (staff.hasAccounts()) {
            codeHash = null;
            return Optional.empty();
        }
        String code = secrets.newTypedCode();
        codeHash = Secrets.hash(Secrets.normalizeTypedCode(code));
        return Optional.of(code);
    }

    public SetupStatus status() {
        return new SetupStatus(!staff.hasAccounts(), venueNeeded.getAsBoolean());
    }

    /**
     * Creates the owner and signs them in. 409 once any account exists; 403 for a wrong code (ten per address in 15
     * minutes, then 429); the account's own rules (e-mail, password length) as 400s.
     */
    public synchronized StaffSession createOwner(OwnerSetup setup, String address) {
        checkCode(setup.code(), address);
        staff.createAccount(setup.email(), setup.name(), Role.OWNER, setup.password());
        codeHash = null;
        return staff.login(setup.email(), setup.password(), address);
    }

    /**
     * Passes when {@code code} is this start's setup code and the appliance has no accounts yet: 409 once any account
     * exists; 403 for a wrong code (ten per address in 15 minutes, then 429).
     */
    public synchronized void checkCode(String code, String address) {
        if (staff.hasAccounts()) {
            codeHash = null;
            throw DomainException.conflict(
                    "already_set_up",
                    "This appliance has its owner already: sign in, or ask the owner for an account.");
        }
        failures.waitFor(address).ifPresent(wait -> {
            throw DomainException.tooManyRequests(
                    "Too many wrong setup codes. Try again in " + Math.max(1, wait.toMinutes() + 1) + " minutes.",
                    wait);
        });
        String expected = codeHash;
        String given = Secrets.hash(Secrets.normalizeTypedCode(code));
        if (expected == null
                || !MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII))) {
            failures.take(address);
            throw DomainException.forbidden(
                    "invalid_setup_code", "That setup code is not right: it is printed where the server started.");
        }
    }
}
