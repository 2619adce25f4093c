package dev.concierge.console.sync;

import dev.concierge.console.files.FileExport;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.function.Function;

/**
 * The owner's "Download a support bundle…": {@code GET /api/staff/support-bundle} (logs, versions, settings by name,
 * health, backups; no guest data nor secret) into a file they choose, streamed as the exports are.
 */
public final class SupportBundle {
    static final String PATH = "/api/staff/support-bundle";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm");

    private final FileExport export;
    private final Function<String, Optional<Path>> saveTo;
    private final Clock clock;
    private final ZoneId zone;

    /** @param saveTo asks where the file goes (a suggested name in, empty when cancelled); on the FX thread */
    public SupportBundle(FileExport export, Function<String, Optional<Path>> saveTo, Clock clock, ZoneId zone) {
        this.export = export;
        this.saveTo = saveTo;
        this.clock = clock;
        this.zone = zone;
    }

    /** On the FX thread: asks where, then downloads there (nothing while one is under way). */
    public void download() {
        if (export.runningProperty().get()) {
            return;
        }
        saveTo.apply(suggestedName()).ifPresent(target -> export.start(PATH, target));
    }

    /** {@code concierge-support-2026-03-10-0900.zip}, by the venue's time, as the server names its own. */
    String suggestedName() {
        return "concierge-support-" + LocalDateTime.now(clock.withZone(zone)).format(STAMP) + ".zip";
    }

    public FileExport export() {
        return export;
    }
}
