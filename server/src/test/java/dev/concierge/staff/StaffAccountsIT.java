package dev.concierge.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concierge.app.TestServer;
import dev.concierge.testing.RawHttp;
import dev.concierge.testing.RawHttp.Response;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Staff accounts over HTTP: owners manage every account, managers only the front desk; stopping an account or a new
 * password ends its sessions at once; the last owner stays.
 */
class StaffAccountsIT {
    @TempDir
    Path dataDir;

    private TestServer server;
    private RawHttp owner;
    private RawHttp manager;

    @BeforeEach
    void start() {
        server = TestServer.demo(dataDir);
        owner = server.http().bearer(server.tokenFor("owner"));
        manager = server.http().bearer(server.tokenFor("manager"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String account(String email, String role) {
        return "{\"email\": \"" + email + "\", \"name\": \"Pau Ferrer\", \"role\": \"" + role
                + "\", \"password\": \"a long first password\"}";
    }

    private Response login(String email, String password) {
        return server.http()
                .postJson("/api/staff/login", "{\"email\": \"" + email + "\", \"password\": \"" + password + "\"}");
    }

    private long idOf(String email) {
        for (JsonNode account : owner.get("/api/staff/accounts").json()) {
            if (account.get("email").asText().equals(email)) {
                return account.get("id").asLong();
            }
        }
        throw new AssertionError("no account " + email);
    }

    @Test
    void anOwnerAddsStaffWhoCanSignInAndTheListNeverShowsAPassword() {
        Response made = owner.postJson("/api/staff/accounts", account("pau@miramar.example", "manager"));
        assertEquals(201, made.status(), made.body());
        assertEquals("manager", made.json().get("role").asText());
        assertTrue(made.json().get("active").asBoolean());

        assertEquals(200, login("pau@miramar.example", "a long first password").status());
        Response list = owner.get("/api/staff/accounts");
        assertEquals(4, list.json().size(), list.body());
        assertFalse(list.body().contains("password"), list.body());
        assertEquals(
                "account_exists",
                owner.postJson("/api/staff/accounts", account("PAU@miramar.example", "front_desk"))
                        .errorCode());
        Response bad = owner.postJson("/api/staff/accounts", "{\"email\": \"pau\", \"role\": \"boss\"}");
        assertEquals(400, bad.status());
        assertTrue(bad.json().at("/error/fields/role").isTextual(), bad.body());
        assertTrue(bad.json().at("/error/fields/email").isTextual(), bad.body());
        assertEquals(
                403,
                server.http()
                        .bearer(server.tokenFor("front_desk"))
                        .get("/api/staff/accounts")
                        .status());
    }

    @Test
    void aManagerManagesTheFrontDeskOnly() {
        assertEquals(
                201,
                manager.postJson("/api/staff/accounts", account("nil@miramar.example", "front_desk"))
                        .status());
        Response higher = manager.postJson("/api/staff/accounts", account("eva@miramar.example", "manager"));
        assertEquals(403, higher.status(), higher.body());
        assertEquals("role_too_high", higher.errorCode());
        long nil = idOf("nil@miramar.example");
        assertEquals(
                "role_too_high",
                manager.send("PATCH", "/api/staff/accounts/" + nil, "application/json", "{\"role\": \"manager\"}")
                        .errorCode());
        assertEquals(
                403,
                manager.send(
                                "PATCH",
                                "/api/staff/accounts/" + idOf("owner@miramar.example"),
                                "application/json",
                                "{\"active\": false}")
                        .status());
        assertEquals(
                "front_desk",
                owner.get("/api/staff/accounts").json().findParents("email").stream()
                        .filter(a -> a.get("email").asText().equals("nil@miramar.example"))
                        .findFirst()
                        .orElseThrow()
                        .get("role")
                        .asText(),
                "unchanged by the refused move");
    }

    @Test
    void stoppingAnAccountOrANewPasswordEndsItsSessionsAtOnce() {
        String[] desk = server.demoLogin("front_desk");
        RawHttp signedIn =
                server.http().bearer(login(desk[0], desk[1]).json().get("token").asText());
        long id = idOf(desk[0]);

        Response stopped =
                manager.send("PATCH", "/api/staff/accounts/" + id, "application/json", "{\"active\": false}");
        assertEquals(200, stopped.status(), stopped.body());
        assertFalse(stopped.json().get("active").asBoolean());
        assertEquals(401, signedIn.get("/api/staff/me").status(), "the session ended with the account");
        assertEquals(401, login(desk[0], desk[1]).status());

        manager.send("PATCH", "/api/staff/accounts/" + id, "application/json", "{\"active\": true}");
        RawHttp again =
                server.http().bearer(login(desk[0], desk[1]).json().get("token").asText());
        assertEquals(200, again.get("/api/staff/me").status());
        Response changed = manager.send(
                "PATCH", "/api/staff/accounts/" + id, "application/json", "{\"password\": \"a new long password\"}");
        assertEquals(200, changed.status(), changed.body());
        assertEquals(401, again.get("/api/staff/me").status());
        assertEquals(401, login(desk[0], desk[1]).status());
        assertEquals(200, login(desk[0], "a new long password").status());
        assertEquals(
                400,
                manager.send("PATCH", "/api/staff/accounts/" + id, "application/json", "{\"password\": \"short\"}")
                        .status());
    }

    @Test
    void theLastOwnerCanBeNeitherStoppedNorDemoted() {
        long first = idOf("owner@miramar.example");
        for (String change : new String[] {"{\"active\": false}", "{\"role\": \"manager\"}"}) {
            Response refused = owner.send("PATCH", "/api/staff/accounts/" + first, "application/json", change);
            assertEquals(409, refused.status(), refused.body());
            assertEquals("last_owner", refused.errorCode());
        }

        owner.postJson("/api/staff/accounts", account("marta@miramar.example", "owner"));
        Response demoted =
                owner.send("PATCH", "/api/staff/accounts/" + first, "application/json", "{\"role\": \"manager\"}");
        assertEquals(200, demoted.status(), demoted.body());
        assertEquals("manager", demoted.json().get("role").asText());
    }
}
