package dev.concierge.backup;

import dev.concierge.common.DomainException;
import dev.concierge.staff.Access;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET/POST /api/staff/backups} (managers see and start backups) and {@code POST /api/local/backup}, through
 * which the {@code backup} command on this machine takes its snapshot of the running server.
 */
public final class BackupController {
    public static final String LOCAL_BACKUP_ROUTE = "/api/local/backup";
    static final String TOKEN_HEADER = "X-Concierge-Control";

    private final @Nullable BackupService backups;
    private final LocalControl control;
    private final Path scratch;

    /**
     * @param backups absent on PostgreSQL, which is backed up with its own tools
     * @param control the token the backup command must bring
     * @param scratch where a snapshot for the backup command is written before it is sent
     */
    public BackupController(@Nullable BackupService backups, LocalControl control, Path scratch) {
        this.backups = backups;
        this.control = control;
        this.scratch = scratch;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/staff/backups", ctx -> ctx.json(backups().list()), Access.MANAGER);
        routes.post("/api/staff/backups", ctx -> ctx.status(201).json(backups().backUpNow()), Access.MANAGER);
        routes.post(LOCAL_BACKUP_ROUTE, this::localBackup);
    }

    private void localBackup(Context ctx) throws IOException {
        if (!control.accepts(ctx.header(TOKEN_HEADER), ctx.req().getRemoteAddr())) {
            throw DomainException.forbidden(
                    "forbidden", "Only the backup command on this machine may take a snapshot here.");
        }
        BackupService service = backups();
        Files.createDirectories(scratch);
        Path snapshot = scratch.resolve(".command-" + UUID.randomUUID() + ".zip");
        try {
            service.writeTo(snapshot);
            ctx.contentType("application/zip");
            // the snapshot is deleted when the answer has been sent (or the client went away)
            ctx.result(Files.newInputStream(snapshot, StandardOpenOption.DELETE_ON_CLOSE));
        } catch (RuntimeException | IOException e) {
            Files.deleteIfExists(snapshot);
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    private BackupService backups() {
        if (backups == null) {
            throw DomainException.unavailable(
                    "backup_unavailable",
                    "This server runs on PostgreSQL: back it up with pg_dump (see the deployment guide).");
        }
        return backups;
    }
}
