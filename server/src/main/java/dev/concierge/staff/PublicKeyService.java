package dev.concierge.staff;

import static dev.concierge.jooq.Tables.PUBLIC_KEY;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.api.PublicKeyCreated;
import dev.concierge.api.PublicKeyRequest;
import dev.concierge.api.PublicKeySummary;
import dev.concierge.common.DomainException;
import dev.concierge.jooq.tables.records.PublicKeyRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;

/**
 * Public keys identify the websites that embed the chat widget. A key is shown once when created and stored only as
 * a hash; a revoked key stops working at once on the instance that revoked it, and within {@link #REMEMBERED} on any
 * other instance sharing the database.
 */
public final class PublicKeyService {
    private static final String KEY_PREFIX = "cpk_";
    private static final TypeReference<List<String>> ORIGINS = new TypeReference<>() {};

    private final DSLContext dsl;
    private final ObjectMapper json;
    private final Clock clock;
    private final Secrets secrets = new Secrets();

    /** How long the origins of the keys in use are taken as known; a change on this instance is seen at once. */
    static final Duration ORIGINS_FRESH = Duration.ofSeconds(10);

    private volatile @Nullable KeyOrigins keyOrigins;

    /** The origins the keys in use allow, as read at {@code loadedAt} ({@link System#nanoTime}). */
    private record KeyOrigins(boolean anyOrigin, Set<String> origins, long loadedAt) {
        boolean allows(String origin) {
            return anyOrigin || origins.contains(origin);
        }
    }
    /**
     * How long a key found valid is trusted without asking the database again: every public request (each chat turn)
     * checks its key, and the query was a few percent of a turn. Revoking here forgets the key at once; an instance
     * that shares the database (PostgreSQL) but did not revoke it accepts the key this much longer at most.
     */
    static final Duration REMEMBERED = Duration.ofSeconds(5);

    /** The most keys remembered at once; a site has one or two, so this bound is only against a flood of keys. */
    static final int REMEMBERED_KEYS = 1_000;

    /** Valid keys by hash (never the key itself), with when they were found valid ({@link System#nanoTime()}). */
    private final ConcurrentHashMap<String, Remembered> valid = new ConcurrentHashMap<>();

    private record Remembered(PublicKeySummary key, long checkedAt) {}

    public PublicKeyService(DSLContext dsl, ObjectMapper json, Clock clock) {
        this.dsl = dsl;
        this.json = json;
        this.clock = clock;
    }

