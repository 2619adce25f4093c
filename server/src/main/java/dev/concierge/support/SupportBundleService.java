package dev.concierge.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.api.Backups;
import dev.concierge.api.Health;
import dev.concierge.api.IntegrationSettings;
import dev.concierge.api.Settings;
import dev.concierge.settings.IntegrationSettingsService;
import dev.concierge.settings.SettingsService;
import dev.concierge.storage.Database;
import dev.concierge.venue.VenueFile;
import dev.concierge.venue.VenueService;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The support bundle: one zip with what someone looking after the appliance needs and nothing of the guests or the
 * venue's secrets. The log files are masked again line by line on the way out (a line written before masking existed
 * is no exception), every entry is checked for the values of the secrets in use, and the settings are named with
 * where they come from and whether they are set, never with a value.
 */
public final class SupportBundleService {
    /** The log files put in, newest first, until this much of them was read (gzipped files count as stored). */
    static final long LOG_BUDGET_BYTES = 64L * 1024 * 1024;

    /** Shorter values are not looked for: they would match ordinary words, and no real key is this short. */
    private static final int SHORTEST_SECRET = 8;

    private static final String MASK = "[REDACTED]";
    private static final DateTimeFormatter FILE_STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm");

    private final ObjectMapper json;
    private final Clock clock;
    private final String version;
    private final Database database;
    private final Path logDirectory;
    private final UnaryOperator<String> lineMasking;
    private final IntegrationSettingsService integrations;
    private final Supplier<Set<String>> otherSecrets;
    private final Map<String, Boolean> environmentOnly;
    private final SettingsService venueSettings;
    private final VenueService venues;
    private final Supplier<Health> health;
    private final Supplier<Optional<Backups>> backups;

    /**
     * @param lineMasking how a log line is masked (as the log encoder masks)
     * @param otherSecrets values beyond the integration settings that never leave (the appliance's key, the database
     *     password)
     * @param environmentOnly whether each setting only the environment sets is set, by name
     * @param backups the backups kept; empty on PostgreSQL
     */
    public SupportBundleService(
            ObjectMapper json,
            Clock clock,
            String version,
            Database database,
            Path logDirectory,
            UnaryOperator<String> lineMasking,
            IntegrationSettingsService integrations,
            Supplier<Set<String>> otherSecrets,
            Map<String, Boolean> environmentOnly,
            SettingsService venueSettings,
            VenueService venues,
            Supplier<Health> health,
            Supplier<Optional<Backups>> backups) {
        this.json = json;
        this.clock = clock;
        this.version = version;
        this.database = database;
        this.logDirectory = logDirectory;
        this.lineMasking = lineMasking;
        this.integrations = integrations;
        this.otherSecrets = otherSecrets;
        this.environmentOnly = Map.copyOf(environmentOnly);
        this.venueSettings = venueSettings;
        this.venues = venues;
        this.health = health;
        this.backups = backups;
    }

    /** {@code versions.json}. */
    record Versions(
            String concierge,
            Map<String, String> java,
            Map<String, String> os,
            Database.Engine database,
            Instant generatedAt,
            long uptimeSeconds) {}

    /** {@code settings.json}: names, sources and whether set. */
    record SettingsReport(
            List<IntegrationSetting> integrations,
            boolean restartNeeded,
            List<EnvironmentSetting> environment,
            Venue venue) {}

    /**
     * @param source {@code environment}, {@code console} or {@code none}
     */
    record IntegrationSetting(String name, boolean secret, String source, boolean set) {}

    record EnvironmentSetting(String name, boolean set) {}

    /** The venue as configured: its name, zone, currency, languages and how much it offers; no guest in it. */
    record Venue(
            String name,
            String timezone,
            String currency,
            List<String> languages,
            int roomTypes,
            int services,
            int menuItems,
            int knowledgeEntries,
            Settings settings) {}

    /** A bundle ready to be sent: its file name and the documents read before the first byte goes out. */
    public record Bundle(String fileName, Map<String, byte[]> documents, Set<String> secrets) {}

