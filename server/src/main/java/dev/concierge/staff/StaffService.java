package dev.concierge.staff;

import static dev.concierge.jooq.Tables.STAFF_ACCOUNT;
import static dev.concierge.jooq.Tables.STAFF_SESSION;

import dev.concierge.api.FieldChecks;
import dev.concierge.api.InvalidFieldsException;
import dev.concierge.api.StaffAccount;
import dev.concierge.api.StaffAccountRequest;
import dev.concierge.api.StaffAccountUpdate;
import dev.concierge.api.StaffSession;
import dev.concierge.common.DomainException;
import dev.concierge.common.RateLimits;
import dev.concierge.jooq.tables.records.StaffAccountRecord;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.exception.IntegrityConstraintViolationException;

/** Staff accounts and their login sessions. */
public final class StaffService {
    /** A session lasts a long shift; then the desk logs in again. */
    static final Duration SESSION_LENGTH = Duration.ofHours(12);

    static final int MIN_PASSWORD_LENGTH = 10;
    private static final String TOKEN_PREFIX = "cst_";
    private static final char[] READABLE = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();

    private final DSLContext dsl;
    private final Clock clock;
    private final PasswordHasher hasher = new PasswordHasher();
    private final Secrets secrets = new Secrets();
    private final LoginThrottle throttle;

    public StaffService(DSLContext dsl, Clock clock) {
        this(dsl, clock, RateLimits.IN_MEMORY);
    }

    /** @param limits where failed logins are counted (shared by the instances on one PostgreSQL) */
    public StaffService(DSLContext dsl, Clock clock, RateLimits limits) {
        this.dsl = dsl;
        this.clock = clock;
        this.throttle = new LoginThrottle(limits);
    }

    /** A new account with a new password; fails with 409 when the e-mail is taken. */
    public StaffMember createAccount(String email, String name, Role role, String password) {
        FieldChecks.start()
                .require("email", email)
                .check(email.contains("@"), "email", "is not an e-mail address")
                .require("name", name)
                .check(
                        password.length() >= MIN_PASSWORD_LENGTH,
                        "password",
                        "must be at least " + MIN_PASSWORD_LENGTH + " characters")
                .orThrow();
        OffsetDateTime now = now();
        try {
            StaffAccountRecord account = dsl.insertInto(STAFF_ACCOUNT)
                    .set(STAFF_ACCOUNT.EMAIL, normalize(email))
                    .set(STAFF_ACCOUNT.NAME, name.trim())
                    .set(STAFF_ACCOUNT.ROLE, role.wireName())
                    .set(STAFF_ACCOUNT.PASSWORD_HASH, hasher.hash(password))
                    .set(STAFF_ACCOUNT.ACTIVE, true)
                    .set(STAFF_ACCOUNT.CREATED_AT, now)
                    .set(STAFF_ACCOUNT.UPDATED_AT, now)
                    .returning()
                    .fetchSingle();
            return member(account);
        } catch (IntegrityConstraintViolationException e) {
            throw DomainException.conflict("account_exists", "There is already an account for that e-mail.");
        }
    }

    public boolean hasAccounts() {
        return dsl.fetchExists(STAFF_ACCOUNT);
    }

    /**
     * The owner account from {@code CONCIERGE_OWNER_EMAIL}/{@code CONCIERGE_OWNER_PASSWORD}, created only when
     * there are no staff accounts yet.
     */
    public Optional<StaffMember> bootstrapOwner(String email, String password) {
        if (hasAccounts()) {
            return Optional.empty();
        }
        return Optional.of(createAccount(email, "Owner", Role.OWNER, password));
    }

    /**
     * Demo accounts with fresh random passwords, already hashed. Hashing is the slow part (Argon2), and it needs no
     * database, so the server prepares them while the database opens.
     */
    public static List<DemoAccount> prepareDemoAccounts(String domain) {
        PasswordHasher hasher = new PasswordHasher();
        return java.util.stream.Stream.of(Role.OWNER, Role.MANAGER, Role.FRONT_DESK)
                .parallel()
                .map(role -> {
                    String local = role == Role.FRONT_DESK ? "desk" : role.wireName();
                    String name = role == Role.FRONT_DESK ? "Front Desk" : role == Role.MANAGER ? "Manager" : "Owner";
                    String password = readablePassword();
                    return new DemoAccount(local + "@" + domain, name, role, password, hasher.hash(password));
                })
                .toList();
    }

