package dev.concierge.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concierge.api.PublicKeyRequest;
import dev.concierge.app.ServerCommand;
import dev.concierge.app.ServerSettings;
import dev.concierge.app.TestServer;
import dev.concierge.testing.RawHttp;
import dev.concierge.testing.RawHttp.Response;
import dev.concierge.testing.VenueBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backup taken over the backup command while the server runs, restored into a new data directory, gives a server
 * that answers exactly as the first did — bookings, orders, guests, conversations, and the integration key the
 * console stored (sealed with the data directory's key, which the backup carries).
 */
class BackupRoundTripIT {
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 3, 9, 9, 0);

    @TempDir
    Path temp;

    @Test
    void aRestoredApplianceAnswersExactlyAsBefore() throws IOException {
        Path original = temp.resolve("original");
        Path restored = temp.resolve("restored");
        Path backup = temp.resolve("saved").resolve("concierge.backup.zip");
        Path venue = VenueBuilder.smallHotel().writeTo(temp.resolve("venue.yaml"));
        ServerSettings settings = ServerSettings.defaults(original)
                .withDemo(true)
                .withVenueFile(venue)
                .withFrozenNow(NOW);

        Map<String, JsonNode> before;
        String[] ownerLogin;
        try (TestServer server = TestServer.start(settings)) {
            ownerLogin = server.demoLogin("owner");
            RawHttp owner = server.http().bearer(server.tokenFor("owner"));
            makeAVenuesDay(server, owner);
            before = answers(owner);

            Output out = new Output();
            int exit = ServerCommand.run(
                    new String[] {"backup", "--data", original.toString(), "--to", backup.toString()},
                    Map.of(),
                    settingsOnly -> 0,
                    out.stream());
            assertEquals(0, exit, out.text());
            assertTrue(out.text().contains("from the running server"), out.text());
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(backup)));
            assertSameAnswers(before, answers(owner));
        }

        Output out = new Output();
        int exit = ServerCommand.run(
                new String[] {"restore", "--data", restored.toString(), "--from", backup.toString()},
                Map.of(),
                settingsOnly -> 0,
                out.stream());
        assertEquals(0, exit, out.text());
        assertTrue(out.text().contains("Restored the backup"), out.text());

        try (TestServer again =
                TestServer.start(ServerSettings.defaults(restored).withFrozenNow(NOW))) {
            RawHttp owner = again.http()
                    .bearer(again.client().login(ownerLogin[0], ownerLogin[1]).token());
            assertSameAnswers(before, answers(owner));
            assertEquals(
                    "configured",
                    again.client().health().integrations().get("stripe"),
                    "the stored Stripe key is read with the restored secret key");
        }
    }

    @Test
    void aRestoreRefusesADirectoryWithFilesAndChangesNothing() throws IOException {
        Path original = temp.resolve("original");
        Path backup = temp.resolve("concierge.backup.zip");
        try (TestServer server = TestServer.demo(original)) {
            assertEquals(
                    0,
                    ServerCommand.run(
                            new String[] {"backup", "--data", original.toString(), "--to", backup.toString()},
                            Map.of(),
                            settingsOnly -> 0,
                            new Output().stream()));

            Output again = new Output();
            assertEquals(
                    2,
                    ServerCommand.run(
                            new String[] {"backup", "--data", original.toString(), "--to", backup.toString()},
                            Map.of(),
                            settingsOnly -> 0,
                            again.stream()),
                    "an existing file is never overwritten");
            assertTrue(again.text().contains("already exists"), again.text());
        }
        Path occupied = Files.createDirectories(temp.resolve("occupied"));
        Files.writeString(occupied.resolve("notes.txt"), "someone's file");

        Output out = new Output();
        int exit = ServerCommand.run(
                new String[] {"restore", "--data", occupied.toString(), "--from", backup.toString()},
                Map.of(),
                settingsOnly -> 0,
                out.stream());

        assertEquals(2, exit, out.text());
        assertTrue(out.text().contains("is not empty"), out.text());
        try (Stream<Path> files = Files.list(occupied)) {
            assertEquals(List.of(occupied.resolve("notes.txt")), files.toList());
        }
        Output notABackup = new Output();
        assertEquals(
                2,
                ServerCommand.run(
                        new String[] {"restore", "--data", temp.resolve("new").toString(), "--from", venueFile()},
                        Map.of(),
                        settingsOnly -> 0,
                        notABackup.stream()));
        assertTrue(notABackup.text().contains("cannot be read as a backup"), notABackup.text());
        assertFalse(Files.exists(temp.resolve("new").resolve("concierge.mv.db")));
    }

    @Test
    void managersStartABackupAndSeeTheLastOneTheDeskDoesNot() {
        try (TestServer server = TestServer.demo(temp.resolve("data"))) {
            assertNull(server.client().health().lastBackupAt(), "no backup yet");
            RawHttp manager = server.http().bearer(server.tokenFor("manager"));
            RawHttp desk = server.http().bearer(server.tokenFor("front_desk"));

            Response made = manager.postJson("/api/staff/backups", "{}");

            assertEquals(201, made.status(), made.body());
            assertEquals("manual", made.json().path("kind").asText());
            assertTrue(made.json().path("sizeBytes").asLong() > 0);
            assertTrue(Files.exists(temp.resolve("data")
                    .resolve("backups")
                    .resolve(made.json().path("name").asText())));
            JsonNode list = manager.get("/api/staff/backups").json();
            assertEquals(1, list.path("backups").size());
            assertEquals(
                    made.json().path("createdAt").asText(),
                    list.path("lastBackupAt").asText());
            assertNotNull(server.client().health().lastBackupAt());
            assertTrue(server.client().health().dataDiskFreeBytes() > 0);
            assertTrue(server.http().get("/metrics").body().contains("concierge_last_backup_age_seconds"));
            assertEquals(403, desk.postJson("/api/staff/backups", "{}").status());
            assertEquals(403, desk.get("/api/staff/backups").status());
            Response stranger = server.http().postJson("/api/local/backup", "{}");
            assertEquals(403, stranger.status(), "the local route wants the command's token");
            assertEquals("forbidden", stranger.errorCode());
        }
    }

    /** A booking, an order to a room, a guest and a conversation, made the way the website and the desk make them. */
    private static void makeAVenuesDay(TestServer server, RawHttp owner) {
        String key = server.client()
                .withStaffToken(server.tokenFor("manager"))
                .createPublicKey(new PublicKeyRequest("Website", List.of()))
                .key();
        RawHttp website = server.http().with("X-Concierge-Key", key);
        Response stay = website.postJson(
                "/api/reservations",
                "{\"roomTypeId\": \"double\", \"checkIn\": \"2026-03-10\", \"checkOut\": \"2026-03-13\","
                        + " \"guests\": 2, \"contact\": {\"name\": \"Lena Berg\", \"phone\": \"+49 30 1234567\"}}");
        assertEquals(201, stay.status(), stay.body());
        Response chat = website.postJson("/api/chat", "{\"message\": \"Do you have parking?\", \"channel\": \"web\"}");
        assertEquals(200, chat.status(), chat.body());
        Response stored = owner.send(
                "PUT",
                "/api/staff/integrations",
                "application/json",
                "{\"values\": {\"STRIPE_SECRET_KEY\": \"sk_test_local_9f3a\"}}");
        assertEquals(200, stored.status(), stored.body());
    }

    private static void assertSameAnswers(Map<String, JsonNode> expected, Map<String, JsonNode> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((route, answer) -> assertEquals(answer, actual.get(route), route));
    }

    /** What the owner's console reads, route by route (the integrations' list without the process's restart flag). */
    private static Map<String, JsonNode> answers(RawHttp owner) {
        Map<String, JsonNode> answers = new java.util.TreeMap<>();
        for (String route : List.of(
                "/api/staff/bookings?from=2026-03-01&to=2026-03-31",
                "/api/staff/reports?from=2026-03-01&to=2026-03-31",
                "/api/staff/contacts",
                "/api/staff/orders",
                "/api/staff/conversations",
                "/api/staff/integrations",
                "/api/venue")) {
            Response answer = owner.get(route);
            assertEquals(200, answer.status(), route + ": " + answer.body());
            JsonNode json = answer.json();
            answers.put(route, route.equals("/api/staff/integrations") ? json.path("settings") : json);
        }
        assertTrue(answers.get("/api/staff/contacts").toString().contains("Lena Berg"), "a guest to compare");
        return answers;
    }

    /** What a command printed, on either stream. */
    private static final class Output {
        private final java.io.StringWriter text = new java.io.StringWriter();

        java.io.PrintWriter stream() {
            return new java.io.PrintWriter(text, true);
        }

        String text() {
            return text.toString();
        }
    }

    private String venueFile() throws IOException {
        return VenueBuilder.smallHotel()
                .writeTo(temp.resolve("not-a-backup.yaml"))
                .toString();
    }
}
