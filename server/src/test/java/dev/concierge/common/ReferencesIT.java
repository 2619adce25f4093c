package dev.concierge.common;

import static dev.concierge.jooq.Tables.ORDERS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.concierge.app.ServerSettings;
import dev.concierge.app.TestServer;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Random;
import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reference drawn twice inside one transaction, on the database of this run (H2, and PostgreSQL in the second run,
 * where a failed insert aborts the transaction unless it ran in a savepoint).
 */
class ReferencesIT {
    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 3, 9, 9, 0, 0, 0, ZoneOffset.UTC);

    @TempDir
    Path dataDir;

    private TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start(ServerSettings.defaults(dataDir).withDemo(true));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** The same seed draws the same references: the second order's first draw is the first order's reference. */
    private static References seeded() {
        return new References("Hotel Miramar", new Random(20260309));
    }

    private static String placeOrder(DSLContext db, References references) {
        return placeOrder(db, references, "desk");
    }

    private static String placeOrder(DSLContext db, References references, String paymentMethod) {
        return references.insertUnique(
                db,
                (tx, reference) -> tx.insertInto(ORDERS)
                        .set(ORDERS.REFERENCE, reference)
                        .set(ORDERS.STATUS, "new")
                        .set(ORDERS.PAYMENT_METHOD, paymentMethod)
                        .set(ORDERS.PAYMENT_STATUS, "unpaid")
                        .set(ORDERS.TOTAL, 450L)
                        .set(ORDERS.CURRENCY, "EUR")
                        .set(ORDERS.SOURCE, "console")
                        .set(ORDERS.CREATED_AT, NOW)
                        .set(ORDERS.UPDATED_AT, NOW)
                        .returning(ORDERS.REFERENCE)
                        .fetchSingle(ORDERS.REFERENCE));
    }

    @Test
    void aTakenReferenceIsDrawnAgainAndTheTransactionCarriesOn() {
        DSLContext dsl = server.dsl();
        int before = dsl.fetchCount(ORDERS);

        String[] placed = dsl.transactionResult(tx -> {
            String first = placeOrder(tx.dsl(), seeded());
            String second = placeOrder(tx.dsl(), seeded());
            // the transaction is still good after the collision: a later statement in it runs and it commits
            int inside = tx.dsl().fetchCount(ORDERS);
            return new String[] {first, second, String.valueOf(inside)};
        });

        assertNotEquals(placed[0], placed[1]);
        assertEquals(seeded().next(), placed[0], "the first order took the seed's first draw");
        assertEquals(String.valueOf(before + 2), placed[2]);
        assertEquals(before + 2, dsl.fetchCount(ORDERS));
        assertEquals(1, dsl.fetchCount(ORDERS, ORDERS.REFERENCE.eq(placed[1])));
    }

    @Test
    void anInsertThatBreaksAnotherConstraintFailsAfterAFewDrawsAndLeavesNothing() {
        DSLContext dsl = server.dsl();
        int before = dsl.fetchCount(ORDERS);

        assertThrows(
                IntegrityConstraintViolationException.class,
                // a room charge without a stay: never allowed, whatever the reference
                () -> dsl.transaction(tx -> placeOrder(tx.dsl(), new References("Hotel Miramar"), "room")));

        assertEquals(before, dsl.fetchCount(ORDERS));
    }
}
