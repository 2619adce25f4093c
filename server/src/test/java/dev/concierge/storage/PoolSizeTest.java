package dev.concierge.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** {@code CONCIERGE_DB_POOL_SIZE}: the connections each instance holds on PostgreSQL. */
class PoolSizeTest {
    @Test
    void unsetOrBlankIsTen() {
        assertEquals(10, Database.poolSize(null));
        assertEquals(10, Database.poolSize("  "));
    }

    @Test
    void aWholeNumberFromTwoToAHundredIsTaken() {
        assertEquals(2, Database.poolSize("2"));
        assertEquals(3, Database.poolSize(" 3 "));
        assertEquals(100, Database.poolSize("100"));
    }

    @Test
    void anythingElseIsRefusedWithTheRangeInTheMessage() {
        for (String bad : new String[] {"1", "0", "-2", "101", "ten", "2.5"}) {
            IllegalArgumentException refused =
                    assertThrows(IllegalArgumentException.class, () -> Database.poolSize(bad), bad);
            assertEquals(
                    "CONCIERGE_DB_POOL_SIZE must be a whole number from 2 to 100, not \"" + bad + "\"",
                    refused.getMessage());
        }
    }
}
