package dev.concierge.console.files;

import dev.concierge.console.ServerCalls;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.jspecify.annotations.Nullable;

/**
 * One export at a time from the server into a file, off the FX thread: while it runs, {@link #progressProperty} says
 * how much has come ("2.4 MB received…"; the server streams large exports, so their size is not known before the
 * end); then {@link #savedProperty} names the file, or {@link #problemProperty} says what went wrong and no file is
 * left. Bind a screen's export button's disabled state to {@link #runningProperty}.
 */
public final class FileExport {
    /** The server call: {@code ApiClient::download}. */
    @FunctionalInterface
    public interface Download {
        long save(String serverPath, Path target, java.util.function.LongConsumer bytesReceived);
    }

    private final Download download;
    private final ServerCalls calls;
    private final dev.concierge.console.Texts texts;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper(this, "progress", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyObjectWrapper<@Nullable Path> saved = new ReadOnlyObjectWrapper<>(this, "saved");

    public FileExport(Download download, ServerCalls calls) {
        this(download, calls, dev.concierge.console.Texts.english());
    }

    /** @param texts the language of its progress and problems */
    public FileExport(Download download, ServerCalls calls, dev.concierge.console.Texts texts) {
        this.download = download;
        this.calls = calls;
        this.texts = texts;
    }

    /** On the FX thread: saves {@code GET serverPath} into {@code target}; ignored while another export runs. */
    public void start(String serverPath, Path target) {
        if (running.get()) {
            return;
        }
        running.set(true);
        problem.set("");
        saved.set(null);
        progress.set(texts.get("export.exporting"));
        AtomicLong shown = new AtomicLong(-1);
        calls.call(
                () -> download.save(serverPath, target, bytes -> {
                    // a screenful of updates is plenty: one per 256 KiB
                    long step = bytes / (256 * 1024);
                    if (shown.getAndSet(step) != step) {
                        calls.onFx(() -> {
                            if (running.get()) {
                                progress.set(texts.get("export.received", size(bytes)));
                            }
                        });
                    }
                }),
                bytes -> {
                    running.set(false);
                    progress.set(texts.get("export.saved", size(bytes), target.toString()));
                    saved.set(target);
                },
                failure -> {
                    running.set(false);
                    progress.set("");
                    problem.set(texts.get("export.notSaved", failure));
                });
    }

    private String size(long bytes) {
        if (bytes < 1024) {
            return texts.get("export.bytes", bytes);
        }
        if (bytes < 1024 * 1024) {
            return String.format(texts.locale(), "%.0f KB", bytes / 1024.0);
        }
        return String.format(texts.locale(), "%.1f MB", bytes / (1024.0 * 1024));
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<@Nullable Path> savedProperty() {
        return saved.getReadOnlyProperty();
    }
}
