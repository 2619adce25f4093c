package dev.concierge.conversation;

import static dev.concierge.jooq.Tables.CONTACT;
import static dev.concierge.jooq.Tables.CONVERSATION;
import static dev.concierge.jooq.Tables.MESSAGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.jooq.tables.records.ConversationRecord;
import dev.concierge.jooq.tables.records.MessageRecord;
import dev.concierge.storage.Database;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The turn's statements rendered once and run through JDBC, on a real migrated H2 database. */
class TurnRepositoryTest {
    private static final OffsetDateTime AT = OffsetDateTime.of(2026, 3, 10, 12, 0, 0, 0, ZoneOffset.UTC);

    @TempDir
    Path dir;

    private Database database;
    private DSLContext dsl;
    private TurnRepository turns;

    @BeforeEach
    void open() {
        database = Database.open(dir, null, null, null);
        dsl = database.dsl();
        turns = new TurnRepository(dsl);
        dsl.insertInto(CONVERSATION)
                .set(CONVERSATION.ID, "c1")
                .set(CONVERSATION.CHANNEL, "web")
                .set(CONVERSATION.STATUS, "open")
                .set(CONVERSATION.TASK_STATE, "{}")
                .set(CONVERSATION.CREATED_AT, AT)
                .set(CONVERSATION.LAST_MESSAGE_AT, AT)
                .execute();
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void readsTheConversationAsStoredAndNothingForAnUnknownId() {
        TurnRepository.Current current = turns.current("c1").orElseThrow();
        assertEquals("c1", current.id());
        assertEquals("open", current.status());
        assertNull(current.language());
        assertEquals("{}", current.taskState());
        assertEquals(AT.toInstant(), current.lastAt().toInstant());
        assertTrue(turns.current("nobody").isEmpty());
    }

    @Test
    void storesBothLinesInTheirOrderWithTheGuestLinesFacts() {
        turns.insert(
                dsl,
                new TurnRepository.Line("c1", "guest", "Is there parking?", "en", AT, "parking", false),
                new TurnRepository.Line("c1", "assistant", "Yes, free.", "en", AT.plusSeconds(1), null, false));
        turns.insert(dsl, new TurnRepository.Line("c1", "guest", "And a spa?", "en", AT.plusSeconds(2), null, true));

        var lines = dsl.selectFrom(MESSAGE).orderBy(MESSAGE.ID).fetch();
        assertEquals(List.of("guest", "assistant", "guest"), lines.map(MessageRecord::getRole));
        assertEquals(List.of("Is there parking?", "Yes, free.", "And a spa?"), lines.map(MessageRecord::getText));
        assertEquals("parking", lines.get(0).getKnowledgeEntryId());
        assertFalse(lines.get(0).getUnanswered());
        assertNull(lines.get(1).getKnowledgeEntryId());
        assertTrue(lines.get(2).getUnanswered());
        assertEquals(AT.plusSeconds(1).toInstant(), lines.get(1).getCreatedAt().toInstant());
    }

    @Test
    void writesTheStateAfterATurnAndKeepsTheContactWhenTheTurnNamesNone() {
        long contact = dsl.insertInto(CONTACT)
                .set(CONTACT.NAME, "Ana")
                .set(CONTACT.SOURCE, "web")
                .set(CONTACT.CREATED_AT, AT)
                .set(CONTACT.UPDATED_AT, AT)
                .returning(CONTACT.ID)
                .fetchSingle()
                .getId();
        turns.update(
                dsl,
                new TurnRepository.AfterTurn(
                        "c1", "es", "{\"task\":\"order\"}", "order", "items", AT.plusMinutes(1), "open", contact));
        turns.update(
                dsl, new TurnRepository.AfterTurn("c1", "es", "{}", null, null, AT.plusMinutes(2), "handoff", null));

        ConversationRecord stored = dsl.selectFrom(CONVERSATION).fetchSingle();
        assertEquals("es", stored.getLanguage());
        assertEquals("{}", stored.getTaskState());
        assertNull(stored.getTask());
        assertNull(stored.getAsking());
        assertEquals("handoff", stored.getStatus());
        assertEquals(AT.plusMinutes(2).toInstant(), stored.getLastMessageAt().toInstant());
        assertEquals(contact, stored.getContactId());
    }

    @Test
    void linesStoredInATransactionThatFailsAreNotStored() {
        assertThrows(
                IllegalStateException.class,
                () -> dsl.transaction(tx -> {
                    turns.insert(
                            tx.dsl(),
                            new TurnRepository.Line("c1", "guest", "Hello", "en", AT, null, false),
                            new TurnRepository.Line("c1", "assistant", "Hi!", "en", AT, null, false));
                    throw new IllegalStateException("the turn fails after its lines");
                }));
        assertEquals(0, dsl.fetchCount(MESSAGE));
    }
}
