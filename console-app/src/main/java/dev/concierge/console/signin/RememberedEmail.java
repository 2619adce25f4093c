package dev.concierge.console.signin;

import dev.concierge.console.ConsoleSettings;
import java.nio.file.Path;
import java.util.Optional;

/** The last signed-in e-mail, kept in the console's settings so the next sign-in only asks for the password. */
public final class RememberedEmail {
    static final String FILE = ConsoleSettings.FILE;
    private static final String KEY = "lastEmail";

    private final ConsoleSettings settings;

    public RememberedEmail(ConsoleSettings settings) {
        this.settings = settings;
    }

    public RememberedEmail(Path settingsDir) {
        this(new ConsoleSettings(settingsDir));
    }

    /** The e-mail remembered; empty when none is, or the file cannot be read (then the person types it). */
    public Optional<String> load() {
        return settings.get(KEY);
    }

    public void save(String email) {
        settings.put(KEY, email);
    }

    Path file() {
        return settings.file();
    }
}
