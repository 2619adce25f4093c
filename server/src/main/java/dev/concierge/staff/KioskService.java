package dev.concierge.staff;

import static dev.concierge.jooq.Tables.KIOSK;

import dev.concierge.api.KioskDevice;
import dev.concierge.api.KioskPairingCode;
import dev.concierge.api.KioskRequest;
import dev.concierge.api.KioskSummary;
import dev.concierge.common.DomainException;
import dev.concierge.common.RateLimit;
import dev.concierge.common.RateLimits;
import dev.concierge.jooq.tables.records.KioskRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;

/**
 * Lobby kiosks. Staff make a pairing code for a new kiosk; the kiosk redeems it once, within {@link #CODE_VALID}, for
 * its device token. Code and token are stored only as hashes; a revoked kiosk's token stops working at once (each
 * kiosk request reads its row: a kiosk sends a request every few seconds at most, so nothing is cached).
 */
public final class KioskService {
    static final Duration CODE_VALID = Duration.ofMinutes(15);

    /** Codes are {@link Secrets#newTypedCode}s (≈ 40 bits): with this many guesses, far beyond reach. */
    static final int FAILED_PAIRINGS_PER_ADDRESS = 10;

    static final String TOKEN_PREFIX = "ckt_";

    /** What a kiosk sends to pair by itself with a {@code --demo} server (DESIGN.md); refused on any other. */
    public static final String DEMO_CODE = "DEMO";

    private final DSLContext dsl;
    private final Clock clock;
    private final boolean demo;
    private final Secrets secrets = new Secrets();
    private final RateLimit failedPairings;

    public KioskService(DSLContext dsl, Clock clock) {
        this(dsl, clock, false, RateLimits.IN_MEMORY);
    }

    /**
     * @param demo whether this is a {@code --demo} server, where a kiosk pairs with {@link #DEMO_CODE}
     * @param limits where failed pairings are counted (shared by the instances on one PostgreSQL)
     */
    public KioskService(DSLContext dsl, Clock clock, boolean demo, RateLimits limits) {
        this.dsl = dsl;
        this.clock = clock;
        this.demo = demo;
        this.failedPairings =
                limits.limit("kiosk-pairing", FAILED_PAIRINGS_PER_ADDRESS, Duration.ofMinutes(15), 10_000);
    }

    /** A kiosk waiting to be paired, with its code (shown once, as {@code ABCD-EFGH}). */
    public KioskPairingCode create(KioskRequest request, @Nullable Long createdBy) {
        String code = secrets.newTypedCode();
        OffsetDateTime now = now();
        String id = secrets.newId("kio_");
        dsl.insertInto(KIOSK)
                .set(KIOSK.ID, id)
                .set(KIOSK.NAME, request.name())
                .set(KIOSK.READER_ID, request.readerId())
                .set(KIOSK.CODE_HASH, Secrets.hash(Secrets.normalizeTypedCode(code)))
                .set(KIOSK.CODE_EXPIRES_AT, now.plus(CODE_VALID))
                .set(KIOSK.CREATED_BY, createdBy)
                .set(KIOSK.CREATED_AT, now)
                .execute();
        return new KioskPairingCode(
                id, request.name(), code, now.plus(CODE_VALID).toInstant());
    }

    /**
     * Redeems a pairing code for the kiosk's device token. Case, spaces and dashes in the code do not matter. An
     * unknown, used or expired code is a 404 and counts against the caller's address: after
     * {@link #FAILED_PAIRINGS_PER_ADDRESS} failures it waits (429).
     */
    public KioskDevice pair(String code, String address) {
        failedPairings.waitFor(address).ifPresent(wait -> {
            throw DomainException.tooManyRequests(
                    "Too many wrong pairing codes. Try again in " + Math.max(1, wait.toMinutes() + 1) + " minutes.",
                    wait);
        });
        String typed = Secrets.normalizeTypedCode(code);
        // a demo kiosk pairs by itself: a code of its own, made and redeemed at once
        String normalized = demo && typed.equals(DEMO_CODE)
                ? Secrets.normalizeTypedCode(create(new KioskRequest("Lobby kiosk (demo)", null), null)
                        .code())
                : typed;
        String token = secrets.newSecret(TOKEN_PREFIX);
        OffsetDateTime now = now();
        KioskRecord kiosk = dsl.transactionResult(tx -> {
            KioskRecord found = tx.dsl()
                    .selectFrom(KIOSK)
                    .where(KIOSK.CODE_HASH.eq(Secrets.hash(normalized)))
                    .and(KIOSK.CODE_EXPIRES_AT.gt(now))
                    .and(KIOSK.REVOKED_AT.isNull())
                    .forUpdate()
                    .fetchOne();
            if (found == null) {
                return null;
            }
            // the code works once: a second kiosk (or a copy of the command line) cannot pair with it again
            found.setCodeHash(null)
                    .setCodeExpiresAt(null)
                    .setTokenHash(Secrets.hash(token))
                    .setPairedAt(now)
                    .store();
            return found;
        });
        if (kiosk == null) {
            failedPairings.take(address);
            throw DomainException.notFound(
                    "pairing_code_not_found",
                    "This pairing code is unknown, already used or expired. Make a new one in the console.");
        }
        return new KioskDevice(token, kiosk.getId(), kiosk.getName());
    }

    /** The kiosks paired or waiting to be, newest first. */
    public List<KioskSummary> list() {
        OffsetDateTime now = now();
        return dsl.selectFrom(KIOSK)
                .where(KIOSK.REVOKED_AT.isNull())
                .orderBy(KIOSK.CREATED_AT.desc(), KIOSK.ID)
                .fetch(kiosk -> new KioskSummary(
                        kiosk.getId(),
                        kiosk.getName(),
                        kiosk.getReaderId(),
                        kiosk.getPairedAt() != null
                                ? "paired"
                                : kiosk.getCodeExpiresAt().isAfter(now) ? "pairing" : "expired",
                        kiosk.getCreatedAt().toInstant(),
                        kiosk.getPairedAt() == null ? null : kiosk.getPairedAt().toInstant()));
    }

    /** Unpairs a kiosk: its token (or its unused code) stops working at once. */
    public void revoke(String id) {
        int updated = dsl.update(KIOSK)
                .set(KIOSK.REVOKED_AT, now())
                .setNull(KIOSK.CODE_HASH)
                .where(KIOSK.ID.eq(id))
                .and(KIOSK.REVOKED_AT.isNull())
                .execute();
        if (updated == 0) {
            throw DomainException.notFound("kiosk_not_found", "There is no kiosk " + id + " in use.");
        }
    }

    /** Whether a bearer token is a kiosk's rather than a member of staff's. */
    public static boolean isDeviceToken(String token) {
        return token.startsWith(TOKEN_PREFIX);
    }

    /** The paired, not revoked kiosk a device token belongs to; 401 otherwise. */
    public Kiosk authenticate(String token) {
        KioskRecord kiosk = dsl.selectFrom(KIOSK)
                .where(KIOSK.TOKEN_HASH.eq(Secrets.hash(token)))
                .and(KIOSK.REVOKED_AT.isNull())
                .fetchOne();
        if (kiosk == null) {
            throw DomainException.unauthenticated(
                    "invalid_device_token",
                    "This kiosk is not paired (or was unpaired). Pair it again from the console.");
        }
        return new Kiosk(kiosk.getId(), kiosk.getName(), kiosk.getReaderId());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
