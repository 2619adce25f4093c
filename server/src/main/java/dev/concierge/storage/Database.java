package dev.concierge.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;

/** The one database of the server: a pooled connection, migrated by Flyway at open, queried through jOOQ. */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final DSLContext dsl;

    private Database(HikariDataSource dataSource, SQLDialect dialect) {
        this.dataSource = dataSource;
        this.dsl = DSL.using(
                dataSource, dialect, new Settings().withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_UNQUOTED));
    }

    /**
     * Opens the embedded H2 database in {@code dataDir}, or PostgreSQL when {@code jdbcUrl} is given, and brings
     * its schema up to date.
     */
    public static Database open(
            Path dataDir, @Nullable String jdbcUrl, @Nullable String user, @Nullable String password) {
        HikariConfig config = new HikariConfig();
        SQLDialect dialect;
        if (jdbcUrl == null) {
            // DB_CLOSE_ON_EXIT=FALSE: the server closes the database itself after the last request has finished.
            config.setJdbcUrl(
                    "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("concierge") + ";DB_CLOSE_ON_EXIT=FALSE");
            config.setUsername("sa");
            config.setPassword("");
            dialect = SQLDialect.H2;
        } else {
            config.setJdbcUrl(jdbcUrl);
            config.setUsername(user);
            config.setPassword(password);
            dialect = SQLDialect.POSTGRES;
        }
        config.setPoolName("concierge-db");
        config.setMaximumPoolSize(10);
        config.setConnectionTimeout(10_000);
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            migrate(dataSource);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return new Database(dataSource, dialect);
    }

    /** True when the embedded database in {@code dataDir} has not been created yet. */
    public static boolean isNew(Path dataDir) {
        return !java.nio.file.Files.exists(dataDir.resolve("concierge.mv.db"));
    }

    /** Loads jOOQ's classes (a few hundred, with heavy static set-up) on a start-up thread beside the opening. */
    public static void preload() {
        DSL.using(SQLDialect.H2).selectOne().getSQL();
    }

    private static void migrate(DataSource dataSource) {
        if (SchemaVersions.upToDate(dataSource)) {
            return;
        }
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .loggers("slf4j")
                .load()
                .migrate();
    }

    public DSLContext dsl() {
        return dsl;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** True when a trivial query answers; used by the health check. */
    public boolean isHealthy() {
        try {
            return dsl.selectOne().fetchOne() != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Closes the pool; H2 then closes its file cleanly with the last connection (DB_CLOSE_ON_EXIT=FALSE). */
    @Override
    public void close() {
        dataSource.close();
    }
}
