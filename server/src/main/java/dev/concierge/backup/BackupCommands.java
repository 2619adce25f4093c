package dev.concierge.backup;

import dev.concierge.storage.BackupArchive;
import dev.concierge.storage.Database;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The {@code backup} and {@code restore} commands of the server jar. A backup of a data directory a server runs on
 * is made by that server (H2 keeps its file to one process) and fetched over the loopback; with no server running
 * the command opens the database itself.
 */
public final class BackupCommands {
    private static final Duration SNAPSHOT_TIMEOUT = Duration.ofMinutes(30);

    private BackupCommands() {}

    /** {@code backup --data DIR --to FILE}; a refusal says why in an {@link IllegalArgumentException}. */
    public static void backUp(Path dataDir, Path target, String version, Clock clock, PrintWriter out) {
        if (!Files.exists(dataDir.resolve(BackupArchive.DATABASE_FILE))) {
            throw new IllegalArgumentException("there is no Concierge database in " + dataDir);
        }
        if (Files.exists(target)) {
            throw new IllegalArgumentException(target + " already exists: choose a new file (nothing was written)");
        }
        Optional<LocalControl.Endpoint> running = LocalControl.read(dataDir);
        boolean fetched = running.isPresent() && fetchFromServer(running.get(), target);
        if (!fetched) {
            backUpDirectly(dataDir, target, version, clock);
        }
        BackupArchive.Manifest manifest = BackupArchive.read(target);
        out.println("Backed up " + dataDir + " (Concierge " + manifest.version() + ", schema V"
                + manifest.schemaVersion() + ", " + (fetched ? "from the running server" : "no server running")
                + ") to " + target + " (" + size(target) + " bytes).");
    }

    /** {@code restore --data DIR --from FILE}: into a new or empty directory only. */
    public static void restore(Path archive, Path dataDir, PrintWriter out) {
        if (!Files.isRegularFile(archive)) {
            throw new IllegalArgumentException(archive + " is not a file");
        }
        BackupArchive.Manifest manifest = BackupArchive.restore(archive, dataDir);
        out.println("Restored the backup of " + manifest.createdAt() + " (Concierge " + manifest.version()
                + ", schema V" + manifest.schemaVersion() + ") into " + dataDir
                + ". Start the server with --data " + dataDir + " (a newer version migrates it after a backup).");
    }

    /** True when the running server sent its snapshot; false when nothing listens there any more (a stale file). */
    private static boolean fetchFromServer(LocalControl.Endpoint server, Path target) {
        Path partial = target.toAbsolutePath().resolveSibling("." + target.getFileName() + ".partial");
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + BackupController.LOCAL_BACKUP_ROUTE))
                .timeout(SNAPSHOT_TIMEOUT)
                .header(BackupController.TOKEN_HEADER, server.token())
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        try {
            Files.createDirectories(partial.getParent());
            Files.deleteIfExists(partial);
            Files.createFile(partial);
            BackupArchive.restrictToOwner(partial); // before a byte of the secrets is in it
            HttpResponse<Path> response = http.send(
                    request,
                    HttpResponse.BodyHandlers.ofFile(
                            partial, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING));
            if (response.statusCode() != 200) {
                String answer = Files.readString(partial, StandardCharsets.UTF_8);
                throw new IllegalStateException(
                        "the running server refused the backup (HTTP " + response.statusCode() + "): " + answer);
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (ConnectException nobodyListens) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("the backup could not be fetched from the running server: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the backup was interrupted", e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException e) {
                // a leftover hidden file; the next backup replaces it
            }
        }
    }

    private static void backUpDirectly(Path dataDir, Path target, String version, Clock clock) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(Database.embeddedUrl(dataDir) + ";IFEXISTS=TRUE");
        h2.setUser("sa");
        h2.setPassword("");
        try (Connection connection = h2.getConnection()) {
            BackupArchive.write(
                    connection, dataDir, target, version, clock.instant().truncatedTo(ChronoUnit.SECONDS), "command");
        } catch (SQLException e) {
            if (e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
                throw new IllegalArgumentException(
                        "the database in " + dataDir
                                + " is open in a server that did not answer; back it up while it answers, or stop it first",
                        e);
            }
            throw new IllegalStateException(
                    "the database in " + dataDir + " could not be opened: " + e.getMessage(), e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
