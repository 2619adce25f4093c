package dev.concierge.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * The console's own small settings on this PC, in {@code console.properties} in its settings directory: the last
 * e-mail signed in, where exports go. Never a password, never a token. Each change is written at once, keeping the
 * other keys; a file that cannot be read counts as empty (the console then asks again).
 */
public final class ConsoleSettings {
    public static final String FILE = "console.properties";

    private final Path file;

    public ConsoleSettings(Path settingsDir) {
        this.file = settingsDir.resolve(FILE);
    }

    /** The console's settings directory: {@code concierge.console.settings} if set, else ~/.config/concierge-console. */
    public static Path settingsDir(@org.jspecify.annotations.Nullable String property, String userHome) {
        return property != null && !property.isBlank()
                ? Path.of(property)
                : Path.of(userHome, ".config", "concierge-console");
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(load().getProperty(key)).filter(value -> !value.isBlank());
    }

    public synchronized void put(String key, String value) {
        Properties properties = load();
        properties.setProperty(key, value);
        try {
            Files.createDirectories(file.getParent());
            Path written = file.resolveSibling(FILE + ".new");
            try (OutputStream out = Files.newOutputStream(written)) {
                properties.store(out, "Concierge console on this PC (no password or token is ever kept here)");
            }
            // moved into place whole: a crash while writing leaves the old settings, not half of them
            Files.move(written, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new NotWritten(file, e);
        }
    }

    private synchronized Properties load() {
        Properties properties = new Properties();
        if (!Files.isRegularFile(file)) {
            return properties;
        }
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException | IllegalArgumentException unreadable) {
            return new Properties();
        }
        return properties;
    }

    public Path file() {
        return file;
    }

    /**
     * The settings file could not be written (a full disk, a read-only home); {@link ServerCalls#plainWords} says so in
     * the console's language.
     */
    public static final class NotWritten extends UncheckedIOException {
        private static final long serialVersionUID = 1L;

        private final transient Path file;

        NotWritten(Path file, IOException cause) {
            super("Cannot write " + file, cause);
            this.file = file;
        }

        public Path file() {
            return file;
        }
    }
}
