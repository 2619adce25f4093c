package dev.concierge.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A newer build on an older data directory: backed up, then migrated; a failed migration leaves it as it was. */
class DatabaseUpgradeTest {
    @TempDir
    Path dataDir;

    @Test
    void aDatabaseOfThePreviousSchemaIsBackedUpThenMigratedWithItsData() throws Exception {
        List<String> versions = SchemaVersions.bundled().stream()
                .sorted(Comparator.comparing(MigrationVersion::fromVersion))
                .toList();
        String previous = versions.get(versions.size() - 2);
        String newest = versions.get(versions.size() - 1);
        Flyway.configure()
                .dataSource(h2())
                .locations(Database.MIGRATIONS)
                .target(previous)
                .load()
                .migrate();
        execute("insert into staff_account (email, name, role, password_hash, active, created_at, updated_at)"
                + " values ('owner@hotel.example', 'Olga', 'owner', 'x', true, now(), now())");

        try (Database database = Database.open(dataDir, null, null, null, "9.9.9")) {
            assertEquals(
                    "Olga",
                    database.dsl().fetchValue("select name from staff_account where email = 'owner@hotel.example'"));
            try (Connection connection = database.dataSource().getConnection()) {
                assertEquals(newest, BackupArchive.schemaVersion(connection));
            }
        }
        List<Path> backups = backups();
        assertEquals(1, backups.size(), backups.toString());
        assertTrue(backups.get(0).getFileName().toString().startsWith("pre-upgrade-from-V" + previous + "-"));
        BackupArchive.Manifest manifest = BackupArchive.read(backups.get(0));
        assertEquals(previous, manifest.schemaVersion());
        assertEquals("pre-upgrade", manifest.kind());
        assertEquals("9.9.9", manifest.version());

        try (Database reopened = Database.open(dataDir, null, null, null, "9.9.9")) {
            assertEquals(1, backups().size(), "an up-to-date database is not backed up at every start");
        }
    }

    @Test
    void aFailedMigrationPutsTheOldDatabaseBackAndSaysSo() throws Exception {
        try (Database database = Database.open(dataDir, null, null, null)) {
            database.dsl()
                    .execute("insert into staff_account (email, name, role, password_hash, active, created_at,"
                            + " updated_at) values ('owner@hotel.example', 'Olga', 'owner', 'x', true, now(), now())");
        }

        IllegalStateException failed = assertThrows(
                IllegalStateException.class,
                () -> Database.open(
                        dataDir,
                        null,
                        null,
                        null,
                        "9.9.9",
                        List.of(Database.MIGRATIONS, "classpath:db/failing-migration")));

        assertTrue(failed.getMessage().contains("Nothing was changed"), failed.getMessage());
        assertTrue(failed.getMessage().contains("pre-upgrade-from-V"), failed.getMessage());
        try (Connection connection = h2().getConnection();
                Statement statement = connection.createStatement()) {
            assertFalse(
                    exists(statement, "select 1 from information_schema.tables where table_name = 'UPGRADE_PROBE'"),
                    "the half-made migration is gone");
            assertFalse(exists(statement, "select 1 from \"flyway_schema_history\" where \"version\" = '9999'"));
            assertTrue(exists(statement, "select 1 from staff_account where name = 'Olga'"));
        }
        try (Database again = Database.open(dataDir, null, null, null)) {
            assertTrue(again.isHealthy(), "the same build still opens it");
        }
    }

    private List<Path> backups() throws IOException {
        try (Stream<Path> files = Files.list(dataDir.resolve("backups"))) {
            return files.toList();
        }
    }

    private JdbcDataSource h2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("concierge"));
        h2.setUser("sa");
        h2.setPassword("");
        return h2;
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = h2().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static boolean exists(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            return rows.next();
        }
    }
}