    /**
     * Reads everything but the logs; a failure here (the database down) is answered as an error before anything is
     * sent.
     */
    public Bundle prepare() {
        Set<String> secrets = new java.util.HashSet<>(integrations.secretValues());
        secrets.addAll(otherSecrets.get());
        secrets.removeIf(secret -> secret.length() < SHORTEST_SECRET);

        Map<String, byte[]> documents = new LinkedHashMap<>();
        documents.put("versions.json", document(versions(), secrets));
        documents.put("settings.json", document(settings(), secrets));
        documents.put("health.json", document(health.get(), secrets));
        documents.put("backups.json", document(backups.get().orElse(new Backups(List.of(), null)), secrets));
        String fileName = "concierge-support-" + FILE_STAMP.format(LocalDateTime.now(clock)) + ".zip";
        return new Bundle(fileName, documents, Set.copyOf(secrets));
    }

    /** Writes the bundle's zip: the documents, then the log files masked again line by line. */
    public void write(Bundle bundle, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        for (Map.Entry<String, byte[]> document : bundle.documents().entrySet()) {
            zip.putNextEntry(new ZipEntry(document.getKey()));
            zip.write(document.getValue());
            zip.closeEntry();
        }
        long budget = LOG_BUDGET_BYTES;
        List<String> omitted = new ArrayList<>();
        for (Path file : logFiles()) {
            long size = Files.size(file);
            if (size > budget) {
                omitted.add(file.getFileName().toString());
                continue;
            }
            budget -= size;
            String name = file.getFileName().toString();
            zip.putNextEntry(
                    new ZipEntry("logs/" + (name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name)));
            copyMasked(file, zip, bundle.secrets());
            zip.closeEntry();
        }
        if (!omitted.isEmpty()) {
            zip.putNextEntry(new ZipEntry("logs/omitted.txt"));
            zip.write(("Older log files left out to keep the bundle small (they stay in DATA/logs):\n"
                            + String.join("\n", omitted) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        zip.finish();
        zip.flush();
    }

    private Versions versions() {
        Map<String, String> java = new LinkedHashMap<>();
        java.put("version", System.getProperty("java.version", "?"));
        java.put("vendor", System.getProperty("java.vendor", "?"));
        java.put("runtime", System.getProperty("java.runtime.version", "?"));
        Map<String, String> os = new LinkedHashMap<>();
        os.put("name", System.getProperty("os.name", "?"));
        os.put("version", System.getProperty("os.version", "?"));
        os.put("arch", System.getProperty("os.arch", "?"));
        return new Versions(
                version,
                java,
                os,
                database.engine(),
                clock.instant(),
                ManagementFactory.getRuntimeMXBean().getUptime() / 1000);
    }

    private SettingsReport settings() {
        IntegrationSettings listed = integrations.list();
        List<IntegrationSetting> named = listed.settings().stream()
                .map(setting -> new IntegrationSetting(
                        setting.name(), setting.secret(), setting.source(), !"none".equals(setting.source())))
                .toList();
        List<EnvironmentSetting> environment = environmentOnly.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(setting -> new EnvironmentSetting(setting.getKey(), setting.getValue()))
                .toList();
        VenueFile venue = venues.venue();
        Venue described = new Venue(
                venue.venue().name(),
                venue.venue().timezone().getId(),
                venue.venue().currency(),
                venue.venue().languages(),
                venue.rooms().size(),
                venue.services().size(),
                venue.menu().size(),
                venue.knowledge().size(),
                venueSettings.current());
        return new SettingsReport(named, listed.restartNeeded(), environment, described);
    }

    private byte[] document(Object value, Set<String> secrets) {
        try {
            String text = json.writerWithDefaultPrettyPrinter().writeValueAsString(value);
            return withoutSecrets(text, secrets).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a support document could not be written: " + e.getMessage(), e);
        }
    }

    private static String withoutSecrets(String text, Set<String> secrets) {
        String clean = text;
        for (String secret : secrets) {
            clean = clean.replace(secret, MASK);
        }
        return clean;
    }

    private void copyMasked(Path file, OutputStream zip, Set<String> secrets) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            // not closed: that would close the zip
            Writer out = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                out.write(withoutSecrets(lineMasking.apply(line), secrets));
                out.write('\n');
            }
            out.flush();
        }
    }

    /** The log files, the one being written first, then the rolled-over ones newest first. */
    private List<Path> logFiles() {
        if (!Files.isDirectory(logDirectory)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(logDirectory)) {
            return entries.filter(file -> {
                        String name = file.getFileName().toString();
                        return name.startsWith("concierge") && (name.endsWith(".log") || name.endsWith(".log.gz"));
                    })
                    .sorted(Comparator.comparing(SupportBundleService::modified).reversed())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + logDirectory + ": " + e.getMessage(), e);
        }
    }

    private static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }
}
