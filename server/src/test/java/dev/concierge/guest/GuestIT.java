package dev.concierge.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concierge.app.ServerSettings;
import dev.concierge.app.TestServer;
import dev.concierge.testing.RawHttp;
import dev.concierge.testing.RawHttp.Response;
import dev.concierge.testing.VenueBuilder;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One guest across the features over HTTP: their history beside the contact, and two contacts merged into one. */
class GuestIT {
    @TempDir
    Path dataDir;

    private TestServer server;
    private RawHttp desk;

    @BeforeEach
    void start() {
        Path venue = VenueBuilder.smallHotel().writeTo(dataDir.resolveSibling(dataDir.getFileName() + "-venue.yaml"));
        server = TestServer.start(ServerSettings.defaults(dataDir)
                .withDemo(true)
                .withVenueFile(venue)
                .withFrozenNow(LocalDateTime.of(2026, 3, 10, 12, 0)));
        desk = server.http().bearer(server.tokenFor("front_desk"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Ana books by e-mail at the desk; later she orders giving only her phone: two contacts of one guest. */
    private long[] anaTwice() {
        Response booking = desk.postJson(
                "/api/staff/bookings",
                "{\"serviceId\": \"massage-60\", \"start\": \"2026-03-11T10:00\", \"partySize\": 1, \"contact\":"
                        + " {\"name\": \"Ana López\", \"email\": \"ana@example.com\"}}");
        assertEquals(201, booking.status(), booking.body());
        Response order = desk.postJson(
                "/api/staff/orders",
                "{\"items\": [{\"itemId\": \"club-sandwich\", \"quantity\": 1}], \"payment\": {\"method\": \"desk\"},"
                        + " \"roomNumber\": \"305\", \"contact\": {\"name\": \"Ana Lopez\", \"phone\":"
                        + " \"+34612345678\"}}");
        assertEquals(201, order.status(), order.body());
        long byEmail = booking.json().path("contactId").asLong();
        long byPhone = order.json().path("contactId").asLong();
        assertTrue(byEmail != byPhone, "nothing tied the two together yet");
        Response notes = desk.send(
                "PATCH",
                "/api/staff/contacts/" + byPhone,
                "application/json",
                "{\"notes\": \"Allergic to nuts\", \"consent\": true}");
        assertEquals(200, notes.status(), notes.body());
        return new long[] {byEmail, byPhone};
    }

    @Test
    void theActivityShowsTheGuestsBookingsOrdersAndConversations() {
        long[] ana = anaTwice();

        Response activity = desk.get("/api/staff/contacts/" + ana[0] + "/activity");

        assertEquals(200, activity.status(), activity.body());
        JsonNode body = activity.json();
        assertEquals(ana[0], body.path("contactId").asLong());
        assertEquals(1, body.path("bookings").size());
        assertEquals("massage-60", body.at("/bookings/0/serviceId").asText());
        assertEquals(0, body.path("orders").size(), "the order is the other contact's");
        assertEquals(0, body.path("conversations").size());
        assertEquals(
                1,
                desk.get("/api/staff/contacts/" + ana[1] + "/activity")
                        .json()
                        .path("orders")
                        .size());
        assertEquals(404, desk.get("/api/staff/contacts/999999/activity").status());
    }

    @Test
    void mergingMovesEverythingToTheKeptContactAndTheDuplicateIsGone() {
        long[] ana = anaTwice();

        Response merged =
                desk.postJson("/api/staff/contacts/" + ana[0] + "/merge", "{\"duplicateId\": " + ana[1] + "}");

        assertEquals(200, merged.status(), merged.body());
        JsonNode kept = merged.json();
        assertEquals(ana[0], kept.path("id").asLong());
        assertEquals("Ana López", kept.path("name").asText(), "the kept contact's own name stays");
        assertEquals("ana@example.com", kept.path("email").asText());
        assertEquals("+34612345678", kept.path("phone").asText(), "taken from the duplicate");
        assertEquals("Allergic to nuts", kept.path("notes").asText());
        assertTrue(kept.path("consent").asBoolean(), "the duplicate's later consent stands");

        JsonNode activity =
                desk.get("/api/staff/contacts/" + ana[0] + "/activity").json();
        assertEquals(1, activity.path("bookings").size());
        assertEquals(1, activity.path("orders").size(), "the order came along");
        JsonNode found = desk.get("/api/staff/contacts?q=ana").json();
        assertEquals(1, found.size(), found.toString());
        assertEquals(ana[0], found.at("/0/id").asLong());
        assertEquals(
                ana[0],
                desk.get("/api/staff/contacts?q=612345678").json().at("/0/id").asLong(),
                "the phone now finds the kept contact");

        String csv = server.http()
                .bearer(server.tokenFor("manager"))
                .get("/api/staff/contacts/export.csv")
                .body();
        assertEquals(
                2,
                csv.strip().lines().count(),
                "the header and the one guest, no blank line for the duplicate:\n" + csv);

        Response again = desk.postJson("/api/staff/contacts/" + ana[0] + "/merge", "{\"duplicateId\": " + ana[1] + "}");
        assertEquals(409, again.status(), again.body());
        assertTrue(again.body().contains("merged into contact " + ana[0]), again.body());
    }

    @Test
    void aMergeThatCannotBeChangesNothing() {
        long[] ana = anaTwice();
        String path = "/api/staff/contacts/" + ana[0] + "/merge";

        Response itself = desk.postJson(path, "{\"duplicateId\": " + ana[0] + "}");
        assertEquals(400, itself.status(), itself.body());
        assertTrue(itself.json().at("/error/fields/duplicateId").isTextual(), itself.body());
        Response missing = desk.postJson(path, "{}");
        assertEquals(400, missing.status(), missing.body());
        assertEquals(404, desk.postJson(path, "{\"duplicateId\": 999999}").status());
        assertEquals(
                404,
                desk.postJson("/api/staff/contacts/999999/merge", "{\"duplicateId\": " + ana[0] + "}")
                        .status());
        assertEquals(
                401,
                server.http()
                        .postJson(path, "{\"duplicateId\": " + ana[1] + "}")
                        .status());

        assertEquals(2, desk.get("/api/staff/contacts?q=ana").json().size(), "both contacts are still there");
        assertEquals(
                0,
                desk.get("/api/staff/contacts/" + ana[0] + "/activity")
                        .json()
                        .path("orders")
                        .size());
    }
}
