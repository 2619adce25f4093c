package dev.concierge.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * Compares the migrations this build carries with those the database has applied. When they are the same the
 * server skips Flyway at start-up: loading it costs more than half a second on the appliance, and it would only
 * find nothing to do. Any difference (a new migration, a failed one, a fresh database) runs Flyway as usual.
 */
final class SchemaVersions {
    private static final String LOCATION = "db/migration";
    private static final Pattern MIGRATION = Pattern.compile("(?:.*/)?V([0-9_.]+)__[^/]+\\.sql");

    private SchemaVersions() {}

    static boolean upToDate(DataSource dataSource) {
        Set<String> bundled = bundled();
        return !bundled.isEmpty() && bundled.equals(applied(dataSource));
    }

    /** The versions of the migrations on the class path, from the jar or from a classes directory. */
    static Set<String> bundled() {
        URL location = SchemaVersions.class.getResource("/" + LOCATION);
        if (location == null) {
            return Set.of();
        }
        Set<String> versions = new TreeSet<>();
        try {
            if ("jar".equals(location.getProtocol())) {
                String jarPath = location.getPath()
                        .substring("file:".length(), location.getPath().indexOf('!'));
                try (JarFile jar =
                        new JarFile(Path.of(new java.net.URI("file:" + jarPath)).toFile())) {
                    jar.stream().forEach(entry -> addVersion(entry.getName(), versions));
                }
            } else {
                try (Stream<Path> files = Files.list(Path.of(location.toURI()))) {
                    files.forEach(file -> addVersion(file.getFileName().toString(), versions));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            return Set.of(); // an unusual class path: let Flyway decide
        }
        return versions;
    }

    private static void addVersion(String name, Set<String> versions) {
        Matcher matcher = MIGRATION.matcher(name);
        if (matcher.matches() && (name.startsWith(LOCATION) || !name.contains("/"))) {
            versions.add(matcher.group(1).replace('_', '.'));
        }
    }

    /** The versions Flyway applied successfully; empty when it never ran here, or when any migration failed. */
    static Set<String> applied(DataSource dataSource) {
        Set<String> versions = new TreeSet<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "select \"version\", \"success\" from \"flyway_schema_history\" where \"version\" is not null")) {
            while (rows.next()) {
                if (!rows.getBoolean(2)) {
                    return Set.of();
                }
                versions.add(rows.getString(1));
            }
        } catch (SQLException e) {
            return Set.of(); // no history table yet: a new database
        }
        return versions;
    }
}
