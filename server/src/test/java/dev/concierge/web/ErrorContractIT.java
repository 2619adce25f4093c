package dev.concierge.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concierge.app.ServerSettings;
import dev.concierge.app.TestServer;
import dev.concierge.testing.RawHttp;
import dev.concierge.testing.RawHttp.Response;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad request gets the JSON error shape of the contract, with per-field messages where it can. */
class ErrorContractIT {
    @TempDir
    static Path dataDir;

    private static TestServer server;
    private static RawHttp http;

    @BeforeAll
    static void start() {
        server = TestServer.start(ServerSettings.defaults(dataDir).withDemo(true));
        http = server.http();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anUnknownRouteIsA404InJson() {
        Response response = http.get("/api/no-such-thing");

        assertEquals(404, response.status());
        assertEquals("not_found", response.errorCode());
        assertTrue(response.header("Content-Type").startsWith("application/json"), response.header("Content-Type"));
    }

    @Test
    void aBodyThatIsNotJsonIs415() {
        Response response = http.send("POST", "/api/staff/login", "text/plain", "email=a@b.c&password=x");

        assertEquals(415, response.status());
        assertEquals("unsupported_media_type", response.errorCode());
    }

    @Test
    void aBodyTooLargeIs413() throws Exception {
        String huge = "{\"email\":\"" + "a".repeat((int) WebServer.MAX_BODY_BYTES) + "\",\"password\":\"x\"}";

        // Over a plain socket: the headers announce the huge body, the server answers 413 on them without reading
        // it. (Sending the whole body with an HTTP client races the server's early answer and close: the client may
        // see a reset instead of the 413.)
        try (java.net.Socket socket =
                new java.net.Socket("127.0.0.1", server.server().port())) {
            socket.setSoTimeout(10_000);
            var out = socket.getOutputStream();
            out.write(("POST /api/staff/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                            + "Content-Length: " + huge.length() + "\r\n\r\n" + huge.substring(0, 1000))
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.flush();
            String answer =
                    new String(socket.getInputStream().readNBytes(400), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            String rest = answer
                    + new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(rest.contains("\"payload_too_large\""), rest);
        }
    }

    @Test
    void malformedJsonIs400() {
        Response response = http.postJson("/api/staff/login", "{\"email\": \"a@b.c\", ");

        assertEquals(400, response.status());
        assertEquals("malformed_json", response.errorCode());
        assertEquals(
                "is not valid JSON", response.json().at("/error/fields/body").asText());
    }

    @Test
    void missingFieldsAreNamedOneByOne() {
        Response response = http.postJson("/api/staff/login", "{}");

        assertEquals(400, response.status());
        assertEquals("invalid_request", response.errorCode());
        JsonNode fields = response.json().at("/error/fields");
        assertEquals("is required", fields.path("email").asText());
        assertEquals("is required", fields.path("password").asText());
    }

    @Test
    void aWrongTypeNamesTheField() {
        Response response = http.postJson("/api/staff/login", "{\"email\": 42, \"password\": \"x\"}");

        assertEquals(400, response.status());
        assertEquals("must be text", response.json().at("/error/fields/email").asText());
    }

    @Test
    void anUnknownFieldIsRefused() {
        Response response =
                http.postJson("/api/staff/login", "{\"email\": \"a@b.c\", \"password\": \"x\", \"admin\": true}");

        assertEquals(400, response.status());
        assertEquals(
                "is not a known field",
                response.json().at("/error/fields/admin").asText());
    }

    @Test
    void aNullOrEmptyBodyIsRefused() {
        assertEquals(400, http.postJson("/api/staff/login", "null").status());
        Response empty = http.send("POST", "/api/staff/login", null, null);
        assertEquals(400, empty.status());
        assertEquals(
                "is required: send a JSON object",
                empty.json().at("/error/fields/body").asText());
    }

    @Test
    void badFieldsInAListAreNamedWithTheirIndex() {
        String token = server.tokenFor("manager");

        Response response = http.bearer(token)
                .postJson(
                        "/api/staff/keys", "{\"name\": \"Website\", \"origins\": [\"https://ok.example\", \"nope\"]}");

        assertEquals(400, response.status());
        assertEquals(
                "must be an origin like https://www.example.com",
                response.json().at("/error/fields/origins[1]").asText());
        assertFalse(response.json().at("/error/fields").has("origins[0]"));
    }

    @Test
    void aBadRequestChangesNothing() {
        String token = server.tokenFor("manager");
        int before = server.client().withStaffToken(token).publicKeys().size();

        http.bearer(token).postJson("/api/staff/keys", "{\"name\": \"\", \"origins\": []}");
        http.bearer(token).postJson("/api/staff/keys", "{\"name\": \"Site\", \"origins\": \"https://a.example\"}");

        assertEquals(before, server.client().withStaffToken(token).publicKeys().size());
    }
}
