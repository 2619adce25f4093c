package dev.concierge.console.guests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.api.ApiClient;
import dev.concierge.api.BookingView;
import dev.concierge.api.Contact;
import dev.concierge.api.ContactDetails;
import dev.concierge.api.OrderRequest;
import dev.concierge.api.OrderView;
import dev.concierge.api.ReservationRequest;
import dev.concierge.console.Connection.DemoAccount;
import dev.concierge.console.ConsoleSettings;
import dev.concierge.console.ConsoleTestServer;
import dev.concierge.console.ConsoleWindow;
import dev.concierge.console.ConsoleWindows;
import dev.concierge.console.files.SaveLocation;
import dev.concierge.testing.FakeGoogle;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Guests screen against a real server (demo venue, clock frozen at 2026-03-10T09:00, Google Sheets a local fake):
 * guests made by bookings and an order over HTTP, searched, opened, changed, given consent, merged, exported to a
 * spreadsheet read back with POI, and erased, each checked at the server.
 */
class GuestsViewIT {
    private static final String SPREADSHEET = "1GuestsSpreadsheet";
    private static final TypeReference<List<Contact>> CONTACTS = new TypeReference<>() {};

    @TempDir
    Path temp;

    @RegisterExtension
    final ConsoleWindows windows = new ConsoleWindows();

