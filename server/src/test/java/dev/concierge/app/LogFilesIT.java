package dev.concierge.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.testing.RawHttp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** A running server writes its log lines to DATA/logs as JSON, masked as on standard output. */
class LogFilesIT {
    @TempDir
    Path dataDir;

    @Test
    void aServerWritesMaskedJsonLinesUnderItsDataDirectory() throws IOException {
        String guestEmail = "lucia.moreno@example.com";
        try (TestServer server = TestServer.start(
                ServerSettings.defaults(dataDir).withDemo(true).withFrozenNow(LocalDateTime.of(2026, 3, 9, 9, 0)))) {
            RawHttp desk = server.http().bearer(server.tokenFor("front_desk"));
            RawHttp.Response booked = desk.postJson(
                    "/api/staff/bookings",
                    "{\"serviceId\": \"massage-60\", \"start\": \"2026-03-10T10:00\", \"partySize\": 1,"
                            + " \"contact\": {\"name\": \"Lucía Moreno\", \"email\": \"" + guestEmail + "\"}}");
            assertEquals(201, booked.status(), booked.body());
            // no line of the server names a guest today; this is the line a careless one would write
            LoggerFactory.getLogger("dev.concierge.booking")
                    .warn(
                            "Booking {} made for {}",
                            booked.json().get("reference").asText(),
                            guestEmail);

            Path file = dataDir.resolve("logs").resolve("concierge.log");
            assertTrue(Files.isRegularFile(file), "the log file is in the data directory");
            List<String> lines = Files.readAllLines(file);
            ObjectMapper json = new ObjectMapper();
            for (String line : lines) {
                assertTrue(json.readTree(line).isObject(), "every line is a JSON object: " + line);
            }
            String text = String.join("\n", lines);
            assertTrue(
                    text.contains("Booking " + booked.json().get("reference").asText() + " made for [REDACTED]"), text);
            assertFalse(text.contains(guestEmail), text);
            assertFalse(text.contains("lucia.moreno"), text);
        }
    }
}
