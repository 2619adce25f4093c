package dev.concierge.crm;

import static dev.concierge.jooq.Tables.CONTACT;
import static dev.concierge.jooq.Tables.ORDERS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.app.ServerSettings;
import dev.concierge.app.TestServer;
import dev.concierge.testing.RawHttp;
import dev.concierge.testing.RawHttp.Response;
import dev.concierge.testing.VenueBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Managers download the CRM as XLSX or CSV: typed, filtered, and safe to open in a spreadsheet app. */
class ContactExportIT {
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    private static final List<String> HEADERS = List.of(
            "Name",
            "Email",
            "Phone",
            "Language",
            "Intent",
            "Notes",
            "Consent",
            "Consent given",
            "Consent source",
            "Source",
            "Bookings",
            "Spent",
            "Created",
            "Updated");
    private static final String EVIL_NAME = "=HYPERLINK(\"http://x\",\"y\")";
    private static final String ANA_NOTES = "Likes \"quiet\" rooms, high floor\nAllergic to nuts";

    @TempDir
    Path dataDir;

    private TestServer server;
    private RawHttp desk;
    private String managerToken;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @BeforeEach
    void start() {
        Path venue = VenueBuilder.smallHotel().writeTo(dataDir.resolveSibling(dataDir.getFileName() + "-venue.yaml"));
        server = TestServer.start(ServerSettings.defaults(dataDir)
                .withDemo(true)
                .withVenueFile(venue)
                .withFrozenNow(LocalDateTime.of(2026, 3, 9, 9, 0)));
        desk = server.http().bearer(server.tokenFor("front_desk"));
        managerToken = server.tokenFor("manager");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theSpreadsheetHasATypedRowPerContactUnderABoldFrozenFilteredHeader() throws IOException {
        anaWithTwoBookingsConsentAndOrders();
        evilGuest();

        HttpResponse<byte[]> response = download("/api/staff/contacts/export.xlsx", managerToken);

        assertEquals(200, response.statusCode());
        assertEquals(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(
                "attachment; filename=\"contacts-2026-03-09.xlsx\"",
                response.headers().firstValue("Content-Disposition").orElseThrow(),
                "named after the venue's day");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            assertEquals(1, workbook.getNumberOfSheets());
            XSSFSheet sheet = workbook.getSheet("Contacts");
            Row header = sheet.getRow(0);
            List<String> headers = new ArrayList<>();
            header.forEach(cell -> headers.add(cell.getStringCellValue()));
            assertEquals(HEADERS, headers);
            assertTrue(workbook.getFontAt(header.getCell(0).getCellStyle().getFontIndex())
                    .getBold());
            PaneInformation pane = sheet.getPaneInformation();
            assertTrue(pane.isFreezePane());
            assertEquals(1, pane.getHorizontalSplitPosition(), "the header row stays in view");
            assertEquals(0, pane.getVerticalSplitPosition());
            assertEquals("A1:N3", sheet.getCTWorksheet().getAutoFilter().getRef());
            assertEquals(24 * 256, sheet.getColumnWidth(0));
            assertEquals(3, sheet.getPhysicalNumberOfRows(), "the header and two contacts, oldest first");

            Row row = sheet.getRow(1);
            assertEquals("Ana López", row.getCell(0).getStringCellValue());
            assertEquals("ana@x.com", row.getCell(1).getStringCellValue());
            assertEquals("+34612000300", row.getCell(2).getStringCellValue(), "a text cell: E.164 as it is");
            assertEquals(CellType.STRING, row.getCell(2).getCellType());
            assertEquals("Spa weekend", row.getCell(4).getStringCellValue());
            assertEquals(ANA_NOTES, row.getCell(5).getStringCellValue());
            assertEquals(CellType.BOOLEAN, row.getCell(6).getCellType());
            assertTrue(row.getCell(6).getBooleanCellValue());
            assertDateTime(LocalDateTime.of(2026, 3, 8, 18, 30), row.getCell(7));
            assertEquals("kiosk", row.getCell(8).getStringCellValue());
            assertEquals("console", row.getCell(9).getStringCellValue());
            assertEquals(CellType.NUMERIC, row.getCell(10).getCellType());
            assertEquals(2, row.getCell(10).getNumericCellValue());
            assertEquals(CellType.NUMERIC, row.getCell(11).getCellType());
            assertEquals(24.50, row.getCell(11).getNumericCellValue(), 1e-9, "delivered 24.50; cancelled not counted");
            assertEquals("#,##0.00 \"EUR\"", row.getCell(11).getCellStyle().getDataFormatString());
            assertDateTime(LocalDateTime.of(2026, 3, 9, 9, 0), row.getCell(12));
            assertDateTime(LocalDateTime.of(2026, 3, 9, 9, 0), row.getCell(13));

            Row evil = sheet.getRow(2);
            assertEquals(CellType.STRING, evil.getCell(0).getCellType(), "never a formula cell");
            assertEquals("'" + EVIL_NAME, evil.getCell(0).getStringCellValue());
            assertEquals("'@SUM(1)", evil.getCell(5).getStringCellValue());
            assertEquals("'-2+3", evil.getCell(4).getStringCellValue());
            assertFalse(evil.getCell(6).getBooleanCellValue());
            assertNull(evil.getCell(7), "no consent: no date");
            assertEquals(1, evil.getCell(10).getNumericCellValue());
            assertEquals(0, evil.getCell(11).getNumericCellValue());
        }
    }

    @Test
    void theCsvIsRfc4180Utf8WithABomAndNothingInItRunsAsAFormula() {
        anaWithTwoBookingsConsentAndOrders();
        evilGuest();

        HttpResponse<byte[]> response = download("/api/staff/contacts/export.csv", managerToken);

        assertEquals(200, response.statusCode());
        assertEquals(
                "text/csv; charset=utf-8",
                response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(
                "attachment; filename=\"contacts-2026-03-09.csv\"",
                response.headers().firstValue("Content-Disposition").orElseThrow());
        byte[] bytes = response.body();
        assertArrayEquals(
                new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                Arrays.copyOf(bytes, 3),
                "a UTF-8 byte order mark first");
        String csv = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertTrue(csv.startsWith(String.join(",", HEADERS) + "\r\n"), csv);
        assertTrue(csv.endsWith("\r\n"));
        assertTrue(
                csv.contains(",\"Likes \"\"quiet\"\" rooms, high floor\nAllergic to nuts\","),
                "a comma, quotes and a line break in a field: quoted, quotes doubled; " + csv);
        String withoutCrlf = csv.replace("\r\n", "");
        assertEquals(3, (csv.length() - withoutCrlf.length()) / 2, "three records, each ended by CRLF");
        assertEquals(
                withoutCrlf.indexOf("\nAllergic"),
                withoutCrlf.lastIndexOf('\n'),
                "the only other line break is the one inside the quoted note");
        assertFalse(withoutCrlf.contains("\r"));
        assertTrue(csv.contains(",'+34612000300,"), "a leading + would be a formula in a spreadsheet app");
        assertTrue(csv.contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\","), csv);
        assertTrue(csv.contains(",'@SUM(1),"), csv);

        List<CSVRecord> records = parse(csv);
        assertEquals(2, records.size());
        CSVRecord ana = records.get(0);
        assertEquals("Ana López", ana.get("Name"));
        assertEquals("true", ana.get("Consent"));
        assertEquals("2026-03-08T18:30:00+01:00", ana.get("Consent given"), "ISO-8601 in the venue's zone");
        assertEquals("2", ana.get("Bookings"));
        assertEquals("24.50", ana.get("Spent"));
        assertEquals("2026-03-09T09:00:00+01:00", ana.get("Created"));
        assertEquals(ANA_NOTES, ana.get("Notes"));
        CSVRecord evil = records.get(1);
        assertEquals("'" + EVIL_NAME, evil.get("Name"));
        assertEquals("'-2+3", evil.get("Intent"));
        assertEquals("false", evil.get("Consent"));
        assertEquals("", evil.get("Consent given"));
        assertEquals("0.00", evil.get("Spent"));
    }

    @Test
    void fromToAndConsentPickContactsByTheVenueLocalDayTheyWereCreated() throws IOException {
        createdAt(contact("Before"), LocalDateTime.of(2026, 3, 1, 23, 30));
        // 00:30 in Madrid is still 1 March in UTC: the venue's day counts
        long firstDay = createdAt(contact("First day"), LocalDateTime.of(2026, 3, 2, 0, 30));
        createdAt(contact("Last day"), LocalDateTime.of(2026, 3, 5, 23, 59));
        long after = createdAt(contact("After"), LocalDateTime.of(2026, 3, 6, 0, 0));
        server.dsl()
                .update(CONTACT)
                .set(CONTACT.CONSENT, true)
                .where(CONTACT.ID.in(firstDay, after))
                .execute();

        assertEquals(List.of("Before", "First day", "Last day", "After"), csvNames(""));
        assertEquals(List.of("First day", "Last day"), csvNames("?from=2026-03-02&to=2026-03-05"));
        assertEquals(List.of("Last day", "After"), csvNames("?from=2026-03-03"));
        assertEquals(List.of("Before"), csvNames("?to=2026-03-01"));
        assertEquals(List.of("First day", "After"), csvNames("?consent=true"));
        assertEquals(List.of("After"), csvNames("?from=2026-03-03&consent=true"));
        assertEquals(List.of(), csvNames("?from=2026-03-07"));

        HttpResponse<byte[]> nobody = download("/api/staff/contacts/export.xlsx?from=2026-03-07", managerToken);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(nobody.body()))) {
            XSSFSheet sheet = workbook.getSheet("Contacts");
            assertEquals(1, sheet.getPhysicalNumberOfRows(), "the header alone");
            assertEquals("A1:N1", sheet.getCTWorksheet().getAutoFilter().getRef());
        }
        HttpResponse<byte[]> twoDays =
                download("/api/staff/contacts/export.xlsx?from=2026-03-02&to=2026-03-05", managerToken);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(twoDays.body()))) {
            XSSFSheet sheet = workbook.getSheet("Contacts");
            assertEquals(3, sheet.getPhysicalNumberOfRows());
            assertEquals("First day", sheet.getRow(1).getCell(0).getStringCellValue());
            assertEquals("Last day", sheet.getRow(2).getCell(0).getStringCellValue());
        }
    }

    @Test
    void badFiltersAreRefusedWithAMessagePerField() {
        RawHttp manager = server.http().bearer(managerToken);
        for (String format : List.of("xlsx", "csv")) {
            Response bad =
                    manager.get("/api/staff/contacts/export." + format + "?from=2026-13-01&to=yesterday&consent=yes");
            assertEquals(400, bad.status(), bad.body());
            assertEquals("invalid_request", bad.errorCode());
            JsonNode fields = bad.json().at("/error/fields");
            assertEquals("must be a date like 2026-03-10", fields.path("from").asText());
            assertEquals("must be a date like 2026-03-10", fields.path("to").asText());
            assertEquals(
                    "must be true (leave it out to export everyone)",
                    fields.path("consent").asText());

            Response backwards = manager.get("/api/staff/contacts/export." + format + "?from=2026-03-05&to=2026-03-01");
            assertEquals(400, backwards.status(), backwards.body());
            assertEquals(
                    "must not be before from",
                    backwards.json().at("/error/fields/to").asText());
        }
    }

    @Test
    void onlyManagersAndOwnersMayExport() {
        contact("Ana");
        for (String format : List.of("xlsx", "csv")) {
            String path = "/api/staff/contacts/export." + format;
            assertEquals(401, server.http().get(path).status());
            Response frontDesk = desk.get(path);
            assertEquals(403, frontDesk.status(), frontDesk.body());
            assertTrue(frontDesk.header("Content-Type").startsWith("application/json"));
            assertEquals(200, download(path, server.tokenFor("owner")).statusCode());
            assertEquals(200, download(path, managerToken).statusCode());
        }
    }

    // --- contacts made through the API; what it cannot set yet is set in the database

    private long anaWithTwoBookingsConsentAndOrders() {
        long ana =
                book("{\"serviceId\": \"massage-60\", \"start\": \"2026-03-10T10:00\", \"partySize\": 1, \"contact\":"
                        + " {\"name\": \"Ana López\", \"email\": \"ana@x.com\", \"phone\": \"+34 612 000 300\"}}");
        long again = book("{\"serviceId\": \"dinner\", \"start\": \"2026-03-10T20:00\", \"partySize\": 2, \"contact\":"
                + " {\"name\": \"Ana\", \"email\": \"ANA@x.com\"}}");
        assertEquals(ana, again);
        server.dsl()
                .update(CONTACT)
                .set(CONTACT.CONSENT, true)
                .set(
                        CONTACT.CONSENT_AT,
                        LocalDateTime.of(2026, 3, 8, 18, 30).atZone(MADRID).toOffsetDateTime())
                .set(CONTACT.CONSENT_SOURCE, "kiosk")
                .set(CONTACT.INTENT, "Spa weekend")
                .set(CONTACT.NOTES, ANA_NOTES)
                .set(CONTACT.LANGUAGE, "es")
                .where(CONTACT.ID.eq(ana))
                .execute();
        order(ana, "OR-1", "delivered", 2450);
        order(ana, "OR-2", "cancelled", 1000);
        return ana;
    }

    private long evilGuest() {
        long evil = book("{\"serviceId\": \"massage-60\", \"start\": \"2026-03-10T11:00\", \"partySize\": 1,"
                + " \"contact\": {\"name\": " + new ObjectMapper().valueToTree(EVIL_NAME)
                + ", \"email\": \"e@x.com\"}}");
        server.dsl()
                .update(CONTACT)
                .set(CONTACT.NOTES, "@SUM(1)")
                .set(CONTACT.INTENT, "-2+3")
                .where(CONTACT.ID.eq(evil))
                .execute();
        return evil;
    }

    private long contact(String name) {
        String email = name.toLowerCase(java.util.Locale.ROOT).replace(' ', '.') + "@x.com";
        // one booking each; dinner has covers for many
        return book("{\"serviceId\": \"dinner\", \"start\": \"2026-03-10T20:00\", \"partySize\": 2, \"contact\":"
                + " {\"name\": \"" + name + "\", \"email\": \"" + email + "\"}}");
    }

    private long createdAt(long contact, LocalDateTime venueLocal) {
        server.dsl()
                .update(CONTACT)
                .set(CONTACT.CREATED_AT, venueLocal.atZone(MADRID).toOffsetDateTime())
                .where(CONTACT.ID.eq(contact))
                .execute();
        return contact;
    }

    private long book(String body) {
        Response response = desk.postJson("/api/staff/bookings", body);
        assertEquals(201, response.status(), response.body());
        return response.json().path("contactId").asLong();
    }

    private void order(long contact, String reference, String status, long total) {
        OffsetDateTime now = OffsetDateTime.now(server.server().clock());
        server.dsl()
                .insertInto(ORDERS)
                .set(ORDERS.REFERENCE, reference)
                .set(ORDERS.STATUS, status)
                .set(ORDERS.PAYMENT_METHOD, "desk")
                .set(ORDERS.PAYMENT_STATUS, "paid")
                .set(ORDERS.TOTAL, total)
                .set(ORDERS.CURRENCY, "EUR")
                .set(ORDERS.CONTACT_ID, contact)
                .set(ORDERS.SOURCE, "console")
                .set(ORDERS.CREATED_AT, now)
                .set(ORDERS.UPDATED_AT, now)
                .execute();
    }

    // --- downloads

    private HttpResponse<byte[]> download(String path, String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.uri() + path))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private List<String> csvNames(String query) {
        HttpResponse<byte[]> response = download("/api/staff/contacts/export.csv" + query, managerToken);
        assertEquals(200, response.statusCode(), query);
        String csv = new String(response.body(), StandardCharsets.UTF_8).substring(1); // after the BOM
        return parse(csv).stream().map(r -> r.get("Name")).toList();
    }

    /** The records under the header, by column name. */
    private static List<CSVRecord> parse(String csv) {
        try {
            return CSVFormat.RFC4180
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(new StringReader(csv))
                    .getRecords();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void assertDateTime(LocalDateTime expected, Cell cell) {
        assertEquals(CellType.NUMERIC, cell.getCellType());
        assertTrue(DateUtil.isCellDateFormatted(cell), "a date format on the cell");
        assertEquals(expected, cell.getLocalDateTimeCellValue());
    }
}
