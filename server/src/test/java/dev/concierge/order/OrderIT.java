package dev.concierge.order;

import static dev.concierge.jooq.Tables.ORDERS;
import static dev.concierge.jooq.Tables.OUTBOX;
import static dev.concierge.testing.VenueBuilder.list;
import static dev.concierge.testing.VenueBuilder.map;
import static dev.concierge.testing.VenueBuilder.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concierge.api.PublicKeyRequest;
import dev.concierge.app.ServerSettings;
import dev.concierge.app.TestServer;
import dev.concierge.testing.RawHttp;
import dev.concierge.testing.RawHttp.Response;
import dev.concierge.testing.VenueBuilder;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Orders over HTTP: a small menu with serving hours, the desk's queue, payments apart, and room charges. */
class OrderIT {
    @TempDir
    Path dataDir;

    private TestServer server;
    private RawHttp desk;
    private RawHttp website;

    private void startAt(LocalDateTime now) {
        Path venue = VenueBuilder.smallHotel()
                .set(
                        "menu",
                        list(
                                item("club-sandwich", "Club sandwich", "room-service", 1450, "11:00-23:00"),
                                item("breakfast", "Continental breakfast", "breakfast", 1800, "07:00-11:00"),
                                item("mojito", "Mojito", "bar", 950, "18:00-02:00"),
                                item("water", "Still water", "room-service", 300, null)))
                .writeTo(dataDir.resolveSibling(dataDir.getFileName() + "-venue.yaml"));
        server = TestServer.start(ServerSettings.defaults(dataDir)
                .withDemo(true)
                .withVenueFile(venue)
                .withFrozenNow(now));
        desk = server.http().bearer(server.tokenFor("front_desk"));
        String key = server.client()
                .withStaffToken(server.tokenFor("manager"))
                .createPublicKey(new PublicKeyRequest("Website", List.of()))
                .key();
        website = server.http().with("X-Concierge-Key", key);
    }

