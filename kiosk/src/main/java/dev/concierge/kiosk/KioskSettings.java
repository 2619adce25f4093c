package dev.concierge.kiosk;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * The kiosk's own settings: {@code kiosk.properties} in its settings directory (system property
 * {@code concierge.kiosk.settings}, else {@code ~/.config/concierge-kiosk}). It holds the device token the pairing
 * gave, readable by the kiosk's user only; the token is never logged.
 */
final class KioskSettings {
    static final String DIRECTORY_PROPERTY = "concierge.kiosk.settings";
    private static final String FILE = "kiosk.properties";
    private static final String TOKEN = "deviceToken";
    private static final String KIOSK_ID = "kioskId";
    private static final String NAME = "kioskName";

    private final Path directory;
    private final Path file;

    KioskSettings(Path directory) {
        this.directory = directory.toAbsolutePath();
        this.file = this.directory.resolve(FILE);
    }

    /** The settings where this machine keeps them. */
    static KioskSettings standard() {
        @Nullable String configured = System.getProperty(DIRECTORY_PROPERTY);
        Path directory = configured != null && !configured.isBlank()
                ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".config", "concierge-kiosk");
        return new KioskSettings(directory);
    }

    Path file() {
        return file;
    }

    /** The device this kiosk was paired as, if it was. */
    Optional<Pairing> pairing() {
        Properties properties = read();
        @Nullable String token = properties.getProperty(TOKEN);
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new Pairing(token, properties.getProperty(KIOSK_ID, ""), properties.getProperty(NAME, "")));
    }

    void savePairing(Pairing pairing) {
        Properties properties = read();
        properties.setProperty(TOKEN, pairing.token());
        properties.setProperty(KIOSK_ID, pairing.kioskId());
        properties.setProperty(NAME, pairing.name());
        write(properties);
    }

    /** Forgets the token (the server no longer knows it). */
    void forgetPairing() {
        Properties properties = read();
        properties.remove(TOKEN);
        properties.remove(KIOSK_ID);
        properties.remove(NAME);
        write(properties);
    }

    private Properties read() {
        Properties properties = new Properties();
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the kiosk's settings " + file, e);
            }
        }
        return properties;
    }

    private void write(Properties properties) {
        try {
            Files.createDirectories(directory);
            Path partial = directory.resolve(FILE + ".part");
            Files.deleteIfExists(partial);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                // created unreadable to others before the token is written into it
                Files.createFile(
                        partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            try (OutputStream out = Files.newOutputStream(partial)) {
                properties.store(out, "Concierge kiosk");
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the kiosk's settings " + file, e);
        }
    }

    /** A paired kiosk: its device token, and its id and name at the server. */
    record Pairing(String token, String kioskId, String name) {
        @Override
        public String toString() {
            return "Pairing[kioskId=" + kioskId + ", name=" + name + "]"; // never the token
        }
    }
}
