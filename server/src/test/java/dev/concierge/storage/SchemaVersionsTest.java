package dev.concierge.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaVersionsTest {
    @TempDir
    Path dataDir;

    @Test
    void theBuildCarriesEveryMigrationInTheSourceTree() throws Exception {
        Set<String> inSources = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            files.map(f -> f.getFileName().toString())
                    .filter(name -> name.matches("V[0-9_.]+__.+\\.sql"))
                    .forEach(name ->
                            inSources.add(name.substring(1, name.indexOf("__")).replace('_', '.')));
        }

        assertFalse(inSources.isEmpty());
        assertEquals(inSources, SchemaVersions.bundled());
    }

    @Test
    void aNewDatabaseIsMigratedAndThenKnownToBeUpToDate() {
        assertTrue(Database.isNew(dataDir));
        try (Database database = Database.open(dataDir, null, null, null)) {
            assertEquals(SchemaVersions.bundled(), SchemaVersions.applied(database.dataSource()));
            assertTrue(SchemaVersions.upToDate(database.dataSource()));
        }
        assertFalse(Database.isNew(dataDir));
    }

    @Test
    void aDatabaseMissingAMigrationIsNotUpToDate() {
        try (Database database = Database.open(dataDir, null, null, null)) {
            database.dsl().execute("delete from \"flyway_schema_history\" where \"version\" = '1'");

            assertFalse(SchemaVersions.upToDate(database.dataSource()));
        }
    }

    @Test
    void aFailedMigrationIsNeverUpToDate() {
        try (Database database = Database.open(dataDir, null, null, null)) {
            database.dsl().execute("update \"flyway_schema_history\" set \"success\" = false");

            assertEquals(Set.of(), SchemaVersions.applied(database.dataSource()));
        }
    }
}
