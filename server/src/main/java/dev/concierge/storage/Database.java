package dev.concierge.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;

/** The one database of the server: a pooled connection, migrated by Flyway at open, queried through jOOQ. */
public final class Database implements AutoCloseable {
    static final String MIGRATIONS = "classpath:db/migration";
    private static final int POOL_SIZE = 10;
    /**
     * The smallest pool {@code CONCIERGE_DB_POOL_SIZE} may ask for: a request inside a transaction may need a second
     * connection (a live event for the other instances is sent outside it), which a pool of one makes it wait for.
     */
    static final int MIN_POOL_SIZE = 2;
    /** The largest pool {@code CONCIERGE_DB_POOL_SIZE} may ask for: PostgreSQL's default max_connections. */
    static final int MAX_POOL_SIZE = 100;

    private static final int QUERY_CACHE_SIZE = 256;
    /** How long a caller waits for a free connection of the embedded database (H2's own pool waited as long). */
    private static final long POOL_TIMEOUT_MILLIS = 30_000;

    private final DataSource dataSource;
    private final AutoCloseable pool;
    private final DSLContext dsl;
    private final @Nullable Server shared;

    /** Where a shared database (PostgreSQL) is, for a connection of its own outside the pool. */
    private record Server(
            String url, @Nullable String user, @Nullable String password) {}