    private static Object item(String id, String name, String category, long price, String available) {
        var item = map("id", id, "name", text(name, name), "category", category, "price", price);
        if (available != null) {
            item.put("available", available);
        }
        return item;
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String order(String items, String payment, String extra) {
        return "{\"items\": [" + items + "], \"payment\": {\"method\": \"" + payment + "\"}" + extra + "}";
    }

    private static String line(String itemId, int quantity) {
        return "{\"itemId\": \"" + itemId + "\", \"quantity\": " + quantity + "}";
    }

    private JsonNode placed(RawHttp client, String path, String body) {
        Response response = client.postJson(path, body);
        assertEquals(201, response.status(), response.body());
        return response.json();
    }

    private Response patch(long id, String body) {
        return desk.send("PATCH", "/api/staff/orders/" + id, "application/json", body);
    }

    @Test
    void theTotalIsTheSumOfQuantityTimesTheMenuPriceInMinorUnits() {
        startAt(LocalDateTime.of(2026, 3, 10, 12, 0));

        JsonNode order = placed(
                desk,
                "/api/staff/orders",
                order(line("club-sandwich", 2) + ", " + line("water", 3), "desk", ", \"roomNumber\": \"305\""));

        assertEquals(2 * 1450 + 3 * 300, order.at("/total/amount").asLong());
        assertEquals("EUR", order.at("/total/currency").asText());
        assertEquals("Club sandwich", order.at("/items/0/name").asText());
        assertEquals(1450, order.at("/items/0/unitPrice/amount").asLong());
        assertEquals(3, order.at("/items/1/quantity").asInt());
        assertEquals("new", order.path("status").asText());
        assertEquals("desk", order.at("/payment/method").asText());
        assertEquals("unpaid", order.at("/payment/status").asText());
        assertEquals("305", order.path("roomNumber").asText(), "delivery to a room paid at the desk needs no stay");
        assertEquals("console", order.path("source").asText());
        assertTrue(order.path("reference").asText().matches("[A-Z]{2}-[A-Z2-9]{4}"));
        assertTrue(server.dsl()
                .fetchExists(
                        OUTBOX,
                        OUTBOX.IDEMPOTENCY_KEY.eq(
                                "order.created:" + order.path("reference").asText() + ":1")));
    }

    @Test
    void anItemOutsideItsServingHoursCannotBeOrdered() {
        startAt(LocalDateTime.of(2026, 3, 10, 9, 30));

        Response lunchAtBreakfast = desk.postJson(
                "/api/staff/orders", order(line("breakfast", 1) + ", " + line("club-sandwich", 1), "desk", ""));

        assertEquals(422, lunchAtBreakfast.status());
        assertEquals("not_served_now", lunchAtBreakfast.errorCode());
        assertTrue(
                lunchAtBreakfast.json().at("/error/message").asText().contains("Club sandwich is served 11:00–23:00"),
                lunchAtBreakfast.body());
        assertEquals(0, server.dsl().fetchCount(ORDERS), "nothing of a refused order is kept");
        placed(desk, "/api/staff/orders", order(line("breakfast", 2), "desk", ""));
    }

    @Test
    void aWindowPastMidnightServesAfterMidnight() {
        startAt(LocalDateTime.of(2026, 3, 11, 1, 15));

        placed(desk, "/api/staff/orders", order(line("mojito", 2), "desk", ""));
        assertEquals(
                "not_served_now",
                desk.postJson("/api/staff/orders", order(line("breakfast", 1), "desk", ""))
                        .errorCode());
    }

    @Test
    void badOrdersAreRefusedFieldByFieldAndChangeNothing() {
        startAt(LocalDateTime.of(2026, 3, 10, 12, 0));

        Response empty = desk.postJson("/api/staff/orders", order("", "desk", ""));
        Response zero =
                desk.postJson("/api/staff/orders", order(line("water", 0) + ", " + line("water", -2), "desk", ""));
        Response unknown =
                desk.postJson("/api/staff/orders", order(line("water", 1) + ", " + line("caviar", 1), "desk", ""));
        Response method = desk.postJson("/api/staff/orders", order(line("water", 1), "bitcoin", ""));
        Response noRoom = desk.postJson("/api/staff/orders", order(line("water", 1), "room", ""));
        Response text = desk.postJson(
                "/api/staff/orders",
                "{\"items\": [{\"itemId\": \"water\", \"quantity\": \"two\"}], \"payment\":"
                        + " {\"method\": \"desk\"}}");

        assertEquals("must not be empty", empty.json().at("/error/fields/items").asText());
        assertEquals(
                "must be between 1 and 99",
                zero.json().at("/error/fields/items[0].quantity").asText());
        assertEquals(
                "must be between 1 and 99",
                zero.json().at("/error/fields/items[1].quantity").asText());
        assertEquals(400, unknown.status());
        assertEquals(
                "is not on the menu",
                unknown.json().at("/error/fields/items[1].itemId").asText());
        assertEquals(
                "must be one of card, terminal, room, desk",
                method.json().at("/error/fields/payment.method").asText());
        assertEquals(
                "is required to charge the order to a room",
                noRoom.json().at("/error/fields/roomNumber").asText());
        assertEquals(400, text.status());
        for (Response response : List.of(empty, zero, method, noRoom)) {
            assertEquals(400, response.status(), response.body());
        }
        assertEquals(0, server.dsl().fetchCount(ORDERS));
    }

    @Test
    void anOrderMovesOneStepAtATimeAndItsPaymentApart() {
        startAt(LocalDateTime.of(2026, 3, 10, 12, 0));
        long id = placed(desk, "/api/staff/orders", order(line("water", 1), "desk", ""))
                .path("id")
                .asLong();

        assertEquals(
                "illegal_transition", patch(id, "{\"status\": \"delivered\"}").errorCode(), "new → delivered");
        assertEquals(409, patch(id, "{\"status\": \"delivered\"}").status());
        for (String next : List.of("accepted", "preparing", "delivered")) {
            Response moved = patch(id, "{\"status\": \"" + next + "\"}");
            assertEquals(200, moved.status(), moved.body());
            assertEquals(next, moved.json().path("status").asText());
        }
        assertEquals(
                "unpaid",
                desk.get("/api/staff/orders/" + id).json().at("/payment/status").asText());
        assertEquals(
                "illegal_transition", patch(id, "{\"status\": \"cancelled\"}").errorCode(), "after delivery");
        assertEquals(
                "paid",
                patch(id, "{\"paymentStatus\": \"paid\"}")
                        .json()
                        .at("/payment/status")
                        .asText());
        assertEquals(
                "illegal_payment_transition",
                patch(id, "{\"paymentStatus\": \"unpaid\"}").errorCode());
        assertEquals(400, patch(id, "{\"status\": \"eaten\"}").status());
        assertEquals(404, patch(999_999, "{\"status\": \"accepted\"}").status());

        long other = placed(desk, "/api/staff/orders", order(line("water", 1), "desk", ""))
                .path("id")
                .asLong();
        patch(other, "{\"status\": \"accepted\"}");
        assertEquals(
                "cancelled",
                patch(other, "{\"status\": \"cancelled\"}")
                        .json()
                        .path("status")
                        .asText());
        assertEquals(1, desk.get("/api/staff/orders?status=cancelled").json().size());
        assertEquals(
                2, desk.get("/api/staff/orders?category=room-service").json().size());
        assertEquals(0, desk.get("/api/staff/orders?category=bar").json().size());
        assertEquals(400, desk.get("/api/staff/orders?status=eaten").status());
    }

    @Test
    void aRoomChargeNeedsAGuestCheckedInAndLandsOnTheFolioSettledAtCheckOut() {
        startAt(LocalDateTime.of(2026, 3, 10, 16, 0));
        Response refused = desk.postJson(
                "/api/staff/orders", order(line("club-sandwich", 1), "room", ", \"roomNumber\": \"101\""));
        assertEquals(422, refused.status());
        assertEquals("no_guest_in_room", refused.errorCode());

        JsonNode stay = placed(
                desk,
                "/api/staff/bookings",
                "{\"roomTypeId\": \"double\", \"checkIn\": \"2026-03-10\", \"checkOut\": \"2026-03-12\", \"guests\": 2,"
                        + " \"contact\": {\"name\": \"Lena Berg\", \"email\": \"lena@berg.example\"}}");
        long stayId = stay.path("id").asLong();
        assertEquals(
                200,
                desk.send(
                                "PATCH",
                                "/api/staff/bookings/" + stayId,
                                "application/json",
                                "{\"status\": \"checked_in\", \"roomNumber\": \"101\"}")
                        .status());

        JsonNode sandwich =
                placed(desk, "/api/staff/orders", order(line("club-sandwich", 2), "room", ", \"roomNumber\": \"101\""));
        assertEquals(stayId, sandwich.path("stayId").asLong());
        assertEquals(stay.path("contactId").asLong(), sandwich.path("contactId").asLong(), "the stay's guest");
        Response stranger = website.postJson(
                "/api/orders/create",
                order(
                        line("water", 1),
                        "room",
                        ", \"roomNumber\": \"101\", \"contact\": {\"name\": \"Max Mustermann\"}"));
        assertEquals("not_the_guest_in_room", stranger.errorCode(), "a room number alone charges nobody's room");
        JsonNode fromTheWebsite = placed(
                website,
                "/api/orders/create",
                order(line("water", 2), "room", ", \"roomNumber\": \"101\", \"contact\": {\"name\": \"lena BERG\"}"));
        assertTrue(fromTheWebsite.path("contact").isNull()
                || fromTheWebsite.path("contact").isMissingNode());
        long cancelled = placed(desk, "/api/staff/orders", order(line("water", 1), "room", ", \"roomNumber\": \"101\""))
                .path("id")
                .asLong();
        patch(cancelled, "{\"status\": \"cancelled\"}");

        JsonNode folio = desk.get("/api/staff/bookings/" + stayId + "/folio").json();
        assertEquals(2, folio.path("charges").size(), "a cancelled order is not charged");
        assertEquals(2 * 1450 + 2 * 300, folio.at("/total/amount").asLong());
        assertEquals(2 * 1450 + 2 * 300, folio.at("/outstanding/amount").asLong());
        assertEquals("2 × Club sandwich", folio.at("/charges/0/description").asText());

        Response checkedOut = desk.send(
                "PATCH", "/api/staff/bookings/" + stayId, "application/json", "{\"status\": \"checked_out\"}");
        assertEquals(200, checkedOut.status(), checkedOut.body());
        JsonNode settled = desk.get("/api/staff/bookings/" + stayId + "/folio").json();
        assertEquals(0, settled.at("/outstanding/amount").asLong());
        assertEquals("paid", settled.at("/charges/0/status").asText());
        assertEquals(
                "paid",
                desk.get("/api/staff/orders/" + sandwich.path("id").asLong())
                        .json()
                        .at("/payment/status")
                        .asText());
        assertEquals(
                "no_guest_in_room",
                desk.postJson("/api/staff/orders", order(line("water", 1), "room", ", \"roomNumber\": \"101\""))
                        .errorCode(),
                "after check-out the room takes no charges");
    }

    @Test
    void aGuestOrdersFromTheWebsiteAndConfirmsWithoutSeeingAnyoneElsesDetails() {
        startAt(LocalDateTime.of(2026, 3, 10, 12, 0));

        JsonNode order = placed(
                website,
                "/api/orders/create",
                order(
                        line("club-sandwich", 1),
                        "card",
                        ", \"roomNumber\": \"204\", \"contact\": {\"name\": \"Ana\", \"email\": \"Ana@X.com\"}"));
        Response confirmed = website.postJson(
                "/api/orders/confirm", "{\"orderId\": " + order.path("id").asLong() + "}");

        assertEquals("web", order.path("source").asText());
        assertEquals(200, confirmed.status(), confirmed.body());
        assertEquals(
                order.path("reference").asText(),
                confirmed.json().path("reference").asText());
        assertTrue(!confirmed.body().contains("Ana@X.com") && !confirmed.body().contains("ana@x.com"));
        assertEquals(
                "ana@x.com",
                desk.get("/api/staff/orders/" + order.path("id").asLong())
                        .json()
                        .at("/contact/email")
                        .asText()
                        .toLowerCase());
        assertEquals(400, website.postJson("/api/orders/confirm", "{}").status());
        assertEquals(
                404,
                website.postJson("/api/orders/confirm", "{\"orderId\": 999999}").status());
        assertEquals(
                401,
                server.http()
                        .postJson("/api/orders/create", order(line("water", 1), "desk", ""))
                        .status());
    }
}
