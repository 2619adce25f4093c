package dev.concierge.console.signin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * The last signed-in e-mail, kept in {@code console.properties} in the console's settings directory so the next
 * sign-in only asks for the password. Nothing else is written there: never a password, never a token.
 */
public final class RememberedEmail {
    static final String FILE = "console.properties";
    private static final String KEY = "lastEmail";

    private final Path file;

    public RememberedEmail(Path settingsDir) {
        this.file = settingsDir.resolve(FILE);
    }

    /** The console's settings directory: {@code concierge.console.settings} if set, else ~/.config/concierge-console. */
    public static Path settingsDir(@org.jspecify.annotations.Nullable String property, String userHome) {
        return property != null && !property.isBlank()
                ? Path.of(property)
                : Path.of(userHome, ".config", "concierge-console");
    }

    /** The e-mail remembered; empty when none is, or the file cannot be read (then the person types it). */
    public Optional<String> load() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException | IllegalArgumentException unreadable) {
            return Optional.empty();
        }
        return Optional.ofNullable(properties.getProperty(KEY)).filter(email -> !email.isBlank());
    }

    public void save(String email) {
        Properties properties = new Properties();
        properties.setProperty(KEY, email);
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                properties.store(out, "Concierge console: the last e-mail signed in (no password is ever kept)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    Path file() {
        return file;
    }
}