    private Database(DataSource dataSource, AutoCloseable pool, SQLDialect dialect, @Nullable Server shared) {
        this.dataSource = dataSource;
        this.pool = pool;
        this.shared = shared;
        this.dsl = DSL.using(
                dataSource, dialect, new Settings().withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_UNQUOTED));
    }

    /**
     * Opens the embedded H2 database in {@code dataDir}, or PostgreSQL when {@code jdbcUrl} is given, and brings
     * its schema up to date.
     */
    public static Database open(
            Path dataDir, @Nullable String jdbcUrl, @Nullable String user, @Nullable String password) {
        return open(dataDir, jdbcUrl, user, password, "unknown");
    }

    /**
     * As {@link #open(Path, String, String, String)}; {@code version} (of this build) names the backup an upgrade of
     * the embedded database takes first.
     */
    public static Database open(
            Path dataDir, @Nullable String jdbcUrl, @Nullable String user, @Nullable String password, String version) {
        return open(dataDir, jdbcUrl, user, password, version, POOL_SIZE);
    }

    /**
     * As above, with a pool of {@code sharedPoolSize} connections on PostgreSQL (the embedded database keeps its
     * own); see {@link #poolSize(String)}.
     */
    public static Database open(
            Path dataDir,
            @Nullable String jdbcUrl,
            @Nullable String user,
            @Nullable String password,
            String version,
            int sharedPoolSize) {
        return open(dataDir, jdbcUrl, user, password, version, List.of(MIGRATIONS), sharedPoolSize);
    }

    /** As above, with the migrations read from {@code locations} (a test adds one that fails). */
    static Database open(
            Path dataDir,
            @Nullable String jdbcUrl,
            @Nullable String user,
            @Nullable String password,
            String version,
            List<String> locations) {
        return open(dataDir, jdbcUrl, user, password, version, locations, POOL_SIZE);
    }

    private static Database open(
            Path dataDir,
            @Nullable String jdbcUrl,
            @Nullable String user,
            @Nullable String password,
            String version,
            List<String> locations,
            int sharedPoolSize) {
        if (jdbcUrl == null) {
            // DB_CLOSE_ON_EXIT=FALSE: the server closes the database itself after the last request has finished.
            // WRITE_DELAY=0: every commit is in the file before it is acknowledged. H2's default writes committed
            // changes in the background up to a second later, so a killed process lost what it had answered 201 to
            // (OutboxCrashIT found it: orders and delivery outcomes of the last second were gone after kill -9).
            // QUERY_CACHE_SIZE: each connection keeps this many parsed statements; H2's 8 is fewer than one chat turn
            // runs (key, conversation, messages, availability, order…), so every statement was parsed again.
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL(embeddedUrl(dataDir) + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0" + ";QUERY_CACHE_SIZE="
                    + QUERY_CACHE_SIZE);
            h2.setUser("sa");
            h2.setPassword("");
            HikariDataSource pool = embeddedPool(h2, POOL_SIZE, POOL_TIMEOUT_MILLIS);
            try {
                new EmbeddedUpgrade(dataDir, version, locations).run(pool);
            } catch (RuntimeException e) {
                closeQuietly(pool);
                throw e;
            }
            return new Database(pool, pool, SQLDialect.H2, null);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setPoolName("concierge-db");
        config.setMaximumPoolSize(sharedPoolSize);
        config.setConnectionTimeout(10_000);
        HikariDataSource pool = new HikariDataSource(config);
        try {
            migrate(pool, locations);
        } catch (RuntimeException e) {
            closeQuietly(pool);
            throw e;
        }
        return new Database(pool, pool, SQLDialect.POSTGRES, new Server(jdbcUrl, user, password));
    }

    /**
     * The embedded database's pool. HikariCP, not H2's own JdbcConnectionPool: that one rolled back every connection
     * given back, and a rollback empties H2's cache of parsed statements, so every statement of a chat turn was
     * parsed again (docs/benchmarks.md, second round). Hikari rolls back only a connection left in a transaction.
     */
    static HikariDataSource embeddedPool(JdbcDataSource h2, int size, long timeoutMillis) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(h2);
        config.setPoolName("concierge-h2");
        config.setMaximumPoolSize(size);
        config.setConnectionTimeout(timeoutMillis);
        return new HikariDataSource(config);
    }

    /**
     * The pool size on PostgreSQL from {@code CONCIERGE_DB_POOL_SIZE}, 10 when unset. Every instance holds its whole
     * pool open (plus one listening connection), so a venue group with many instances on one PostgreSQL gives each a
     * smaller pool to stay within max_connections (docs/deployment-venue-group.md).
     */
    public static int poolSize(@Nullable String setting) {
        if (setting == null || setting.isBlank()) {
            return POOL_SIZE;
        }
        try {
            int size = Integer.parseInt(setting.strip());
            if (size >= MIN_POOL_SIZE && size <= MAX_POOL_SIZE) {
                return size;
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        throw new IllegalArgumentException(
                "CONCIERGE_DB_POOL_SIZE must be a whole number from " + MIN_POOL_SIZE + " to "
                        + MAX_POOL_SIZE
                        + ", not \"" + setting + "\"");
    }

    /** True when the embedded database in {@code dataDir} has not been created yet. */
    public static boolean isNew(Path dataDir) {
        return !java.nio.file.Files.exists(dataDir.resolve(BackupArchive.DATABASE_FILE));
    }

    /** The JDBC URL of the embedded database in {@code dataDir}, without settings. */
    public static String embeddedUrl(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("concierge");
    }

    /** Loads jOOQ's classes (a few hundred, with heavy static set-up) on a start-up thread beside the opening. */
    public static void preload() {
        DSL.using(SQLDialect.H2).selectOne().getSQL();
    }

    /** Brings the schema up to date with Flyway; nothing to do (and Flyway not even loaded) when it is. */
    static void migrate(DataSource dataSource, List<String> locations) {
        if (locations.equals(List.of(MIGRATIONS)) && SchemaVersions.upToDate(dataSource)) {
            return;
        }
        Flyway.configure()
                .dataSource(dataSource)
                .locations(locations.toArray(String[]::new))
                .loggers("slf4j")
                .load()
                .migrate();
    }

    public DSLContext dsl() {
        return dsl;
    }

    /** True on PostgreSQL, which several server instances may share; false on the embedded H2 (one instance). */
    public boolean isShared() {
        return shared != null;
    }

    /**
     * A new connection to the shared database outside the pool, for a session that lives as long as the server (one
     * that LISTENs); the caller closes it.
     */
    public Connection dedicatedConnection() throws SQLException {
        Server server = shared;
        if (server == null) {
            throw new IllegalStateException("only a shared database has connections outside the pool");
        }
        return java.sql.DriverManager.getConnection(server.url(), server.user(), server.password());
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * The database engine and the schema it holds, for a support bundle.
     *
     * @param schemaVersion the newest migration applied, as Flyway numbers it; absent when it cannot be read
     */
    public record Engine(
            String product, String version, @Nullable String schemaVersion) {}

    public Engine engine() {
        try (Connection connection = dataSource.getConnection()) {
            java.sql.DatabaseMetaData metadata = connection.getMetaData();
            return new Engine(
                    metadata.getDatabaseProductName(),
                    metadata.getDatabaseProductVersion(),
                    BackupArchive.schemaVersion(connection));
        } catch (SQLException e) {
            throw new org.jooq.exception.DataAccessException("the database could not be reached: " + e.getMessage(), e);
        }
    }

    /** Publishes the pool's gauges and timers ({@code hikaricp_connections_pending}, …) to {@code registry}. */
    public void bindMetrics(io.micrometer.core.instrument.MeterRegistry registry) {
        if (pool instanceof HikariDataSource hikari) {
            hikari.setMetricRegistry(registry);
        }
    }

    /** True when a trivial query answers; used by the health check. */
    public boolean isHealthy() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    /** Closes the pool; H2 then closes its file cleanly with the last connection (DB_CLOSE_ON_EXIT=FALSE). */
    @Override
    public void close() {
        closeQuietly(pool);
    }

    static void closeQuietly(AutoCloseable pool) {
        try {
            pool.close();
        } catch (Exception e) {
            // closing is best effort: there is nothing left to do with a pool that will not close
        }
    }
}