    /** Stores prepared demo accounts when there is no staff account yet; answers what it stored. */
    public List<DemoAccount> createDemoAccounts(List<DemoAccount> prepared) {
        return dsl.transactionResult(tx -> {
            if (tx.dsl().fetchExists(STAFF_ACCOUNT)) {
                return List.of();
            }
            OffsetDateTime now = now();
            for (DemoAccount account : prepared) {
                tx.dsl()
                        .insertInto(STAFF_ACCOUNT)
                        .set(STAFF_ACCOUNT.EMAIL, normalize(account.email()))
                        .set(STAFF_ACCOUNT.NAME, account.name())
                        .set(STAFF_ACCOUNT.ROLE, account.role().wireName())
                        .set(STAFF_ACCOUNT.PASSWORD_HASH, account.passwordHash())
                        .set(STAFF_ACCOUNT.ACTIVE, true)
                        .set(STAFF_ACCOUNT.CREATED_AT, now)
                        .set(STAFF_ACCOUNT.UPDATED_AT, now)
                        .execute();
            }
            return prepared;
        });
    }

    /** A demo account with the only copy of its password, to be printed once. */
    public record DemoAccount(String email, String name, Role role, String password, String passwordHash) {
        @Override
        public String toString() {
            return "DemoAccount[" + email + ", " + role + "]"; // never the password
        }
    }

    /** Checks the password and opens a session; wrong e-mail and wrong password look the same. */
    public StaffSession login(String email, String password, String address) {
        String normalized = normalize(email);
        throttle.checkAllowed(normalized, address);
        Record account = dsl.selectFrom(STAFF_ACCOUNT)
                .where(STAFF_ACCOUNT.EMAIL.eq(normalized))
                .and(STAFF_ACCOUNT.ACTIVE)
                .fetchOne();
        boolean ok;
        if (account == null) {
            hasher.spendCheckTime(password);
            ok = false;
        } else {
            ok = hasher.matches(password, account.get(STAFF_ACCOUNT.PASSWORD_HASH));
        }
        if (!ok || account == null) {
            throttle.recordFailure(normalized, address);
            throw DomainException.unauthenticated("invalid_credentials", "The e-mail or password is not right.");
        }
        StaffMember member = member(account.into(STAFF_ACCOUNT));
        String token = secrets.newSecret(TOKEN_PREFIX);
        OffsetDateTime now = now();
        OffsetDateTime expires = now.plus(SESSION_LENGTH);
        dsl.insertInto(STAFF_SESSION)
                .set(STAFF_SESSION.TOKEN_HASH, Secrets.hash(token))
                .set(STAFF_SESSION.ACCOUNT_ID, member.id())
                .set(STAFF_SESSION.CREATED_AT, now)
                .set(STAFF_SESSION.EXPIRES_AT, expires)
                .execute();
        return new StaffSession(token, member.role().wireName(), member.name(), expires.toInstant());
    }

    /** Ends the session of {@code token}; ending an ended session is harmless. */
    public void logout(String token) {
        dsl.update(STAFF_SESSION)
                .set(STAFF_SESSION.REVOKED_AT, now())
                .where(STAFF_SESSION.TOKEN_HASH.eq(Secrets.hash(token)))
                .and(STAFF_SESSION.REVOKED_AT.isNull())
                .execute();
    }

    /** The staff member a bearer token belongs to; 401 when it is unknown, expired or revoked. */
    public StaffMember authenticate(String token) {
        if (!token.startsWith(TOKEN_PREFIX)) {
            throw DomainException.unauthenticated("invalid_token", "The sign-in token is not valid.");
        }
        Record row = dsl.select(STAFF_SESSION.EXPIRES_AT, STAFF_SESSION.REVOKED_AT)
                .select(STAFF_ACCOUNT.fields())
                .from(STAFF_SESSION)
                .join(STAFF_ACCOUNT)
                .on(STAFF_ACCOUNT.ID.eq(STAFF_SESSION.ACCOUNT_ID))
                .where(STAFF_SESSION.TOKEN_HASH.eq(Secrets.hash(token)))
                .fetchOne();
        if (row == null || !row.get(STAFF_ACCOUNT.ACTIVE)) {
            throw DomainException.unauthenticated("invalid_token", "The sign-in token is not valid.");
        }
        if (row.get(STAFF_SESSION.REVOKED_AT) != null) {
            throw DomainException.unauthenticated("session_ended", "This session was ended. Please sign in again.");
        }
        if (!row.get(STAFF_SESSION.EXPIRES_AT).toInstant().isAfter(clock.instant())) {
            throw DomainException.unauthenticated("session_expired", "The session has expired. Please sign in again.");
        }
        return member(row.into(STAFF_ACCOUNT));
    }