    public PublicKeyCreated create(PublicKeyRequest request, @Nullable Long createdBy) {
        String key = secrets.newSecret(KEY_PREFIX);
        String id = secrets.newId("key_");
        dsl.insertInto(PUBLIC_KEY)
                .set(PUBLIC_KEY.ID, id)
                .set(PUBLIC_KEY.NAME, request.name())
                .set(PUBLIC_KEY.KEY_HASH, Secrets.hash(key))
                .set(PUBLIC_KEY.PREFIX, key.substring(0, KEY_PREFIX.length() + 6))
                .set(PUBLIC_KEY.ORIGINS, writeOrigins(request.origins()))
                .set(PUBLIC_KEY.CREATED_BY, createdBy)
                .set(PUBLIC_KEY.CREATED_AT, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .execute();
        keyOrigins = null;
        return new PublicKeyCreated(id, key, request.name(), request.origins());
    }

    /**
     * Revokes every key in use named {@code name} and creates a new one, in one transaction. The demo page needs its
     * key in plain text, which is never stored: each {@code --demo} start makes a fresh one and keeps it in memory.
     */
    public PublicKeyCreated replaceNamed(String name, List<String> origins) {
        PublicKeyCreated created = dsl.transactionResult(tx -> {
            PublicKeyService inTransaction = new PublicKeyService(tx.dsl(), json, clock);
            tx.dsl()
                    .update(PUBLIC_KEY)
                    .set(PUBLIC_KEY.REVOKED_AT, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                    .where(PUBLIC_KEY.NAME.eq(name))
                    .and(PUBLIC_KEY.REVOKED_AT.isNull())
                    .execute();
            return inTransaction.create(new PublicKeyRequest(name, origins), null);
        });
        valid.clear(); // the keys it revoked are forgotten here at once
        keyOrigins = null;
        return created;
    }

    /** The keys in use, newest first; revoked keys are not listed. */
    public List<PublicKeySummary> list() {
        return dsl.selectFrom(PUBLIC_KEY)
                .where(PUBLIC_KEY.REVOKED_AT.isNull())
                .orderBy(PUBLIC_KEY.CREATED_AT.desc())
                .fetch(this::summary);
    }

    public void revoke(String id) {
        int updated = dsl.update(PUBLIC_KEY)
                .set(PUBLIC_KEY.REVOKED_AT, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .where(PUBLIC_KEY.ID.eq(id))
                .and(PUBLIC_KEY.REVOKED_AT.isNull())
                .execute();
        forget(id);
        if (updated == 0) {
            throw DomainException.notFound("key_not_found", "There is no public key " + id + " in use.");
        }
        keyOrigins = null;
    }

    /**
     * Whether a browser page at {@code origin} may call the public API with some key in use (a key that names no
     * origins may be used from any): what a CORS preflight, which carries no key, can be answered from.
     */
    public boolean anyKeyAllows(String origin) {
        KeyOrigins known = keyOrigins;
        if (known == null || System.nanoTime() - known.loadedAt() > ORIGINS_FRESH.toNanos()) {
            boolean any = false;
            Set<String> origins = new HashSet<>();
            for (String stored : dsl.select(PUBLIC_KEY.ORIGINS)
                    .from(PUBLIC_KEY)
                    .where(PUBLIC_KEY.REVOKED_AT.isNull())
                    .fetch(PUBLIC_KEY.ORIGINS)) {
                List<String> named = readOrigins(stored);
                any |= named.isEmpty();
                origins.addAll(named);
            }
            known = new KeyOrigins(any, Set.copyOf(origins), System.nanoTime());
            keyOrigins = known;
        }
        return known.allows(origin);
    }

    private void forget(String id) {
        valid.values().removeIf(remembered -> remembered.key().id().equals(id));
    }

    /**
     * Accepts a key that exists and is not revoked. A browser sends the page's {@code Origin}: when the key names
     * origins, the page must be one of them, so a key copied onto another site does not work there.
     */
    public PublicKeySummary authenticate(String key, @Nullable String origin) {
        PublicKeySummary summary = valid(key);
        if (origin != null && !summary.origins().isEmpty() && !summary.origins().contains(origin)) {
            throw DomainException.forbidden("origin_not_allowed", "This key is not allowed on " + origin + ".");
        }
        return summary;
    }

    /** The key in use that {@code key} is, from memory when it was found valid less than {@link #REMEMBERED} ago. */
    private PublicKeySummary valid(String key) {
        if (!key.startsWith(KEY_PREFIX)) {
            throw invalidKey();
        }
        String hash = Secrets.hash(key);
        long now = System.nanoTime();
        Remembered remembered = valid.get(hash);
        if (remembered != null && now - remembered.checkedAt() < REMEMBERED.toNanos()) {
            return remembered.key();
        }
        PublicKeyRecord record = dsl.selectFrom(PUBLIC_KEY)
                .where(PUBLIC_KEY.KEY_HASH.eq(hash))
                .and(PUBLIC_KEY.REVOKED_AT.isNull())
                .fetchOne();
        if (record == null) {
            valid.remove(hash);
            throw invalidKey(); // unknown keys are not remembered: a key created a moment later works at once
        }
        PublicKeySummary summary = summary(record);
        if (valid.size() >= REMEMBERED_KEYS) {
            valid.clear();
        }
        // a check that read the key just before a revocation here may still store it after: that too lasts REMEMBERED
        valid.put(hash, new Remembered(summary, now));
        return summary;
    }

    private static DomainException invalidKey() {
        return DomainException.unauthenticated("invalid_key", "The public key is missing, unknown or revoked.");
    }

    private PublicKeySummary summary(PublicKeyRecord record) {
        return new PublicKeySummary(
                record.getId(),
                record.getName(),
                record.getPrefix(),
                readOrigins(record.getOrigins()),
                record.getCreatedAt().toInstant());
    }

    private String writeOrigins(List<String> origins) {
        try {
            return json.writeValueAsString(origins);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write origins", e);
        }
    }

    private List<String> readOrigins(String text) {
        try {
            return json.readValue(text, ORIGINS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored origins are not valid JSON", e);
        }
    }
}
