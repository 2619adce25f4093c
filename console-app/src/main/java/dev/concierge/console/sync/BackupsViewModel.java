package dev.concierge.console.sync;

import dev.concierge.api.Backups;
import dev.concierge.console.Formats;
import dev.concierge.console.ServerCalls;
import dev.concierge.console.Texts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.jspecify.annotations.Nullable;

/**
 * The Sync screen's line about backups: when the last one was made (and a warning when that was too long ago, so a
 * stopped nightly backup is noticed), and for managers how many are kept and a "Back up now".
 */
public final class BackupsViewModel {
    /** Nightly backups run after 03:00: a day and a half without one means they have stopped. */
    static final Duration TOO_OLD = Duration.ofHours(36);

    private final Texts texts;
    private final BackupsApi api;
    private final ZoneId zone;
    private final Clock clock;
    private final boolean manager;
    private final ServerCalls calls;
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper(this, "stale");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");

    /** @param manager whether the signed-in person may see the list and start a backup (managers and the owner) */
    public BackupsViewModel(Texts texts, BackupsApi api, ZoneId zone, Clock clock, boolean manager, ServerCalls calls) {
        this.texts = texts;
        this.api = api;
        this.zone = zone;
        this.clock = clock;
        this.manager = manager;
        this.calls = calls;
    }

    public void refresh() {
        if (manager) {
            calls.call(api::list, this::show, why -> problem.set(texts.get("backups.notLoaded", why)));
        } else {
            calls.call(
                    api::lastBackupAt,
                    last -> show(last, null, 0),
                    why -> problem.set(texts.get("backups.notLoaded", why)));
        }
    }

    /** A backup now; its name in the notice, then the line again. */
    public void backUpNow() {
        if (!manager || busy.get()) {
            return;
        }
        busy.set(true);
        notice.set(texts.get("backups.running"));
        problem.set("");
        calls.call(
                api::backUpNow,
                made -> {
                    busy.set(false);
                    notice.set(texts.get("backups.made", made.name()));
                    refresh();
                },
                why -> {
                    busy.set(false);
                    notice.set("");
                    problem.set(texts.get("backups.notMade", why));
                });
    }

    private void show(Backups backups) {
        Backups.Backup newest =
                backups.backups().isEmpty() ? null : backups.backups().get(0);
        show(
                Optional.ofNullable(backups.lastBackupAt()),
                newest,
                backups.backups().size());
    }

    private void show(Optional<Instant> last, Backups.@Nullable Backup newest, int kept) {
        problem.set("");
        if (last.isEmpty()) {
            summary.set(texts.get("backups.none"));
            stale.set(true);
            return;
        }
        String when = Formats.dayAndTime(last.get(), zone, texts.locale());
        String line = newest == null
                ? texts.get("backups.last", when)
                : texts.get("backups.lastOfKind", when, texts.word("backups.kind", newest.kind()));
        if (kept > 0) {
            line += " · " + texts.get("backups.kept", kept);
        }
        boolean old = Duration.between(last.get(), clock.instant()).compareTo(TOO_OLD) > 0;
        summary.set(old ? line + " — " + texts.get("backups.old") : line);
        stale.set(old);
    }

    public Texts texts() {
        return texts;
    }

    public boolean mayBackUp() {
        return manager;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** True when there is no backup or the last is older than {@link #TOO_OLD}: shown as a warning. */
    public ReadOnlyBooleanProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
