package dev.concierge.integration.google;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.app.ServerSettings;
import dev.concierge.app.TestServer;
import dev.concierge.testing.FakeGoogle;
import dev.concierge.testing.RawHttp;
import dev.concierge.testing.RawHttp.Response;
import dev.concierge.testing.VenueBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CRM pushed to a local Google Sheets through the official client, every request checked against Google's
 * discovery document: each contact at a fixed row (never appended), an edit rewrites that row, erasure blanks it,
 * and a 429 is waited out for as long as Google asks.
 */
class GoogleSheetsIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String SPREADSHEET = "1CrmSpreadsheetId";
    private static final List<Object> HEADER =
            List.of("name", "phone", "email", "intent", "notes", "consent", "source", "created");

    @TempDir
    Path dataDir;

    private FakeGoogle google;
    private TestServer server;
    private RawHttp desk;
    private RawHttp manager;

    private void start() {
        google = FakeGoogle.start();
        Path venue = VenueBuilder.smallHotel().writeTo(dataDir.resolveSibling(dataDir.getFileName() + "-venue.yaml"));
        Map<String, String> env = new HashMap<>(google.serverEnvironment("unused", SPREADSHEET));
        env.remove("GOOGLE_CALENDAR_ID");
        env.put("OUTBOX_RETRY_BASE_MS", "50");
        server = TestServer.start(ServerSettings.defaults(dataDir)
                .withDemo(true)
                .withVenueFile(venue)
                .withFrozenNow(LocalDateTime.of(2026, 3, 9, 9, 0))
                .withEnvironment(env));
        desk = server.http().bearer(server.tokenFor("front_desk"));
        manager = server.http().bearer(server.tokenFor("manager"));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (google != null) {
            google.close();
        }
    }

    /** A booking for a new guest, which makes their contact; answers the contact's id. */
    private long guestBooks(String start, String name, String email) {
        Response response = desk.postJson(
                "/api/staff/bookings",
                "{\"serviceId\": \"massage-60\", \"start\": \"" + start + "\", \"partySize\": 1,"
                        + " \"contact\": {\"name\": \"" + name + "\", \"email\": \"" + email + "\"}}");
        assertEquals(201, response.status(), response.body());
        return response.json().get("contactId").asLong();
    }

    private Map<Integer, List<Object>> rows() {
        return google.rows(SPREADSHEET);
    }

    private int rowOf(String email) {
        return rows().entrySet().stream()
                .filter(row ->
                        row.getValue().size() > 2 && email.equals(row.getValue().get(2)))
                .mapToInt(Map.Entry::getKey)
                .findFirst()
                .orElse(-1);
    }

    private void awaitDelivered() {
        google.await(
                "the sheet's deliveries",
                WAIT,
                () -> desk
                        .get("/api/staff/sync?connector=google-sheets")
                        .json()
                        .get("deliveries")
                        .findValuesAsText("status")
                        .stream()
                        .allMatch("delivered"::equals));
    }

    @Test
    void contactsGetFixedRowsAndAnEditRewritesItsRow() {
        start();
        guestBooks("2026-03-10T10:00", "Ana Pérez", "ana@example.com");
        long bob = guestBooks("2026-03-10T12:00", "Bob Smith", "bob@example.com");
        google.await("two rows", WAIT, () -> rowOf("ana@example.com") > 0 && rowOf("bob@example.com") > 0);
        awaitDelivered();

        assertEquals(HEADER, rows().get(1));
        int bobsRow = rowOf("bob@example.com");
        assertEquals(
                List.of("Bob Smith", "", "bob@example.com", "", "", false, "console", "2026-03-09 09:00"),
                rows().get(bobsRow));
        assertEquals(3, rows().size(), "a header and two guests: " + rows());

        Response edited = desk.send(
                "PATCH",
                "/api/staff/contacts/" + bob,
                "application/json",
                "{\"intent\": \"wedding\", \"notes\": \"=HYPERLINK(\\\"x\\\")\", \"consent\": true}");
        assertEquals(200, edited.status(), edited.body());
        google.await(
                "the edit", WAIT, () -> "wedding".equals(rows().get(bobsRow).get(3)));
        assertEquals(bobsRow, rowOf("bob@example.com"), "the same row, rewritten");
        assertEquals("=HYPERLINK(\"x\")", rows().get(bobsRow).get(4), "written RAW: text, never a formula");
        assertEquals(true, rows().get(bobsRow).get(5));
        assertEquals(3, rows().size(), rows().toString());

        assertTrue(google.requests("sheets.spreadsheets.values.append").isEmpty());
        for (FakeGoogle.Recorded write : google.requests("sheets.spreadsheets.values.batchUpdate")) {
            assertEquals("RAW", write.body().get("valueInputOption").asText());
        }
        awaitDelivered();
        assertEquals("ok", server.client().health().integrations().get("googleSheets"));
        assertEquals("not_configured", server.client().health().integrations().get("googleCalendar"));
        assertEquals(List.of(), google.problems());
    }

    @Test
    void erasureBlanksTheGuestsRowAndKeepsItTheirs() {
        start();
        long ana = guestBooks("2026-03-10T10:00", "Ana Pérez", "ana@example.com");
        google.await("Ana's row", WAIT, () -> rowOf("ana@example.com") > 0);
        int row = rowOf("ana@example.com");

        Response erased = manager.send("DELETE", "/api/staff/contacts/" + ana, null, null);
        assertEquals(204, erased.status(), erased.body());

        google.await("the blank row", WAIT, () -> rows().get(row).stream().allMatch(""::equals));
        assertEquals(Collections.nCopies(8, ""), rows().get(row));
        List<String> sent = new ArrayList<>();
        google.requests("sheets.spreadsheets.values.batchUpdate").stream()
                .map(r -> r.body().toString())
                .forEach(sent::add);
        assertTrue(sent.get(sent.size() - 1).contains("\"range\":\"A" + row + ":H" + row + "\""), sent.toString());
        awaitDelivered();

        // a guest who comes back after erasure is a new contact, with a row of their own
        guestBooks("2026-03-11T10:00", "Ana Pérez", "ana@example.com");
        google.await("the new row", WAIT, () -> rowOf("ana@example.com") > 0);
        assertTrue(rowOf("ana@example.com") != row, rows().toString());
        assertEquals(Collections.nCopies(8, ""), rows().get(row), "the erased row stays blank");
        assertEquals(List.of(), google.problems());
    }

    @Test
    void aRateLimitHoldsWritesBackForAsLongAsGoogleAsks() {
        start();
        google.failNext("sheets.spreadsheets.values.batchUpdate", 429, "2");
        guestBooks("2026-03-10T10:00", "Ana Pérez", "ana@example.com");

        // the fake stores the row before it records the request that wrote it: wait for both
        google.await(
                "Ana's row",
                WAIT,
                () -> rowOf("ana@example.com") > 0
                        && google.requests("sheets.spreadsheets.values.batchUpdate")
                                        .size()
                                >= 2);
        List<FakeGoogle.Recorded> writes = google.requests("sheets.spreadsheets.values.batchUpdate");
        assertEquals(429, writes.get(0).status());
        Duration waited = Duration.between(writes.get(0).at(), writes.get(1).at());
        assertTrue(waited.compareTo(Duration.ofMillis(1_900)) >= 0, "Retry-After: 2 was honoured, waited " + waited);
        assertEquals(List.of(), google.problems());
    }

    @Test
    void writesThatWaitTogetherGoOutAsOneBatch() {
        start();
        // while one write is on its way, the contacts made meanwhile queue for the next
        google.delay(Duration.ofMillis(700));
        for (int i = 0; i < 6; i++) {
            guestBooks("2026-03-1" + (i % 3) + "T1" + (i / 3) + ":00", "Guest " + i, "guest" + i + "@example.com");
        }
        google.await("six rows", WAIT, () -> rows().size() == 7);
        awaitDelivered();
        List<FakeGoogle.Recorded> writes = google.requests("sheets.spreadsheets.values.batchUpdate");
        assertTrue(writes.size() < 6, "six contacts in fewer writes: " + writes.size());
        assertEquals(
                7, writes.stream().mapToInt(r -> r.body().get("data").size()).sum(), "each row and the header once");
        assertEquals(List.of(), google.problems());
    }
}
