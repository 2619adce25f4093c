package dev.concierge.console.files;

import dev.concierge.console.ConsoleSettings;
import dev.concierge.console.Texts;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.jspecify.annotations.Nullable;

/**
 * Where an export is saved. Staff pick the place in a save dialog that opens where the last one was saved; a PC set
 * up with a fixed export folder ({@code exportFolder} in {@code console.properties}, as a browser's downloads folder)
 * saves there at once under a name not yet taken, e.g. {@code contacts (2).xlsx}.
 */
public final class SaveLocation {
    public static final String EXPORT_FOLDER = "exportFolder";
    static final String LAST_FOLDER = "lastExportFolder";

    private final ConsoleSettings settings;
    private final Texts texts;

    public SaveLocation(ConsoleSettings settings) {
        this(settings, Texts.english());
    }

    /** @param texts the language of the dialog's file types ("XLSX file") */
    public SaveLocation(ConsoleSettings settings, Texts texts) {
        this.settings = settings;
        this.texts = texts;
    }

    /** On the FX thread: the file to write, or empty when staff cancel the dialog. */
    public Optional<Path> choose(@Nullable Window owner, String title, String suggestedName) {
        Optional<Path> fixed = settings.get(EXPORT_FOLDER).map(Path::of);
        if (fixed.isPresent()) {
            return Optional.of(free(fixed.get(), suggestedName));
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(suggestedName);
        settings.get(LAST_FOLDER).map(File::new).filter(File::isDirectory).ifPresent(chooser::setInitialDirectory);
        String extension = extension(suggestedName);
        if (!extension.isEmpty()) {
            chooser.getExtensionFilters()
                    .add(new FileChooser.ExtensionFilter(
                            texts.get("export.fileType", extension.toUpperCase(Locale.ROOT)), "*." + extension));
        }
        File picked = chooser.showSaveDialog(owner);
        if (picked == null) {
            return Optional.empty();
        }
        Path file = picked.toPath();
        if (!extension.isEmpty() && !file.getFileName().toString().contains(".")) {
            file = file.resolveSibling(file.getFileName() + "." + extension);
        }
        if (file.getParent() != null) {
            try {
                settings.put(LAST_FOLDER, file.getParent().toString());
            } catch (ConsoleSettings.NotWritten notWritten) {
                // the export still goes where staff chose; the next dialog just opens at the usual place
            }
        }
        return Optional.of(file);
    }

    /** {@code name} in {@code folder}, or the first of "name (2).ext", "name (3).ext", … not there yet. */
    static Path free(Path folder, String name) {
        Path candidate = folder.resolve(name);
        String extension = extension(name);
        String stem = extension.isEmpty() ? name : name.substring(0, name.length() - extension.length() - 1);
        for (int n = 2; Files.exists(candidate); n++) {
            candidate = folder.resolve(stem + " (" + n + ")" + (extension.isEmpty() ? "" : "." + extension));
        }
        return candidate;
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot + 1);
    }
}
