package dev.concierge.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.app.ServerSettings;
import dev.concierge.app.TestServer;
import dev.concierge.testing.RawHttp;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The owner's support bundle: logs, versions, settings, health and backups, and no guest or secret in any of it. */
class SupportBundleIT {
    private static final String STRIPE_KEY = "sk_test_local_9f3a";
    private static final String GUEST_EMAIL = "marta.vidal@example.com";
    private static final String GUEST_PHONE = "+34 622 456 789";

    @TempDir
    Path dataDir;

    private TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start(
                ServerSettings.defaults(dataDir).withDemo(true).withFrozenNow(LocalDateTime.of(2026, 3, 9, 9, 0)));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<byte[]> download(String token) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(server.uri().resolve("/api/staff/support-bundle"))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static Map<String, String> entries(byte[] zip) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }

    /** A log file rolled over before masking existed: the guest, a password field and the key in plain text. */
    private void writeAnOldUnmaskedLogFile() throws IOException {
        String lines = "{\"@timestamp\":\"2026-03-01T10:00:00Z\",\"level\":\"INFO\",\"message\":\"Booked for "
                + GUEST_EMAIL + " " + GUEST_PHONE + "\",\"password\":\"hunter2-hunter2\"}\n"
                + "plain text line: Stripe key " + STRIPE_KEY + " for " + GUEST_EMAIL + "\n";
        Path old = dataDir.resolve("logs").resolve("concierge.2026-03-01.0.log.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(old))) {
            out.write(lines.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void theOwnerDownloadsLogsVersionsSettingsHealthAndBackupsWithoutGuestsOrSecrets() throws Exception {
        RawHttp owner = server.http().bearer(server.tokenFor("owner"));
        RawHttp.Response stored = owner.send(
                "PUT",
                "/api/staff/integrations",
                "application/json",
                "{\"values\": {\"STRIPE_SECRET_KEY\": \"" + STRIPE_KEY + "\"}}");
        assertEquals(200, stored.status(), stored.body());
        RawHttp.Response booked = server.http()
                .bearer(server.tokenFor("front_desk"))
                .postJson(
                        "/api/staff/bookings",
                        "{\"serviceId\": \"massage-60\", \"start\": \"2026-03-10T10:00\", \"partySize\": 1,"
                                + " \"contact\": {\"name\": \"Marta Vidal\", \"email\": \"" + GUEST_EMAIL
                                + "\", \"phone\": \"" + GUEST_PHONE + "\"}}");
        assertEquals(201, booked.status(), booked.body());
        // PostgreSQL is backed up with pg_dump: the appliance's backups are for its embedded database
        boolean postgres = TestServer.onPostgres();
        assertEquals(
                postgres ? 503 : 201, owner.postJson("/api/staff/backups", "{}").status());
        writeAnOldUnmaskedLogFile();

        HttpResponse<byte[]> response = download(server.tokenFor("owner"));

        assertEquals(200, response.statusCode());
        assertEquals(
                "application/zip", response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(
                "attachment; filename=\"concierge-support-2026-03-09-0900.zip\"",
                response.headers().firstValue("Content-Disposition").orElseThrow());
        Map<String, String> entries = entries(response.body());
        assertTrue(
                entries.keySet()
                        .containsAll(java.util.List.of(
                                "versions.json",
                                "settings.json",
                                "health.json",
                                "backups.json",
                                "logs/concierge.log",
                                "logs/concierge.2026-03-01.0.log")),
                entries.keySet().toString());

        ObjectMapper json = new ObjectMapper();
        JsonNode versions = json.readTree(entries.get("versions.json"));
        assertEquals(
                System.getProperty("java.version"), versions.at("/java/version").asText());
        assertEquals(
                postgres ? "PostgreSQL" : "H2", versions.at("/database/product").asText());
        assertTrue(versions.at("/database/schemaVersion").asInt() >= 22, versions.toString());
        assertTrue(versions.has("uptimeSeconds") && versions.at("/os/name").isTextual(), versions.toString());

        JsonNode settings = json.readTree(entries.get("settings.json"));
        JsonNode stripe = null;
        for (JsonNode setting : settings.get("integrations")) {
            if (setting.get("name").asText().equals("STRIPE_SECRET_KEY")) {
                stripe = setting;
            }
        }
        assertEquals(
                "{\"name\":\"STRIPE_SECRET_KEY\",\"secret\":true,\"source\":\"console\",\"set\":true}",
                String.valueOf(stripe));
        assertEquals("Europe/Madrid", settings.at("/venue/timezone").asText());
        assertEquals(
                30, settings.at("/venue/settings/conversationRetentionDays").asInt());

        assertEquals(
                "ok", json.readTree(entries.get("health.json")).get("status").asText());
        JsonNode backups = json.readTree(entries.get("backups.json")).path("backups");
        if (postgres) {
            assertEquals(0, backups.size(), backups.toString());
        } else {
            assertEquals("manual", backups.at("/0/kind").asText());
        }

        String old = entries.get("logs/concierge.2026-03-01.0.log");
        assertTrue(old.contains("Booked for [REDACTED]"), old);
        assertTrue(json.readTree(old.lines().findFirst().orElseThrow()).isObject(), old);
        for (Map.Entry<String, String> entry : entries.entrySet()) {
            String text = entry.getValue();
            for (String leak :
                    new String[] {STRIPE_KEY, "9f3a", GUEST_EMAIL, "marta.vidal", "622 456 789", "hunter2"}) {
                assertFalse(text.contains(leak), entry.getKey() + " holds " + leak + ":\n" + text);
            }
        }
    }

    @Test
    void onlyOwnersGetTheBundle() throws Exception {
        assertEquals(403, download(server.tokenFor("manager")).statusCode());
        HttpResponse<byte[]> desk = download(server.tokenFor("front_desk"));
        assertEquals(403, desk.statusCode());
        assertEquals(
                "forbidden",
                new ObjectMapper().readTree(desk.body()).at("/error/code").asText());
        assertEquals(401, download("cst_not_a_token").statusCode());
    }
}
