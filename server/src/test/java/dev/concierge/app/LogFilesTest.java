package dev.concierge.app;

import static net.logstash.logback.argument.StructuredArguments.kv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.rolling.TimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log files in DATA/logs: JSON lines masked as standard output masks them, rotated as configured. */
class LogFilesTest {
    @TempDir
    Path logs;

    private final LoggerContext context = new LoggerContext();

    LogFilesTest() {
        context.setMDCAdapter(new LogbackMDCAdapter());
    }

    private List<String> lines() throws IOException {
        return Files.readAllLines(logs.resolve(LogFiles.FILE_NAME));
    }

    @Test
    void linesAreJsonWithPersonalDataAndSecretsMasked() throws IOException {
        LogFiles files = LogFiles.start(context, logs, LogFiles.Rotation.DEFAULTS);
        context.getLogger("dev.concierge.booking")
                .info(
                        "Booked MR-7K3Q for ana.perez@example.com, +34 612 345 678, card 4242 4242 4242 4242",
                        kv("password", "hunter2-hunter2"),
                        kv("email", "desk@hotel.example"));
        files.close();

        List<String> lines = lines();
        assertEquals(1, lines.size(), lines.toString());
        JsonNode line = new ObjectMapper().readTree(lines.get(0));
        assertEquals(
                "Booked MR-7K3Q for [REDACTED], [REDACTED], card [REDACTED]",
                line.get("message").asText());
        assertEquals("INFO", line.get("level").asText());
        assertEquals("[REDACTED]", line.get("password").asText());
        assertEquals("[REDACTED]", line.get("email").asText());
        assertFalse(lines.get(0).contains("hunter2"), lines.get(0));
    }

    @Test
    void aStoppedServersFilesStopGrowing() throws IOException {
        LogFiles files = LogFiles.start(context, logs, LogFiles.Rotation.DEFAULTS);
        context.getLogger("dev.concierge.app").warn("Concierge stopped");
        files.close();
        context.getLogger("dev.concierge.app").warn("a line from another server still running in this JVM");

        List<String> lines = lines();
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).contains("Concierge stopped"), lines.get(0));
    }

    @Test
    void rolledOverFilesAreGzippedByDayAndCountedWithinTheDay() {
        try (LogFiles files = LogFiles.start(context, logs, LogFiles.Rotation.DEFAULTS)) {
            TimeBasedRollingPolicy<?> policy = files.policy().orElseThrow();
            assertEquals(logs.resolve("concierge.%d{yyyy-MM-dd}.%i.log.gz").toString(), policy.getFileNamePattern());
            assertEquals(14, policy.getMaxHistory());
        }
    }

    @Test
    void aFileThatGrowsPastItsSizeIsRolledOverAndCompressed() throws IOException {
        LogFiles.Rotation small = LogFiles.Rotation.from(Map.of("CONCIERGE_LOG_MAX_FILE_SIZE", "1KB")::get);
        LogFiles files = LogFiles.start(context, logs, small);
        for (int i = 0; i < 200; i++) {
            context.getLogger("dev.concierge.outbox").info("Delivery {} of booking.created went out", i);
        }
        files.close(); // waits for the compression of the last file rolled over

        List<Path> rolled;
        try (var listing = Files.list(logs)) {
            rolled = listing.filter(file ->
                            file.getFileName().toString().matches("concierge\\.\\d{4}-\\d{2}-\\d{2}\\.\\d+\\.log\\.gz"))
                    .toList();
        }
        assertFalse(
                rolled.isEmpty(),
                "no rolled-over file among "
                        + java.util.Arrays.toString(logs.toFile().list()));
        assertTrue(
                Files.size(logs.resolve(LogFiles.FILE_NAME)) < 200 * 100,
                "the active file started again: " + Files.size(logs.resolve(LogFiles.FILE_NAME)) + " bytes");
        try (var gzip = new java.util.zip.GZIPInputStream(Files.newInputStream(rolled.get(0)))) {
            String text = new String(gzip.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(text.contains("went out"), text);
        }
    }

    @Test
    void rotationComesFromTheSettingsWithDefaultsForWhatTheyLeaveOut() {
        LogFiles.Rotation defaults = LogFiles.Rotation.from(name -> null);
        assertEquals(10L * 1024 * 1024, defaults.maxFileSize().getSize());
        assertEquals(14, defaults.maxDays());
        assertEquals(200L * 1024 * 1024, defaults.totalCap().getSize());

        Map<String, String> set = Map.of(
                "CONCIERGE_LOG_MAX_FILE_SIZE", "512KB",
                "CONCIERGE_LOG_MAX_DAYS", " 30 ",
                "CONCIERGE_LOG_TOTAL_SIZE", "1GB");
        LogFiles.Rotation configured = LogFiles.Rotation.from(set::get);
        assertEquals(
                FileSize.valueOf("512KB").getSize(), configured.maxFileSize().getSize());
        assertEquals(30, configured.maxDays());
        assertEquals(1024L * 1024 * 1024, configured.totalCap().getSize());
    }

    @Test
    void aBadRotationSettingStopsTheStartWithItsName() {
        assertEquals(
                "CONCIERGE_LOG_MAX_FILE_SIZE must be a size such as 10MB or 500KB (at least 1KB), not \"big\"",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> LogFiles.Rotation.from(Map.of("CONCIERGE_LOG_MAX_FILE_SIZE", "big")::get))
                        .getMessage());
        assertEquals(
                "CONCIERGE_LOG_MAX_DAYS must be between 1 and 3650 days",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> LogFiles.Rotation.from(Map.of("CONCIERGE_LOG_MAX_DAYS", "0")::get))
                        .getMessage());
        assertEquals(
                "CONCIERGE_LOG_TOTAL_SIZE must be at least CONCIERGE_LOG_MAX_FILE_SIZE",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> LogFiles.Rotation.from(Map.of("CONCIERGE_LOG_TOTAL_SIZE", "1MB")::get))
                        .getMessage());
    }
}
