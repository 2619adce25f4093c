package dev.concierge.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * A backup file of the appliance: one zip with a manifest, the embedded database as H2's own online {@code BACKUP}
 * wrote it (transactionally consistent while the server runs, unlike a copy of the live file), and the data
 * directory's secret key, without which the integration keys stored in the database could not be read again.
 * A backup therefore holds secrets: it is written readable by its owner only.
 */
public final class BackupArchive {
    static final String MANIFEST = "manifest.properties";
    /** The embedded database's file in a data directory, and its name in a backup. */
    public static final String DATABASE_FILE = "concierge.mv.db";

    static final String SECRET_KEY = "secret.key";
    private static final String FORMAT = "1";
    /** What a restore may find in a data directory and still call it empty (an editor's or a file manager's litter). */
    private static final Set<String> IGNORABLE = Set.of("lost+found");

    private BackupArchive() {}

    /** What a backup says about itself. */
    public record Manifest(String version, @Nullable String schemaVersion, Instant createdAt, String kind) {}

    /**
     * Writes a consistent snapshot of the embedded database open on {@code h2} to {@code target}, with the key of
     * {@code dataDir}. The file appears whole or not at all (written aside, then moved into place).
     */
    public static Manifest write(Connection h2, Path dataDir, Path target, String version, Instant now, String kind) {
        Path directory = target.toAbsolutePath().getParent();
        if (directory == null) {
            throw new IllegalArgumentException(target + " names no file");
        }
        Path snapshot = directory.resolve("." + target.getFileName() + ".h2.zip");
        Path partial = directory.resolve("." + target.getFileName() + ".partial");
        try {
            Files.createDirectories(directory);
            Files.deleteIfExists(snapshot);
            try (Statement statement = h2.createStatement()) {
                // H2's BACKUP takes no bind value; the path is ours, its quotes doubled
                statement.execute("BACKUP TO '" + snapshot.toString().replace("'", "''") + "'");
            }
            Manifest manifest = new Manifest(version, schemaVersion(h2), now, kind);
            Files.deleteIfExists(partial);
            restrictToOwner(Files.createFile(partial));
            try (OutputStream out = Files.newOutputStream(partial);
                    ZipOutputStream zip = new ZipOutputStream(out);
                    ZipFile database = new ZipFile(snapshot.toFile())) {
                zip.putNextEntry(new ZipEntry(MANIFEST));
                properties(manifest).store(zip, "Concierge backup");
                zip.closeEntry();
                ZipEntry file = database.getEntry(DATABASE_FILE);
                if (file == null) {
                    throw new IOException("H2's backup holds no " + DATABASE_FILE);
                }
                zip.putNextEntry(new ZipEntry(DATABASE_FILE));
                try (InputStream in = database.getInputStream(file)) {
                    in.transferTo(zip);
                }
                zip.closeEntry();
                Path key = dataDir.resolve(SECRET_KEY);
                if (Files.exists(key)) {
                    zip.putNextEntry(new ZipEntry(SECRET_KEY));
                    Files.copy(key, zip);
                    zip.closeEntry();
                }
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return manifest;
        } catch (IOException e) {
            throw new UncheckedIOException("the backup " + target + " could not be written: " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new IllegalStateException("the database could not be backed up: " + e.getMessage(), e);
        } finally {
            deleteQuietly(snapshot);
            deleteQuietly(partial);
        }
    }

    /** The manifest of a backup file; an error that says so when the file is not a Concierge backup. */
    public static Manifest read(Path archive) {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            ZipEntry entry = zip.getEntry(MANIFEST);
            if (entry == null || zip.getEntry(DATABASE_FILE) == null) {
                throw new IllegalArgumentException(archive + " is not a Concierge backup (no manifest or database)");
            }
            Properties properties = new Properties();
            try (InputStream in = zip.getInputStream(entry)) {
                properties.load(in);
            }
            if (!FORMAT.equals(properties.getProperty("format"))) {
                throw new IllegalArgumentException(
                        archive + " is a backup of format " + properties.getProperty("format")
                                + ", which this version cannot read (it reads format " + FORMAT + ")");
            }
            return new Manifest(
                    properties.getProperty("version", "unknown"),
                    properties.getProperty("schemaVersion"),
                    Instant.parse(properties.getProperty("createdAt")),
                    properties.getProperty("kind", "unknown"));
        } catch (IOException e) {
            throw new IllegalArgumentException(archive + " cannot be read as a backup: " + e.getMessage(), e);
        }
    }

    /**
     * Restores {@code archive} into {@code dataDir}, which must not exist or be empty: a restore never mixes two
     * appliances' files. On any failure the directory is left as empty as it was found.
     */
    public static Manifest restore(Path archive, Path dataDir) {
        Manifest manifest = read(archive);
        refuseNonEmpty(dataDir);
        try {
            Files.createDirectories(dataDir);
            extract(archive, dataDir, Set.of(DATABASE_FILE, SECRET_KEY));
            return manifest;
        } catch (IOException | RuntimeException e) {
            deleteQuietly(dataDir.resolve(DATABASE_FILE));
            deleteQuietly(dataDir.resolve(SECRET_KEY));
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new UncheckedIOException("the backup could not be restored: " + e.getMessage(), (IOException) e);
        }
    }

    /** Puts the database of {@code archive} back in place of the one in {@code dataDir} (an upgrade gone wrong). */
    static void putBackDatabase(Path archive, Path dataDir) throws IOException {
        Path target = dataDir.resolve(DATABASE_FILE);
        Path partial = dataDir.resolve("." + DATABASE_FILE + ".restoring");
        try (ZipFile zip = new ZipFile(archive.toFile());
                InputStream in = zip.getInputStream(zip.getEntry(DATABASE_FILE))) {
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void extract(Path archive, Path dataDir, Set<String> wanted) throws IOException {
        try (InputStream in = Files.newInputStream(archive);
                ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                // only the names this format writes: never a path a crafted archive would put elsewhere
                if (!wanted.contains(entry.getName())) {
                    continue;
                }
                Path target = dataDir.resolve(entry.getName());
                try {
                    restrictToOwner(Files.createFile(target));
                } catch (FileAlreadyExistsException duplicateEntry) {
                    throw new IllegalArgumentException(
                            archive + " holds " + entry.getName() + " twice", duplicateEntry);
                }
                try (OutputStream out = Files.newOutputStream(target)) {
                    zip.transferTo(out); // up to the end of this entry
                }
            }
        }
    }

    private static void refuseNonEmpty(Path dataDir) {
        if (!Files.exists(dataDir)) {
            return;
        }
        if (!Files.isDirectory(dataDir)) {
            throw new IllegalArgumentException(dataDir + " is a file, not a data directory");
        }
        try (Stream<Path> entries = Files.list(dataDir)) {
            if (entries.anyMatch(
                    entry -> !IGNORABLE.contains(entry.getFileName().toString()))) {
                throw new IllegalArgumentException(
                        dataDir + " is not empty: restore into a new or empty directory (nothing was changed)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dataDir + ": " + e.getMessage(), e);
        }
    }

    /** The newest migration the database has applied, as Flyway names it. */
    static @Nullable String schemaVersion(Connection connection) {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select \"version\" from \"flyway_schema_history\""
                        + " where \"success\" and \"version\" is not null order by \"installed_rank\" desc limit 1")) {
            return rows.next() ? rows.getString(1) : null;
        } catch (SQLException e) {
            return null;
        }
    }

    private static Properties properties(Manifest manifest) {
        Properties properties = new Properties();
        properties.setProperty("format", FORMAT);
        properties.setProperty("version", manifest.version());
        if (manifest.schemaVersion() != null) {
            properties.setProperty("schemaVersion", manifest.schemaVersion());
        }
        properties.setProperty("createdAt", manifest.createdAt().toString());
        properties.setProperty("kind", manifest.kind());
        return properties;
    }

    /** Makes {@code file} readable by its owner only (a backup holds the appliance's secrets), and answers it. */
    public static Path restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // a file system without POSIX permissions: the directory's own protection applies
        }
        return file;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover temporary file is harmless; the next backup replaces it
        }
    }
}