    @Test
    void aManagerFindsAGuestChangesThemMergesTheirDuplicateExportsAndErasesThem() throws Exception {
        try (FakeGoogle google = FakeGoogle.start()) {
            Map<String, String> environment = new HashMap<>(google.serverEnvironment("unused", SPREADSHEET));
            environment.remove("GOOGLE_CALENDAR_ID");
            try (ConsoleTestServer server = ConsoleTestServer.start(temp.resolve("data"), environment)) {
                ApiClient desk = server.client("front_desk");
                BookingView massage = desk.post(
                        "/api/staff/bookings",
                        slot(
                                "massage-60",
                                "2026-03-10T10:00",
                                new ContactDetails("Lena Berg", "lena@example.com", null)),
                        BookingView.class);
                // the same guest again, by phone only: a second contact of the same name
                OrderView breakfast = desk.post(
                        "/api/staff/orders",
                        new OrderRequest(
                                List.of(new OrderRequest.Line("full-breakfast", 2)),
                                "107",
                                null,
                                new OrderRequest.Payment("desk"),
                                new ContactDetails("Lena Berg", null, "+34 600 111 222"),
                                null),
                        OrderView.class);
                desk.post(
                        "/api/staff/bookings",
                        slot(
                                "tennis-court",
                                "2026-03-10T17:00",
                                new ContactDetails("Tom Reed", "tom@example.com", null)),
                        BookingView.class);
                long lena = contactId(desk, "lena@example.com");
                Path exports = Files.createDirectories(temp.resolve("exports"));
                ConsoleWindow console = open(server, "manager", exports);

                console.robot().push(new KeyCodeCombination(KeyCode.DIGIT5, KeyCombination.SHORTCUT_DOWN));
                @SuppressWarnings("unchecked")
                TableView<GuestRow> table = console.find("#guests-table", TableView.class);
                console.waitUntil("the three guests", () -> table.getItems().size() == 3);
                assertEquals(
                        List.of("Tom Reed", "Lena Berg", "Lena Berg"),
                        console.onFx(() ->
                                table.getItems().stream().map(GuestRow::name).toList()),
                        "newest first");
                GuestRow tom = console.onFx(() -> table.getItems().get(0));
                assertEquals("tom@example.com", tom.email());
                assertEquals("not given", tom.consent());
                assertEquals("console", tom.source());
                assertEquals("10 Mar 2026, 09:00", tom.updated(), "the frozen 09:00, venue time");
                console.waitUntil(
                        "the Sheets line",
                        () -> console.text("#guests-sync").startsWith("Google Sheets: up to date · last copied"));
                console.assertEveryControlIsNamed();
                console.screenshot("guests.png");

                // the search as you type: by e-mail, then the table by the keyboard
                console.robot().push(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN));
                console.robot().write("lena@example");
                console.waitUntil("the search's answer", () -> table.getItems().size() == 1);
                console.robot().type(KeyCode.ENTER); // to the table, first guest selected
                console.robot().type(KeyCode.ENTER); // open
                console.waitUntil("the details", () -> console.showing("#guest-name"));
                assertEquals("Lena Berg", console.text("#guest-name"));
                console.waitUntil("their booking", () -> console.showing("#guest-bookings-0"));
                assertTrue(console.text("#guest-bookings-0").startsWith(massage.reference() + " · 60-minute massage"));
                assertEquals("No orders.", console.text("#guest-orders-none"), "the order went to the other Lena");
                assertEquals("No consent recorded", console.text("#guest-consent"));
                console.assertEveryControlIsNamed();
                console.screenshot("guests-details.png");

                // a change the server refuses shows beside its field; then one it takes
                console.robot().type(KeyCode.E);
                console.waitUntil("the form", () -> console.showing("#guest-form"));
                console.robot().clickOn("#guest-phone-field").write("12");
                console.robot().type(KeyCode.ENTER);
                console.waitUntil("the phone's error", () -> console.showing("#guest-error-phone"));
                assertTrue(console.text("#guest-error-phone").startsWith("phone "), console.text("#guest-error-phone"));
                console.assertEveryControlIsNamed();
                console.screenshot("guests-form-error.png");
                console.change(() -> console.find("#guest-phone-field", TextInputControl.class)
                        .clear());
                console.robot().clickOn("#guest-intent-field").write("Spa weekend in April");
                console.robot().type(KeyCode.ENTER);
                console.waitUntil("saved", () -> console.text("#guests-notice").equals("Saved Lena Berg."));
                assertEquals("Spa weekend in April", contact(desk, lena).intent());
                console.waitUntil("the details again", () -> console.showing("#guest-intent"));

                // consent, as its own action, recorded with its time and channel
                console.robot().clickOn("#guest-consent-give");
                console.waitUntil(
                        "the consent",
                        () -> console.text("#guest-consent").equals("Consent given 10 Mar 2026, 09:00 at the desk"));
                Contact consented = contact(desk, lena);
                assertTrue(consented.consent());
                assertEquals("console", consented.consentSource());
                console.waitUntil(
                        "the table's consent",
                        () -> "given"
                                .equals(console.onFx(
                                        () -> table.getItems().get(0).consent())));

                // the spreadsheet, saved in the PC's export folder and read back
                console.robot().clickOn("#guests-export");
                console.waitUntil(
                        "the spreadsheet saved",
                        () -> console.text("#guests-export-status").startsWith("Saved "));
                Path xlsx = exports.resolve(
                        "contacts-" + java.time.LocalDate.now(java.time.ZoneId.of("Europe/Madrid")) + ".xlsx");
                assertTrue(console.text("#guests-export-status").endsWith(xlsx.toString()), "the path is shown");
                List<List<String>> rows = read(xlsx);
                assertEquals(List.of("Name", "Email", "Phone"), rows.get(0).subList(0, 3));
                assertEquals(
                        List.of(
                                List.of("Lena Berg", "lena@example.com", "", "Spa weekend in April", "TRUE"),
                                List.of("Lena Berg", "", "+34600111222", "", "FALSE"),
                                List.of("Tom Reed", "tom@example.com", "", "", "FALSE")),
                        rows.subList(1, rows.size()).stream()
                                .map(row -> List.of(row.get(0), row.get(1), row.get(2), row.get(4), row.get(6)))
                                .toList(),
                        "a row per guest, oldest first: name, e-mail, phone, intent, consent");

                // the duplicate of the same name, merged in after a confirmation
                console.change(table::requestFocus);
                console.robot().type(KeyCode.M);
                console.waitUntil("the choice of a duplicate", () -> console.showing("#guest-merge-chooser"));
                @SuppressWarnings("unchecked")
                ListView<GuestRow> candidates = console.find("#guest-merge-candidates", ListView.class);
                console.waitUntil("the other Lena", () -> candidates.getItems().size() == 1);
                assertEquals(
                        "+34600111222",
                        console.onFx(() -> candidates.getItems().get(0).phone()));
                console.robot().type(KeyCode.ENTER);
                console.waitUntil("the confirmation", () -> console.showing("#guest-merge-confirmation"));
                assertTrue(console.text("#guest-merge-question").startsWith("Merge Lena Berg · — · +34600111222"));
                console.assertEveryControlIsNamed();
                console.screenshot("guests-merge-confirmation.png");
                console.robot().type(KeyCode.ENTER);
                console.waitUntil(
                        "the merge", () -> console.text("#guests-notice").contains("one guest now"));
                List<Contact> lenas = desk.get("/api/staff/contacts?q=lena", CONTACTS);
                assertEquals(1, lenas.size(), "one Lena at the server");
                assertEquals("+34600111222", lenas.get(0).phone(), "her phone, from the duplicate");
                console.waitUntil("her order with her", () -> console.showing("#guest-orders-0"));
                assertTrue(console.text("#guest-orders-0").startsWith(breakfast.reference() + " · "));
                assertEquals(
                        "+34600111222",
                        console.onFx(() -> table.getItems().get(0).phone()));
                console.screenshot("guests-merged.png");

                // everything held about her, as the GDPR export's JSON
                console.robot().clickOn("#guest-export-data");
                console.waitUntil(
                        "her data saved",
                        () -> console.text("#guests-export-status").contains("personal-data-lena-berg"));
                JsonNode data = new ObjectMapper()
                        .readTree(
                                exports.resolve("personal-data-lena-berg.json").toFile());
                assertEquals("Lena Berg", data.get("contact").get("name").asText());
                assertEquals(
                        massage.reference(),
                        data.get("bookings").get(0).get("reference").asText());
                assertEquals(
                        breakfast.reference(),
                        data.get("orders").get(0).get("reference").asText());

                // the erasure wants her name typed
                console.robot().clickOn("#guest-erase");
                console.waitUntil("the erasure's question", () -> console.showing("#guest-erase-confirmation"));
                console.robot().write("Lena");
                assertTrue(console.find("#guest-erase-confirm", Button.class).isDisabled(), "half her name");
                console.robot().type(KeyCode.ENTER);
                assertEquals(1, desk.get("/api/staff/contacts?q=lena", CONTACTS).size(), "nobody erased yet");
                console.robot().write(" Berg");
                console.waitUntil(
                        "the erase button",
                        () -> !console.find("#guest-erase-confirm", Button.class)
                                .isDisabled());
                console.assertEveryControlIsNamed();
                console.screenshot("guests-erase-confirmation.png");
                console.robot().type(KeyCode.ENTER);
                console.waitUntil(
                        "the erasure", () -> console.text("#guests-notice").contains("is erased"));
                assertTrue(desk.get("/api/staff/contacts?q=lena", CONTACTS).isEmpty(), "gone at the server");
                console.waitUntil("gone from the table", () -> table.getItems().isEmpty());
                console.robot().push(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN));
                console.robot().type(KeyCode.BACK_SPACE);
                console.waitUntil("the others", () -> table.getItems().size() == 1);
                assertEquals(
                        "Tom Reed", console.onFx(() -> table.getItems().get(0).name()));
                console.screenshot("guests-erased.png");
            }
        }
    }

    @Test
    void theFrontDeskSeesTheGuestButNeitherExportsNorErases() throws Exception {
        try (ConsoleTestServer server = ConsoleTestServer.start(temp.resolve("data"))) {
            ApiClient desk = server.client("front_desk");
            desk.post(
                    "/api/staff/bookings",
                    slot("massage-60", "2026-03-10T10:00", new ContactDetails("Lena Berg", "lena@example.com", null)),
                    BookingView.class);
            ConsoleWindow console = open(server, "front_desk", null);

            console.robot().push(new KeyCodeCombination(KeyCode.DIGIT5, KeyCombination.SHORTCUT_DOWN));
            @SuppressWarnings("unchecked")
            TableView<GuestRow> table = console.find("#guests-table", TableView.class);
            console.waitUntil("the guest", () -> table.getItems().size() == 1);
            console.change(() -> {
                table.requestFocus();
                table.getSelectionModel().selectFirst();
            });
            console.waitUntil("the details", () -> console.showing("#guest-name"));
            console.waitUntil(
                    "the Sheets line", () -> console.text("#guests-sync").equals("Google Sheets is not set up."));

            assertFalse(console.showing("#guests-export"), "no spreadsheet for the front desk");
            assertFalse(console.showing("#guest-erase"));
            assertFalse(console.showing("#guest-export-data"));
            assertEquals(
                    "Exporting or erasing a guest's personal data is for a manager or the owner.",
                    console.text("#guest-gdpr-reason"));
            assertTrue(console.showing("#guest-merge"), "merging is the desk's");
            console.assertEveryControlIsNamed();
            console.screenshot("guests-front-desk.png");
        }
    }

    /** Signs in as the demo account of {@code role}; with {@code exportFolder} this PC saves exports there. */
    private ConsoleWindow open(
            ConsoleTestServer server, String role, @org.jspecify.annotations.Nullable Path exportFolder)
            throws Exception {
        Path settings = temp.resolve("settings-" + role);
        if (exportFolder != null) {
            new ConsoleSettings(settings).put(SaveLocation.EXPORT_FOLDER, exportFolder.toString());
        }
        DemoAccount account = server.account(role);
        ConsoleWindow console = windows.open(settings, "--server", server.uri().toString());
        console.signIn(account.email(), account.password());
        console.waitForShell();
        return console;
    }

    private static long contactId(ApiClient desk, String email) {
        List<Contact> found = desk.get("/api/staff/contacts?q=" + email.replace("@", "%40"), CONTACTS);
        assertEquals(1, found.size());
        return found.get(0).id();
    }

    private static Contact contact(ApiClient desk, long id) {
        return desk.get("/api/staff/contacts/" + id, Contact.class);
    }

    /** Every row of the first sheet, each cell as Excel would show it. */
    private static List<List<String>> read(Path xlsx) throws Exception {
        DataFormatter format = new DataFormatter();
        List<List<String>> rows = new ArrayList<>();
        try (InputStream in = Files.newInputStream(xlsx);
                Workbook workbook = WorkbookFactory.create(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            int width = sheet.getRow(0).getLastCellNum();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int column = 0; column < width; column++) {
                    Cell cell = row.getCell(column);
                    cells.add(cell == null ? "" : format.formatCellValue(cell));
                }
                rows.add(cells);
            }
        }
        return rows;
    }

    private static ReservationRequest slot(String service, String start, ContactDetails contact) {
        return new ReservationRequest(service, start, 1, null, null, null, null, contact, null, "confirmed");
    }
}
