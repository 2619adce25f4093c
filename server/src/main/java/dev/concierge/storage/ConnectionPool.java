package dev.concierge.storage;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The embedded database's pool: at most {@code size} connections, handed out in arrival order to callers that wait
 * parked, and given back without resetting what needs no reset.
 *
 * <p>It replaces H2's {@code JdbcConnectionPool} for two reasons, both measured under 64 guests chatting at once.
 * That pool does not queue: a caller that finds it full spins, sleeps a millisecond and tries again, so dozens of
 * request threads burned the two cores polling and an unlucky one waited seconds. And it rolls back every connection
 * given back, even one in auto-commit with nothing to undo; H2 empties a session's cache of parsed statements on every
 * rollback, and jOOQ takes a connection per statement, so every statement of a chat turn was parsed again. Here a
 * connection in auto-commit goes back as it is; one left inside a transaction is rolled back first.
 */
final class ConnectionPool implements DataSource, AutoCloseable {
    private final DataSource database;
    private final Semaphore permits;
    private final long timeoutMillis;
    /** Connections free for the next caller; the most recently used first (its caches are the warmest). */
    private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();

    private volatile boolean closed;

    /** {@code database}: where new connections come from; {@code size}: the most open at once. */
    ConnectionPool(DataSource database, int size, long timeoutMillis) {
        this.database = database;
        this.permits = new Semaphore(size, true);
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public Connection getConnection() throws SQLException {
        acquire();
        try {
            Connection connection = idle.pollFirst();
            return lent(connection != null ? connection : database.getConnection());
        } catch (SQLException | RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    /** Always the pool's own user: one database, one account. */
    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the pool opens its connections with its own user");
    }

    private void acquire() throws SQLException {
        if (closed) {
            throw new SQLException("the database is closed", "08003");
        }
        try {
            if (!permits.tryAcquire(timeoutMillis, TimeUnit.MILLISECONDS)) {
                throw new SQLException("no database connection free within " + timeoutMillis + " ms", "08001");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a database connection", "08001", e);
        }
    }

    /** The connection as a caller holds it: its first close gives it back and its place to the next caller. */
    private Connection lent(Connection connection) {
        AtomicBoolean returned = new AtomicBoolean();
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("close") && method.getParameterCount() == 0) {
                if (returned.compareAndSet(false, true)) {
                    giveBack(connection);
                }
                return null;
            }
            if (method.getName().equals("isClosed") && method.getParameterCount() == 0) {
                return returned.get() || connection.isClosed();
            }
            if (returned.get()) {
                throw new SQLException("the connection was closed", "08003");
            }
            return invoke(connection, method, args);
        };
        return (Connection)
                Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
    }

    private void giveBack(Connection connection) {
        try {
            if (closed || connection.isClosed()) {
                connection.close();
                return;
            }
            if (!connection.getAutoCommit()) {
                // left inside a transaction (a failure on the way): nothing of it may leak to the next caller
                connection.rollback();
                connection.setAutoCommit(true);
            }
            idle.offerFirst(connection);
            if (closed && idle.remove(connection)) {
                connection.close(); // the pool closed meanwhile and may have missed it
            }
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection); // a connection that cannot be reset is not lent again
        } finally {
            permits.release();
        }
    }

    private static Object invoke(Connection connection, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(connection, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Closes the idle connections; those still lent are closed as they come back. */
    @Override
    public void close() {
        closed = true;
        for (Connection connection = idle.pollFirst(); connection != null; connection = idle.pollFirst()) {
            closeQuietly(connection);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // best effort: the connection is dropped either way
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return database.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        database.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        database.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return database.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return database.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : database.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || database.isWrapperFor(type);
    }
}
