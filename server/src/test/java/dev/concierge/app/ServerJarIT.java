package dev.concierge.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.api.ApiClient;
import dev.concierge.testing.ServerProcess;
import dev.concierge.testing.VenueBuilder;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real {@code concierge-server.jar} in its own process, started and stopped as a service manager would. */
class ServerJarIT {
    private static final Path JAR = Path.of("target", "concierge-server.jar");

    @TempDir
    Path dataDir;

    @Test
    void startsWithTheDemoVenueAndStopsCleanlyOnSigterm() throws IOException {
        long launched = System.nanoTime();
        String[] ownerLogin;
        try (ServerProcess server =
                ServerProcess.startJar(JAR, Map.of(), "--demo", "--port", "0", "--data", dataDir.toString())) {
            ApiClient client = ApiClient.of(server.uri());
            assertEquals("ok", client.health().status());
            System.out.printf("launch to first health answer: %d ms%n", (System.nanoTime() - launched) / 1_000_000);

            ownerLogin = demoLogin(server.output(), "owner");
            assertEquals("owner", client.login(ownerLogin[0], ownerLogin[1]).role());

            int exit = server.stop(Duration.ofSeconds(30));
            assertEquals(143, exit, "ended by SIGTERM, through the shutdown hook");
            assertTrue(server.output().contains("\"Concierge stopped\""), server.output());
            assertEveryLogLineIsJson(server.output());
            String logFile = Files.readString(dataDir.resolve("logs").resolve("concierge.log"));
            assertTrue(logFile.contains("\"Concierge stopped\""), "the same lines go to DATA/logs: " + logFile);
            assertEveryLogLineIsJson(logFile);
        }

        try (ServerProcess again =
                ServerProcess.startJar(JAR, Map.of(), "--demo", "--port", "0", "--data", dataDir.toString())) {
            assertFalse(again.output().contains("Demo staff accounts"), "demo accounts are printed only once");
            assertEquals(
                    "owner",
                    ApiClient.of(again.uri())
                            .login(ownerLogin[0], ownerLogin[1])
                            .role(),
                    "the database survived the restart");
        }
    }

    @Test
    void theBackupCommandTakesItsSnapshotFromTheRunningServerAndOpensTheFileWhenNoneRuns() throws IOException {
        Path whileRunning = dataDir.resolveSibling(dataDir.getFileName() + "-running.zip");
        Path whileStopped = dataDir.resolveSibling(dataDir.getFileName() + "-stopped.zip");
        try (ServerProcess server =
                ServerProcess.startJar(JAR, Map.of(), "--demo", "--port", "0", "--data", dataDir.toString())) {
            try (ServerProcess backup = ServerProcess.launchJar(
                    JAR, Map.of(), "backup", "--data", dataDir.toString(), "--to", whileRunning.toString())) {
                assertEquals(0, backup.awaitExit(Duration.ofSeconds(60)), backup.output());
                assertTrue(backup.output().contains("from the running server"), backup.output());
            }
            assertEquals("ok", ApiClient.of(server.uri()).health().status());
            server.stop(Duration.ofSeconds(30));
        }
        assertFalse(Files.exists(dataDir.resolve("control.properties")), "a stopped server leaves no control file");

        try (ServerProcess backup = ServerProcess.launchJar(
                JAR, Map.of(), "backup", "--data", dataDir.toString(), "--to", whileStopped.toString())) {
            assertEquals(0, backup.awaitExit(Duration.ofSeconds(60)), backup.output());
            assertTrue(backup.output().contains("no server running"), backup.output());
        }
        assertTrue(Files.size(whileRunning) > 0 && Files.size(whileStopped) > 0);
    }

    @Test
    void aBadVenueFileStopsTheStartAndChangesNothing() throws IOException {
        Path venue = VenueBuilder.smallHotel().writeTo(dataDir.resolveSibling(dataDir.getFileName() + "-venue.yaml"));
        try (ServerProcess first = ServerProcess.startJar(
                JAR, Map.of(), "--venue", venue.toString(), "--port", "0", "--data", dataDir.toString())) {
            first.stop(Duration.ofSeconds(30));
        }
        VenueBuilder.smallHotel()
                .set("venue.name", "Renamed")
                .set("services[0].hours.mon", "25:00-26:00")
                .writeTo(venue);

        try (ServerProcess bad = ServerProcess.launchJar(
                JAR, Map.of(), "--venue", venue.toString(), "--port", "0", "--data", dataDir.toString())) {
            assertEquals(2, bad.awaitExit(Duration.ofSeconds(60)));
            assertTrue(bad.output().contains("services[0].hours.mon: \"25:00\" is not a time"), bad.output());
        }

        Files.delete(venue);
        try (ServerProcess after = ServerProcess.startJar(JAR, Map.of(), "--port", "0", "--data", dataDir.toString())) {
            // no key exists on this venue yet, so ask the database through a manager: none either; use health
            URI uri = after.uri();
            assertEquals("ok", ApiClient.of(uri).health().status());
            assertTrue(after.output().contains("No staff accounts yet"), "the warning is logged");
        }
    }

    @Test
    void frozenClockAndOwnerComeFromTheEnvironment() {
        Map<String, String> env = Map.of(
                "CONCIERGE_NOW", "2026-03-10T09:00",
                "CONCIERGE_OWNER_EMAIL", "owner@hotel.example",
                "CONCIERGE_OWNER_PASSWORD", "a long passphrase",
                "PORT", "0",
                "CONCIERGE_DATA", dataDir.toString());
        try (ServerProcess server = ServerProcess.startJar(JAR, env, "--demo")) {
            var session = ApiClient.of(server.uri()).login("owner@hotel.example", "a long passphrase");

            // 09:00 in Madrid on 10 March is 08:00Z; a session lasts 12 hours
            assertEquals("2026-03-10T20:00:00Z", session.expiresAt().toString());
            assertFalse(server.output().contains("Demo staff accounts"), "an owner exists, so no demo accounts");
        }
    }

    private static String[] demoLogin(String output, String role) {
        for (String line : output.split("\\R")) {
            String[] words = line.trim().split("\\s+");
            if (words.length == 3 && words[0].equals(role)) {
                return new String[] {words[1], words[2]};
            }
        }
        throw new AssertionError("no demo account for " + role + " in:\n" + output);
    }

    /** Every line that is not the notice for the person starting the server is one JSON object. */
    private static void assertEveryLogLineIsJson(String output) throws IOException {
        ObjectMapper json = new ObjectMapper();
        int logLines = 0;
        for (String line : output.split("\\R")) {
            if (line.startsWith("{")) {
                JsonNode node = json.readTree(line);
                assertTrue(node.has("@timestamp") && node.has("level") && node.has("message"), line);
                logLines++;
            } else {
                assertTrue(
                        line.startsWith("Concierge is running at")
                                || line.startsWith("Demo staff accounts")
                                || line.startsWith("  ")
                                || line.startsWith("WARNING") // JVM notices about native access
                                || line.isBlank(),
                        "unexpected output line: " + line);
            }
        }
        assertTrue(logLines >= 3, "start, requests and stop are logged");
    }
}
