package dev.concierge.storage;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A pool's data source that lets at most {@code size} callers hold a connection and queues the others in arrival
 * order, parked. H2's own pool does not queue: a caller that finds it full spins, sleeps a millisecond and tries again,
 * so under load (64 guests chatting at once) dozens of request threads burn the two cores polling, and an unlucky one
 * waits seconds while newcomers take every connection freed.
 */
final class QueuedDataSource implements DataSource {
    private final DataSource pool;
    private final Semaphore permits;
    private final long timeoutMillis;

    /** {@code size}: the pool's own size, so the pool never sees more callers than it has connections. */
    QueuedDataSource(DataSource pool, int size, long timeoutMillis) {
        this.pool = pool;
        this.permits = new Semaphore(size, true);
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public Connection getConnection() throws SQLException {
        acquire();
        try {
            return released(pool.getConnection());
        } catch (SQLException | RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        acquire();
        try {
            return released(pool.getConnection(user, password));
        } catch (SQLException | RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    private void acquire() throws SQLException {
        try {
            if (!permits.tryAcquire(timeoutMillis, TimeUnit.MILLISECONDS)) {
                throw new SQLException("no database connection free within " + timeoutMillis + " ms", "08001");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a database connection", "08001", e);
        }
    }

    /** The connection, whose first close gives its place back to the next caller in the queue. */
    private Connection released(Connection connection) {
        AtomicBoolean closed = new AtomicBoolean();
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("close") && method.getParameterCount() == 0) {
                try {
                    connection.close();
                } finally {
                    if (closed.compareAndSet(false, true)) {
                        permits.release();
                    }
                }
                return null;
            }
            return invoke(connection, method, args);
        };
        return (Connection)
                Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
    }

    private static Object invoke(Connection connection, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(connection, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || pool.isWrapperFor(type);
    }
}
