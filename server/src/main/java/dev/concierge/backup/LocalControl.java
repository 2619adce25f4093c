package dev.concierge.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * How the {@code backup} command reaches the server running on the same data directory: the server writes its
 * port and a fresh random token into {@code DATA/control.properties} (readable by its owner only), and answers the
 * local backup route only from this machine and with that token. The file goes when the server stops.
 */
public final class LocalControl implements AutoCloseable {
    static final String FILE = "control.properties";

    private final Path file;
    private final String token;

    private LocalControl(Path file, String token) {
        this.file = file;
        this.token = token;
    }

    /** What a client reads from the file: where the server listens and the token it wants. */
    record Endpoint(int port, String token) {}

    /** A new token for the server about to run on {@code dataDir}; nothing is written until {@link #publish}. */
    public static LocalControl create(Path dataDir) {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return new LocalControl(
                dataDir.resolve(FILE), Base64.getUrlEncoder().withoutPadding().encodeToString(random));
    }

    /** Writes the server's {@code port} and the token, once the server listens. */
    public void publish(int port) {
        Path partial = file.resolveSibling("." + FILE + ".partial");
        Properties properties = new Properties();
        properties.setProperty("port", Integer.toString(port));
        properties.setProperty("token", token);
        try {
            Files.deleteIfExists(partial);
            Files.createFile(partial);
            try {
                Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // the data directory's own protection applies
            }
            try (OutputStream out = Files.newOutputStream(partial)) {
                properties.store(out, "The running Concierge server, for its backup command. Do not share.");
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The endpoint of a server running on {@code dataDir}, when its file is there (it may be stale). */
    static Optional<Endpoint> read(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
            return Optional.of(new Endpoint(
                    Integer.parseInt(properties.getProperty("port", "")), properties.getProperty("token", "")));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** True for the token of this server, sent from this machine. */
    boolean accepts(@Nullable String presented, String remoteAddress) {
        return presented != null
                && isLoopback(remoteAddress)
                && MessageDigest.isEqual(
                        presented.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean isLoopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a stale file only makes the next backup command try the port first
        }
    }
}
