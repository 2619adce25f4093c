package dev.concierge.report;

import static dev.concierge.jooq.Tables.CONVERSATION;
import static dev.concierge.jooq.Tables.MESSAGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concierge.api.PublicKeyRequest;
import dev.concierge.app.ServerSettings;
import dev.concierge.app.TestServer;
import dev.concierge.testing.RawHttp;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The managers' report over real conversations at the demo hotel on Tuesday 10 March 2026 at noon: every figure is
 * computed from what the conversations stored, so each test holds a few chats and reads the report back.
 */
class ReportIT {
    private static final String TODAY = "from=2026-03-10&to=2026-03-10";

    @TempDir
    Path dataDir;

    private TestServer server;
    private RawHttp website;
    private RawHttp manager;

    @BeforeEach
    void start() {
        server = TestServer.start(
                ServerSettings.defaults(dataDir).withDemo(true).withFrozenNow(LocalDateTime.of(2026, 3, 10, 12, 0)));
        String key = server.client()
                .withStaffToken(server.tokenFor("manager"))
                .createPublicKey(new PublicKeyRequest("Website", List.of()))
                .key();
        website = server.http().with("X-Concierge-Key", key);
        manager = server.http().bearer(server.tokenFor("manager"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** A conversation: each message in turn, answered; its id. */
    private String chat(String channel, String... messages) {
        String id = null;
        for (String message : messages) {
            String conversation = id == null ? "" : "\"conversationId\": \"" + id + "\", ";
            RawHttp.Response response = website.postJson(
                    "/api/chat",
                    "{" + conversation + "\"message\": \"" + message + "\", \"channel\": \"" + channel + "\"}");
            assertEquals(200, response.status(), response.body());
            id = response.json().path("conversationId").asText();
        }
        return id;
    }

    private JsonNode report(String query) {
        RawHttp.Response response = manager.get("/api/staff/reports?" + query);
        assertEquals(200, response.status(), response.body());
        return response.json();
    }

    private void book(String body) {
        RawHttp.Response booked = manager.postJson("/api/staff/bookings", body);
        assertEquals(201, booked.status(), booked.body());
    }

    @Test
    void dayByDayItCountsConversationsOccupancyCoversAndAppointmentsAndExportsThemToASpreadsheet() throws Exception {
        chat("web", "Hi, what time is check-out?");
        chat("kiosk", "I want to talk to a person");
        String guest = ", \"contact\": {\"name\": \"Ana López\", \"email\": \"ana@example.com\"}}";
        book("{\"roomTypeId\": \"double\", \"checkIn\": \"2026-03-10\", \"checkOut\": \"2026-03-12\", \"guests\": 2"
                + guest);
        book("{\"serviceId\": \"dinner\", \"start\": \"2026-03-10T20:00\", \"partySize\": 4" + guest);
        book("{\"serviceId\": \"massage-60\", \"start\": \"2026-03-11T16:00\", \"partySize\": 1" + guest);
        RawHttp.Response cancelled = manager.postJson(
                "/api/staff/bookings",
                "{\"serviceId\": \"dinner\", \"start\": \"2026-03-10T21:00\"," + " \"partySize\": 6" + guest);
        manager.postJson("/api/staff/bookings/" + cancelled.json().get("id") + "/cancel", "");

        JsonNode days = report("from=2026-03-10&to=2026-03-12").path("days");

        assertEquals(3, days.size(), days.toString());
        JsonNode tuesday = days.get(0);
        assertEquals("2026-03-10", tuesday.get("date").asText());
        assertEquals(1, tuesday.at("/conversationsByChannel/web").asInt(), tuesday.toString());
        assertEquals(1, tuesday.at("/conversationsByChannel/kiosk").asInt());
        assertEquals(1, tuesday.get("handoffs").asInt());
        assertEquals(1, tuesday.get("roomsOccupied").asInt());
        assertEquals(45, tuesday.get("roomsTotal").asInt(), "6 + 24 + 10 + 5 rooms in the demo hotel");
        assertEquals(4, tuesday.get("covers").asInt(), "the cancelled table of six does not count");
        assertEquals(0, tuesday.get("appointments").asInt());
        assertEquals(1, days.get(1).get("roomsOccupied").asInt(), "the second night");
        assertEquals(1, days.get(1).get("appointments").asInt());
        assertEquals(0, days.get(2).get("roomsOccupied").asInt(), "the departure day is no night");

        RawHttp.Response xlsx = manager.get("/api/staff/reports.xlsx?from=2026-03-10&to=2026-03-12");
        assertEquals(200, xlsx.status());
        assertTrue(xlsx.header("Content-Disposition").contains("concierge-report-2026-03-10-to-2026-03-12.xlsx"));
        byte[] bytes = manager.getBytes("/api/staff/reports.xlsx?from=2026-03-10&to=2026-03-12");
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(bytes))) {
            assertEquals("Summary", book.getSheetName(0));
            var sheet = book.getSheet("Days");
            var header = sheet.getRow(0);
            java.util.List<String> columns = new java.util.ArrayList<>();
            header.forEach(cell -> columns.add(cell.getStringCellValue()));
            assertEquals(
                    List.of(
                            "Date",
                            "Conversations kiosk",
                            "Conversations web",
                            "Handoffs",
                            "Rooms occupied",
                            "Rooms",
                            "Occupancy",
                            "Covers",
                            "Appointments"),
                    columns);
            var first = sheet.getRow(1);
            assertEquals(
                    java.time.LocalDate.of(2026, 3, 10),
                    first.getCell(0).getLocalDateTimeCellValue().toLocalDate());
            assertEquals(4.0, first.getCell(7).getNumericCellValue());
            assertEquals(1.0 / 45, first.getCell(6).getNumericCellValue(), 1e-9);
        }
        assertEquals(
                403,
                server.http()
                        .bearer(server.tokenFor("front_desk"))
                        .get("/api/staff/reports.xlsx")
                        .status());
    }

    @Test
    void conversationsAreCountedByChannelAndLanguage() {
        chat("web", "Hi, what time is check-out?");
        chat("web", "¿Hay aparcamiento?");
        chat("api", "¿A qué hora es el desayuno?");

        JsonNode conversations = report(TODAY).path("conversations");

        assertEquals(3, conversations.path("total").asInt(), conversations.toString());
        assertEquals(2, conversations.at("/byChannel/web").asInt(), conversations.toString());
        assertEquals(1, conversations.at("/byChannel/api").asInt());
        assertEquals(1, conversations.at("/byLanguage/en").asInt());
        assertEquals(2, conversations.at("/byLanguage/es").asInt());
    }

    @Test
    void theMostAskedQuestionsAndTheOnesNobodyCouldAnswer() {
        chat("web", "Is there parking?");
        chat("web", "¿Hay aparcamiento?");
        chat("web", "What time is check-out?");
        chat("web", "Do you have a helipad for my helicopter?");

        JsonNode report = report(TODAY);

        JsonNode top = report.path("topQuestions");
        assertEquals("parking", top.at("/0/entryId").asText(), top.toString());
        assertEquals(2, top.at("/0/count").asInt());
        assertTrue(top.at("/0/question").asText().contains("parking"), top.toString());
        assertEquals("checkout-time", top.at("/1/entryId").asText(), top.toString());
        JsonNode unanswered = report.path("unanswered");
        assertEquals(1, unanswered.size(), unanswered.toString());
        assertEquals(
                "Do you have a helipad for my helicopter?",
                unanswered.at("/0/text").asText());
        assertEquals("en", unanswered.at("/0/language").asText());
    }

    @Test
    void aBookingMadeInAChatIsACompletedTaskAndALeftOrderIsAbandonedWhereItStopped() {
        chat(
                "web",
                "Book a massage tomorrow at 10am, I'm Ana López, ana@example.com",
                "yes",
                "Can I order two club sandwiches to room 12?",
                "Actually, I'd like to book a table for dinner");

        JsonNode tasks = report(TODAY).path("tasks");

        JsonNode booking = task(tasks, "book_service");
        assertEquals(1, booking.path("completed").asInt(), tasks.toString());
        assertEquals(0, booking.path("abandoned").asInt(), tasks.toString());
        JsonNode order = task(tasks, "order");
        assertEquals(0, order.path("completed").asInt(), tasks.toString());
        assertEquals(1, order.path("abandoned").asInt(), tasks.toString());
        assertEquals(1, order.at("/abandonedAt/payment").asInt(), tasks.toString());
    }

    @Test
    void aFormLeftQuietForADayCountsAsAbandonedAtTheQuestionItWasAsking() {
        String id = chat("web", "I'd like to book a massage tomorrow at 10am");
        assertEquals(0, report(TODAY).path("tasks").size(), "a form under way is neither done nor left yet");

        server.dsl()
                .update(CONVERSATION)
                .set(CONVERSATION.LAST_MESSAGE_AT, OffsetDateTime.parse("2026-03-09T08:00:00Z"))
                .where(CONVERSATION.ID.eq(id))
                .execute();
        JsonNode booking = task(report("from=2026-03-01&to=2026-03-10").path("tasks"), "book_service");

        assertEquals(1, booking.path("abandoned").asInt(), booking.toString());
        assertEquals(1, booking.at("/abandonedAt/name").asInt(), booking.toString());
    }

    private static JsonNode task(JsonNode tasks, String name) {
        for (JsonNode task : tasks) {
            if (task.path("task").asText().equals(name)) {
                return task;
            }
        }
        throw new AssertionError("no " + name + " in " + tasks);
    }

    @Test
    void handoffsWithTheirReasonsAndHowFastStaffAnsweredAndResolved() {
        String asked = chat("web", "Hello", "I want to talk to a person");
        chat("web", "Hello there");
        chat("web", "this is useless, terrible service");
        RawHttp desk = server.http().bearer(server.tokenFor("front_desk"));
        assertEquals(
                200,
                desk.postJson("/api/staff/conversations/" + asked + "/messages", "{\"text\": \"Hi, I'm Marta.\"}")
                        .status());
        assertEquals(
                200,
                desk.postJson("/api/staff/conversations/" + asked + "/release", "{}")
                        .status());
        // the clock stands still: the guest asked at 11:40, was answered at 11:45 and released at 12:00 (venue time)
        server.dsl()
                .update(CONVERSATION)
                .set(CONVERSATION.HANDOFF_AT, OffsetDateTime.parse("2026-03-10T10:40:00Z"))
                .where(CONVERSATION.ID.eq(asked))
                .execute();
        server.dsl()
                .update(MESSAGE)
                .set(MESSAGE.CREATED_AT, OffsetDateTime.parse("2026-03-10T10:45:00Z"))
                .where(MESSAGE.CONVERSATION_ID.eq(asked))
                .and(MESSAGE.ROLE.eq("staff"))
                .execute();

        JsonNode report = report(TODAY);

        JsonNode handoffs = report.path("handoffs");
        assertEquals(2, handoffs.path("count").asInt(), handoffs.toString());
        assertEquals(2.0 / 3, handoffs.path("rate").asDouble(), 1e-9);
        assertEquals(1, handoffs.at("/byReason/request").asInt(), handoffs.toString());
        assertEquals(1, handoffs.at("/byReason/frustration").asInt(), handoffs.toString());
        JsonNode staff = report.path("staff");
        assertEquals(1, staff.path("answered").asInt(), staff.toString());
        assertEquals(5 * 60, staff.path("medianFirstResponseSeconds").asLong(), staff.toString());
        assertEquals(1, staff.path("resolved").asInt(), staff.toString());
        assertEquals(20 * 60, staff.path("medianResolutionSeconds").asLong(), staff.toString());
    }

    @Test
    void staffAnsweringUnaskedIsAHandoffOfItsOwn() {
        String id = chat("web", "Hi, what time is check-out?");
        RawHttp desk = server.http().bearer(server.tokenFor("front_desk"));
        desk.postJson("/api/staff/conversations/" + id + "/messages", "{\"text\": \"Hello from the desk!\"}");

        assertEquals(1, report(TODAY).at("/handoffs/byReason/staff").asInt());
    }

    @Test
    void guestsRateTheirConversationAndASecondRatingReplacesTheFirst() {
        String pleased = chat("web", "What time is check-out?");
        String displeased = chat("web", "Is there parking?");
        String changedMind = chat("web", "Is there a gym?");
        rate(pleased, "up");
        rate(displeased, "down");
        rate(changedMind, "down");
        rate(changedMind, "up");

        JsonNode satisfaction = report(TODAY).path("satisfaction");

        assertEquals(2, satisfaction.path("up").asInt(), satisfaction.toString());
        assertEquals(1, satisfaction.path("down").asInt(), satisfaction.toString());
        assertEquals(2.0 / 3, satisfaction.path("score").asDouble(), 1e-9);
    }

    private void rate(String conversationId, String rating) {
        RawHttp.Response response =
                website.postJson("/api/chat/" + conversationId + "/rating", "{\"rating\": \"" + rating + "\"}");
        assertEquals(204, response.status(), response.body());
    }

    @Test
    void aBadRatingOrAnUnknownConversationChangesNothing() {
        String id = chat("web", "What time is check-out?");

        RawHttp.Response bad = website.postJson("/api/chat/" + id + "/rating", "{\"rating\": \"meh\"}");
        RawHttp.Response unknown = website.postJson("/api/chat/no-such-conversation/rating", "{\"rating\": \"up\"}");

        assertEquals(400, bad.status(), bad.body());
        assertTrue(bad.json().at("/error/fields/rating").isTextual(), bad.body());
        assertEquals(404, unknown.status(), unknown.body());
        JsonNode satisfaction = report(TODAY).path("satisfaction");
        assertEquals(
                0, satisfaction.path("up").asInt() + satisfaction.path("down").asInt());
        assertFalse(satisfaction.hasNonNull("score"), "no score without ratings: " + satisfaction);
    }

    @Test
    void aConversationBelongsToTheDayItStarted() {
        String lastWeek = chat("web", "Is there parking?");
        chat("web", "What time is check-out?");
        server.dsl()
                .update(CONVERSATION)
                .set(CONVERSATION.CREATED_AT, OffsetDateTime.parse("2026-03-03T09:00:00Z"))
                .where(CONVERSATION.ID.eq(lastWeek))
                .execute();

        assertEquals(1, report(TODAY).at("/conversations/total").asInt());
        assertEquals(
                2,
                report("from=2026-03-03&to=2026-03-10")
                        .at("/conversations/total")
                        .asInt());
        JsonNode defaults = report("");
        assertEquals("2026-02-09", defaults.path("from").asText(), "the last 30 days by default");
        assertEquals("2026-03-10", defaults.path("to").asText());
        assertEquals(2, defaults.at("/conversations/total").asInt());
    }

    @Test
    void onlyManagersSeeReportsAndABadPeriodIsA400() {
        RawHttp desk = server.http().bearer(server.tokenFor("front_desk"));

        assertEquals(403, desk.get("/api/staff/reports").status());
        assertEquals(401, server.http().get("/api/staff/reports").status());
        RawHttp.Response backwards = manager.get("/api/staff/reports?from=2026-03-10&to=2026-03-01");
        assertEquals(400, backwards.status());
        assertTrue(backwards.json().at("/error/fields/from").isTextual(), backwards.body());
        RawHttp.Response notADate = manager.get("/api/staff/reports?from=yesterday");
        assertEquals(400, notADate.status());
        assertTrue(notADate.json().at("/error/fields/from").isTextual(), notADate.body());
        assertEquals(
                400,
                manager.get("/api/staff/reports?from=2024-01-01&to=2026-03-10").status());
    }
}