    /** Every staff account, active ones first, then by name. */
    public List<StaffAccount> accounts() {
        return dsl.selectFrom(STAFF_ACCOUNT)
                .orderBy(STAFF_ACCOUNT.ACTIVE.desc(), STAFF_ACCOUNT.NAME, STAFF_ACCOUNT.ID)
                .fetch(StaffService::account);
    }

    /**
     * A new account made by {@code by}: an owner may make any, a manager only front-desk accounts (403 otherwise);
     * 409 when the e-mail is taken.
     */
    public StaffAccount addAccount(StaffMember by, StaffAccountRequest request) {
        Role role = role(request.role());
        mayManage(by, role);
        StaffMember made = createAccount(request.email(), request.name(), role, request.password());
        return account(dsl.fetchSingle(STAFF_ACCOUNT, STAFF_ACCOUNT.ID.eq(made.id())));
    }

    /**
     * Changes an account: a manager only front-desk accounts, and never to a higher role; stopping an account or
     * changing its password ends its sessions; the last active owner can be neither stopped nor demoted (409).
     */
    public StaffAccount updateAccount(StaffMember by, long id, StaffAccountUpdate update) {
        return dsl.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            StaffAccountRecord account = db.selectFrom(STAFF_ACCOUNT)
                    .where(STAFF_ACCOUNT.ID.eq(id))
                    .forUpdate()
                    .fetchOptional()
                    .orElseThrow(
                            () -> DomainException.notFound("account_not_found", "There is no account " + id + "."));
            Role current = role(account.getRole());
            mayManage(by, current);
            Role next = update.role() == null ? current : role(update.role());
            mayManage(by, next);
            boolean stays = update.active() == null ? account.getActive() : update.active();
            if (current == Role.OWNER && account.getActive() && (next != Role.OWNER || !stays)) {
                int owners = db.fetchCount(
                        STAFF_ACCOUNT,
                        STAFF_ACCOUNT.ROLE.eq(Role.OWNER.wireName()).and(STAFF_ACCOUNT.ACTIVE));
                if (owners <= 1) {
                    throw DomainException.conflict("last_owner", "This is the only owner: make another owner first.");
                }
            }
            String password = update.password();
            if (password != null && password.length() < MIN_PASSWORD_LENGTH) {
                throw InvalidFieldsException.of("password", "must be at least " + MIN_PASSWORD_LENGTH + " characters");
            }
            OffsetDateTime now = now();
            if (update.name() != null) {
                account.setName(update.name());
            }
            account.setRole(next.wireName()).setActive(stays).setUpdatedAt(now);
            if (password != null) {
                account.setPasswordHash(hasher.hash(password));
            }
            account.store();
            if (!stays || password != null || next != current) {
                // a stopped account, a new password or another role: sessions made before no longer hold
                db.update(STAFF_SESSION)
                        .set(STAFF_SESSION.REVOKED_AT, now)
                        .where(STAFF_SESSION.ACCOUNT_ID.eq(id))
                        .and(STAFF_SESSION.REVOKED_AT.isNull())
                        .execute();
            }
            return account(account);
        });
    }

    private static void mayManage(StaffMember by, Role role) {
        if (by.role() != Role.OWNER && role != Role.FRONT_DESK) {
            throw DomainException.forbidden(
                    "role_too_high", "Only an owner can manage " + role.wireName() + " accounts.");
        }
    }

    private static Role role(String wireName) {
        return Role.fromWireName(wireName)
                .orElseThrow(() -> InvalidFieldsException.of("role", "must be one of owner, manager, front_desk"));
    }

    private static StaffAccount account(StaffAccountRecord account) {
        return new StaffAccount(
                account.getId(),
                account.getEmail(),
                account.getName(),
                account.getRole(),
                account.getActive(),
                account.getCreatedAt().toInstant());
    }

    private static StaffMember member(StaffAccountRecord account) {
        Role role = Role.fromWireName(account.getRole())
                .orElseThrow(() -> new IllegalStateException("unknown role in the database"));
        return new StaffMember(account.getId(), account.getEmail(), account.getName(), role);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC);
    }

    private static String normalize(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    private static String readablePassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            if (i > 0 && i % 5 == 4) {
                password.append('-');
            } else {
                password.append(READABLE[random.nextInt(READABLE.length)]);
            }
        }
        return password.toString();
    }
}
