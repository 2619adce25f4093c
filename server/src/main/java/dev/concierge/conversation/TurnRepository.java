package dev.concierge.conversation;

import static dev.concierge.jooq.Tables.CONVERSATION;
import static dev.concierge.jooq.Tables.MESSAGE;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.ConnectionCallable;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStep7;
import org.jooq.Param;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;

/**
 * The statements every chat turn runs: read the conversation, store its lines, write the conversation back. Rendered
 * once by jOOQ for the database's dialect when the service is built, and run through JDBC on the connection jOOQ gives
 * (the turn's transaction inside {@code dsl.transaction}). Rendering the same fixed statements for every turn and
 * running them through jOOQ's per-statement machinery was about a sixth of the server's CPU under load
 * (docs/benchmarks.md, third round); the rarer statements of a conversation stay ordinary jOOQ.
 */
final class TurnRepository {
    /** What a turn reads of the conversation a message continues. */
    record Current(
            String id,
            String status,
            @Nullable String language,
            @Nullable String taskState,
            OffsetDateTime lastAt) {}

    /** A line of the conversation to store, with the turn's facts for the reports on the guest's line. */
    record Line(
            String conversationId,
            String role,
            String text,
            String language,
            OffsetDateTime at,
            @Nullable String knowledgeId,
            boolean unanswered) {}

    /** The conversation after an answered turn (the handoff's own columns are written apart, on the rare handoff). */
    record AfterTurn(
            String id,
            String language,
            String taskState,
            @Nullable String task,
            @Nullable String asking,
            OffsetDateTime lastAt,
            String status,
            @Nullable Long contactId) {}

    private static final List<Field<?>> CURRENT_COLUMNS = List.of(
            CONVERSATION.ID,
            CONVERSATION.STATUS,
            CONVERSATION.LANGUAGE,
            CONVERSATION.TASK_STATE,
            CONVERSATION.LAST_MESSAGE_AT);

    private final DSLContext dsl;
    private final String selectCurrent;
    private final String insertOneLine;
    private final String insertTwoLines;
    private final String updateAfterTurn;

    TurnRepository(DSLContext dsl) {
        this.dsl = dsl;
        this.selectCurrent = dsl.select(CURRENT_COLUMNS)
                .from(CONVERSATION)
                .where(CONVERSATION.ID.eq(param(CONVERSATION.ID)))
                .getSQL();
        this.insertOneLine = lineValues(insertLines(dsl)).getSQL();
        this.insertTwoLines = lineValues(lineValues(insertLines(dsl))).getSQL();
        this.updateAfterTurn = dsl.update(CONVERSATION)
                .set(CONVERSATION.LANGUAGE, param(CONVERSATION.LANGUAGE))
                .set(CONVERSATION.TASK_STATE, param(CONVERSATION.TASK_STATE))
                .set(CONVERSATION.TASK, param(CONVERSATION.TASK))
                .set(CONVERSATION.ASKING, param(CONVERSATION.ASKING))
                .set(CONVERSATION.LAST_MESSAGE_AT, param(CONVERSATION.LAST_MESSAGE_AT))
                .set(CONVERSATION.STATUS, param(CONVERSATION.STATUS))
                // a turn without a contact keeps the one the conversation has
                .set(CONVERSATION.CONTACT_ID, DSL.coalesce(param(CONVERSATION.CONTACT_ID), CONVERSATION.CONTACT_ID))
                .where(CONVERSATION.ID.eq(param(CONVERSATION.ID)))
                .getSQL();
    }

    private static <T> Param<T> param(Field<T> field) {
        return DSL.param(field.getName(), field.getDataType());
    }

    private static InsertValuesStep7<?, String, String, String, String, OffsetDateTime, String, Boolean> insertLines(
            DSLContext dsl) {
        return dsl.insertInto(
                MESSAGE,
                MESSAGE.CONVERSATION_ID,
                MESSAGE.ROLE,
                MESSAGE.TEXT,
                MESSAGE.LANGUAGE,
                MESSAGE.CREATED_AT,
                MESSAGE.KNOWLEDGE_ENTRY_ID,
                MESSAGE.UNANSWERED);
    }

    private static InsertValuesStep7<?, String, String, String, String, OffsetDateTime, String, Boolean> lineValues(
            InsertValuesStep7<?, String, String, String, String, OffsetDateTime, String, Boolean> insert) {
        return insert.values(
                param(MESSAGE.CONVERSATION_ID),
                param(MESSAGE.ROLE),
                param(MESSAGE.TEXT),
                param(MESSAGE.LANGUAGE),
                param(MESSAGE.CREATED_AT),
                param(MESSAGE.KNOWLEDGE_ENTRY_ID),
                param(MESSAGE.UNANSWERED));
    }

    /** The conversation {@code id}, in any status. */
    Optional<Current> current(String id) {
        return run(dsl, connection -> {
            try (PreparedStatement select = connection.prepareStatement(selectCurrent)) {
                select.setString(1, id);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new Current(
                            row.getString(1),
                            row.getString(2),
                            row.getString(3),
                            row.getString(4),
                            row.getObject(5, OffsetDateTime.class)));
                }
            }
        });
    }

    /** Stores {@code lines} in their order (their ids ascending) with one statement. */
    void insert(DSLContext db, Line... lines) {
        if (lines.length < 1 || lines.length > 2) {
            throw new IllegalArgumentException("a turn stores one or two lines, not " + lines.length);
        }
        run(db, connection -> {
            try (PreparedStatement insert =
                    connection.prepareStatement(lines.length == 1 ? insertOneLine : insertTwoLines)) {
                int i = 0;
                for (Line line : lines) {
                    insert.setString(++i, line.conversationId());
                    insert.setString(++i, line.role());
                    insert.setString(++i, line.text());
                    insert.setString(++i, line.language());
                    insert.setObject(++i, line.at());
                    bind(insert, ++i, MESSAGE.KNOWLEDGE_ENTRY_ID, line.knowledgeId());
                    insert.setBoolean(++i, line.unanswered());
                }
                return insert.executeUpdate();
            }
        });
    }

    /** Writes the conversation's state, language, time and status after a turn the assistant answered. */
    void update(DSLContext db, AfterTurn after) {
        run(db, connection -> {
            try (PreparedStatement update = connection.prepareStatement(updateAfterTurn)) {
                update.setString(1, after.language());
                update.setString(2, after.taskState());
                bind(update, 3, CONVERSATION.TASK, after.task());
                bind(update, 4, CONVERSATION.ASKING, after.asking());
                update.setObject(5, after.lastAt());
                update.setString(6, after.status());
                bind(update, 7, CONVERSATION.CONTACT_ID, after.contactId());
                update.setString(8, after.id());
                return update.executeUpdate();
            }
        });
    }

    private static void bind(PreparedStatement statement, int index, Field<?> field, @Nullable Object value)
            throws SQLException {
        if (value == null) {
            statement.setNull(index, field.getDataType().getSQLType());
        } else {
            statement.setObject(index, value);
        }
    }

    /** On {@code db}'s connection: the transaction's inside {@code dsl.transaction}, else one from the pool. */
    private static <T> T run(DSLContext db, ConnectionCallable<T> statement) {
        return db.connectionResult(statement);
    }
}
