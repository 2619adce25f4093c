package dev.concierge.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concierge.app.ServerSettings;
import dev.concierge.app.TestServer;
import dev.concierge.testing.RawHttp;
import dev.concierge.testing.RawHttp.Response;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first run over HTTP: no default password; the setup code printed at start makes the owner, once. */
class SetupIT {
    private static final Pattern PRINTED_CODE = Pattern.compile("setup code ([A-Z2-9]{4}-[A-Z2-9]{4})");

    @TempDir
    Path dataDir;

    private TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String owner(String code, String password) {
        return "{\"code\": \"" + code + "\", \"name\": \"Marta Soler\", \"email\": \"marta@miramar.example\","
                + " \"password\": \"" + password + "\"}";
    }

    @Test
    void aFreshApplianceMakesItsOwnerWithThePrintedSetupCodeOnce() {
        server = TestServer.start(ServerSettings.defaults(dataDir));
        assertTrue(server.http().get("/api/setup").json().get("needed").asBoolean());
        Matcher printed = PRINTED_CODE.matcher(server.console());
        assertTrue(printed.find(), server.console());
        String code = printed.group(1);
        assertEquals(Optional.of(code), server.server().setupCode(), "what an in-process console is handed");

        Response wrong = server.http().postJson("/api/setup/owner", owner("WXYZ-2345", "a long passphrase"));
        assertEquals(403, wrong.status(), wrong.body());
        assertEquals("invalid_setup_code", wrong.errorCode());
        Response weak = server.http().postJson("/api/setup/owner", owner(code, "short"));
        assertEquals(400, weak.status(), weak.body());
        assertTrue(weak.json().at("/error/fields/password").isTextual(), weak.body());
        assertTrue(server.http().get("/api/setup").json().get("needed").asBoolean(), "nothing was created");

        Response made = server.http().postJson("/api/setup/owner", owner(code.toLowerCase(), "a long passphrase"));
        assertEquals(201, made.status(), made.body());
        assertEquals("owner", made.json().get("role").asText());
        Response me = server.http().bearer(made.json().get("token").asText()).get("/api/staff/me");
        assertEquals("marta@miramar.example", me.json().get("email").asText());

        assertFalse(server.http().get("/api/setup").json().get("needed").asBoolean());
        Response again = server.http().postJson("/api/setup/owner", owner(code, "another long passphrase"));
        assertEquals(409, again.status(), again.body());
        assertEquals("already_set_up", again.errorCode());
        assertEquals(Optional.empty(), server.server().setupCode());
        assertEquals(
                "owner",
                server.client()
                        .login("marta@miramar.example", "a long passphrase")
                        .role());
    }

    private static String basics(String code, String timezone) {
        return "{\"code\": \"" + code + "\", \"venue\": {\"name\": \"Hostal Sol\", \"timezone\": \"" + timezone
                + "\", \"currency\": \"eur\", \"languages\": [\"es\", \"en\"]}}";
    }

    @Test
    void aFirstRunWithoutAVenueFileSetsTheVenueUpOnceAndItsClockFollowsTheZone() {
        server = TestServer.start(
                ServerSettings.defaults(dataDir).withFrozenNow(java.time.LocalDateTime.of(2026, 7, 1, 12, 0)));
        JsonNode status = server.http().get("/api/setup").json();
        assertTrue(status.get("venueNeeded").asBoolean(), status.toString());
        Matcher printed = PRINTED_CODE.matcher(server.console());
        assertTrue(printed.find(), server.console());
        String code = printed.group(1);
        assertTrue(server.console().contains("/setup"), "the headless server prints where to set it up");

        Response wrongCode = server.http().postJson("/api/setup/venue", basics("WXYZ-2345", "Europe/Madrid"));
        assertEquals(403, wrongCode.status(), wrongCode.body());
        Response badZone = server.http().postJson("/api/setup/venue", basics(code, "Mars/Olympus"));
        assertEquals(400, badZone.status(), badZone.body());
        assertTrue(badZone.json().at("/error/fields/venue.timezone").isTextual(), badZone.body());
        Response badFile = server.http()
                .postJson(
                        "/api/setup/venue",
                        "{\"code\": \"" + code + "\", \"venueFile\": \"venue:\\n  name: X\\n  timezone: Nowhere\"}");
        assertEquals(400, badFile.status(), badFile.body());
        assertTrue(badFile.json().at("/error/fields").toString().contains("venueFile.venue."), badFile.body());
        assertTrue(server.http().get("/api/setup").json().get("venueNeeded").asBoolean(), "nothing was stored");

        Response made = server.http().postJson("/api/setup/venue", basics(code, "Europe/Madrid"));

        assertEquals(201, made.status(), made.body());
        assertEquals("Hostal Sol", made.json().get("name").asText());
        assertEquals("EUR", made.json().get("currency").asText());
        assertEquals("2026-07-01T12:00:00+02:00", made.json().get("now").asText(), "the clock is in Madrid's zone now");
        assertFalse(server.http().get("/api/setup").json().get("venueNeeded").asBoolean());
        Response again = server.http().postJson("/api/setup/venue", basics(code, "Europe/Lisbon"));
        assertEquals(409, again.status(), again.body());
        assertEquals("venue_exists", again.errorCode());

        Response owner = server.http().postJson("/api/setup/owner", owner(code, "a long passphrase"));
        assertEquals(201, owner.status(), owner.body());
        Response afterwards = server.http().postJson("/api/setup/venue", basics(code, "Europe/Lisbon"));
        assertEquals(409, afterwards.status(), "the setup code is gone with the first account");
        RawHttp marta = server.http().bearer(owner.json().get("token").asText());
        String yaml = dev.concierge.testing.VenueBuilder.smallHotel()
                .set("venue.name", "Hostal Sol")
                .toYaml();
        Response imported = marta.send(
                "PUT",
                "/api/staff/venue",
                "application/json",
                new com.fasterxml.jackson.databind.ObjectMapper()
                        .createObjectNode()
                        .put("venueFile", yaml)
                        .toString());
        assertEquals(200, imported.status(), imported.body());
        assertEquals(1, imported.json().get("rooms").size(), "the owner imports the whole venue file later");
    }

    @Test
    void anApplianceWithAccountsHasNoSetupCode() {
        server = TestServer.demo(dataDir);

        assertFalse(server.http().get("/api/setup").json().get("needed").asBoolean());
        assertEquals(Optional.empty(), server.server().setupCode());
        assertFalse(server.console().contains("setup code"), server.console());
        assertEquals(
                409,
                server.http()
                        .postJson("/api/setup/owner", owner("ABCD-EFGH", "a long passphrase"))
                        .status());
    }
}
