package dev.concierge.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded database's pool (HikariCP over H2): one connection here, so each loan is the same H2 session. */
class ConnectionPoolTest {
    @TempDir
    Path dir;

    private HikariDataSource pool;

    @BeforeEach
    void open() throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + dir.resolve("pool") + ";QUERY_CACHE_SIZE=16");
        h2.setUser("sa");
        h2.setPassword("");
        pool = Database.embeddedPool(h2, 1, 250);
        try (Connection connection = pool.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create table item (id int primary key)");
        }
    }

    @AfterEach
    void close() {
        pool.close();
    }

    @Test
    void aStatementStaysParsedAcrossLoans() throws Exception {
        for (int i = 0; i < 2; i++) {
            try (Connection connection = pool.getConnection();
                    var select = connection.prepareStatement("select count(*) from item")) {
                select.executeQuery().close();
            }
        }
        try (Connection connection = pool.getConnection()) {
            // H2 keeps parsed statements per session and empties them on every rollback: H2's own pool rolled back
            // each connection given back, so nothing stayed parsed (docs/benchmarks.md, second round)
            SessionLocal session =
                    (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
            Field cache = SessionLocal.class.getDeclaredField("queryCache");
            cache.setAccessible(true);
            assertTrue(((Map<?, ?>) cache.get(session)).containsKey("select count(*) from item"));
        }
    }

    @Test
    void aConnectionLeftInATransactionIsRolledBackBeforeItIsLentAgain() throws SQLException {
        try (Connection connection = pool.getConnection();
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.executeUpdate("insert into item values (1)");
        }
        try (Connection connection = pool.getConnection();
                Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery("select count(*) from item")) {
            assertTrue(connection.getAutoCommit());
            count.next();
            assertEquals(0, count.getInt(1));
        }
    }

    @Test
    void aCallerBeyondThePoolsSizeWaitsThenGivesUp() throws SQLException {
        try (Connection held = pool.getConnection()) {
            assertThrows(SQLException.class, pool::getConnection);
        }
        try (Connection next = pool.getConnection()) {
            assertFalse(next.isClosed(), "the place given back is free again");
        }
    }
}
