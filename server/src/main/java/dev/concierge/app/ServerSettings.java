package dev.concierge.app;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Everything the server is started with, already merged from flags and environment variables.
 *
 * @param port the HTTP port; 0 picks a free one (tests)
 * @param frozenNow {@code CONCIERGE_NOW}: the venue-local moment the clock is frozen at, for demos and tests
 * @param environment the integration settings by their conventional names ({@code OPENAI_API_KEY}, …)
 */
public record ServerSettings(
        int port,
        Path dataDir,
        @Nullable Path venueFile,
        boolean demo,
        @Nullable String dbUrl,
        @Nullable String dbUser,
        @Nullable String dbPassword,
        @Nullable LocalDateTime frozenNow,
        @Nullable String ownerEmail,
        @Nullable String ownerPassword,
        Map<String, String> environment) {

    public ServerSettings {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("--port must be between 0 and 65535, not " + port);
        }
        environment = Map.copyOf(environment);
    }

    /** Settings for a server on {@code dataDir} with nothing else configured. */
    public static ServerSettings defaults(Path dataDir) {
        return new ServerSettings(7070, dataDir, null, false, null, null, null, null, null, null, Map.of());
    }

    public ServerSettings withPort(int newPort) {
        return new ServerSettings(
                newPort,
                dataDir,
                venueFile,
                demo,
                dbUrl,
                dbUser,
                dbPassword,
                frozenNow,
                ownerEmail,
                ownerPassword,
                environment);
    }

    /** These settings on the database at {@code url} (PostgreSQL) instead of the embedded one. */
    public ServerSettings withDb(@Nullable String url, @Nullable String user, @Nullable String password) {
        return new ServerSettings(
                port, dataDir, venueFile, demo, url, user, password, frozenNow, ownerEmail, ownerPassword, environment);
    }

    public ServerSettings withDemo(boolean newDemo) {
        return new ServerSettings(
                port,
                dataDir,
                venueFile,
                newDemo,
                dbUrl,
                dbUser,
                dbPassword,
                frozenNow,
                ownerEmail,
                ownerPassword,
                environment);
    }

    public ServerSettings withVenueFile(@Nullable Path file) {
        return new ServerSettings(
                port,
                dataDir,
                file,
                demo,
                dbUrl,
                dbUser,
                dbPassword,
                frozenNow,
                ownerEmail,
                ownerPassword,
                environment);
    }

    public ServerSettings withFrozenNow(@Nullable LocalDateTime now) {
        return new ServerSettings(
                port, dataDir, venueFile, demo, dbUrl, dbUser, dbPassword, now, ownerEmail, ownerPassword, environment);
    }

    public ServerSettings withOwner(@Nullable String email, @Nullable String password) {
        return new ServerSettings(
                port, dataDir, venueFile, demo, dbUrl, dbUser, dbPassword, frozenNow, email, password, environment);
    }

    public ServerSettings withEnvironment(Map<String, String> env) {
        return new ServerSettings(
                port, dataDir, venueFile, demo, dbUrl, dbUser, dbPassword, frozenNow, ownerEmail, ownerPassword, env);
    }

    /**
     * These settings with integration values stored from the console filling in what the environment leaves unset
     * (the environment wins: an operator's override).
     */
    public ServerSettings withStoredIntegrations(Map<String, String> stored) {
        Map<String, String> merged = new java.util.HashMap<>(stored);
        environment.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                merged.put(name, value);
            }
        });
        return withEnvironment(merged);
    }

    /** An integration setting by its conventional name, or null when unset or blank. */
    public @Nullable String integration(String name) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? null : value;
    }
}
