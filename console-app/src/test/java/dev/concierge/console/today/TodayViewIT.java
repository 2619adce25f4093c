package dev.concierge.console.today;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.api.ApiClient;
import dev.concierge.api.BookingUpdate;
import dev.concierge.api.BookingView;
import dev.concierge.api.ContactDetails;
import dev.concierge.api.OrderRequest;
import dev.concierge.api.OrderView;
import dev.concierge.api.ReservationRequest;
import dev.concierge.console.Connection.DemoAccount;
import dev.concierge.console.ConsoleTestServer;
import dev.concierge.console.ConsoleWindow;
import dev.concierge.console.ConsoleWindows;
import dev.concierge.testing.Ports;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Today against a real server. A departure must have arrived before today, and the server refuses bookings in the
 * past, so the stay is made and checked in on a server frozen a day earlier, then the same data opens on the test day.
 */
class TodayViewIT {
    private static final LocalDate TODAY = ConsoleTestServer.NOW.toLocalDate();

    @TempDir
    Path temp;

    @RegisterExtension
    final ConsoleWindows windows = new ConsoleWindows();

    @Test
    void checksAnArrivalInAndADepartureOutWithTheKeyboard() throws Exception {
        Path data = temp.resolve("data");
        int port = Ports.closed();
        List<DemoAccount> accounts;
        BookingView leaving;
        try (ConsoleTestServer yesterday =
                ConsoleTestServer.start(data, port, ConsoleTestServer.NOW.minusDays(1), List.of())) {
            accounts = yesterday.accounts();
            ApiClient desk = yesterday.client("front_desk");
            leaving = book(desk, stay("Lena Vogel", TODAY.minusDays(1), TODAY));
            desk.patch(
                    "/api/staff/bookings/" + leaving.id(),
                    new BookingUpdate("checked_in", "108", null, null, null, null, null, null),
                    BookingView.class);
        }
        try (ConsoleTestServer server = ConsoleTestServer.start(data, port, ConsoleTestServer.NOW, accounts)) {
            ApiClient desk = server.client("front_desk");
            BookingView arriving = book(desk, stay("Ana García", TODAY, TODAY.plusDays(2)));
            book(
                    desk,
                    new ReservationRequest(
                            "massage-60",
                            TODAY + "T10:00",
                            1,
                            null,
                            null,
                            null,
                            null,
                            new ContactDetails("Marc Puig", "marc@example.com", null),
                            null,
                            "confirmed"));
            desk.post(
                    "/api/staff/orders",
                    new OrderRequest(
                            List.of(new OrderRequest.Line("full-breakfast", 1)),
                            "108",
                            null,
                            new OrderRequest.Payment("room"),
                            null,
                            null),
                    OrderView.class);

            DemoAccount account = server.account("front_desk");
            ConsoleWindow console = windows.open(
                    temp.resolve("settings"), "--server", server.uri().toString());
            console.signIn(account.email(), account.password());
            console.waitForShell();
            @SuppressWarnings("unchecked")
            ListView<TodayItem> arrivals = console.find("#arrivals", ListView.class);
            @SuppressWarnings("unchecked")
            ListView<TodayItem> departures = console.find("#departures", ListView.class);
            @SuppressWarnings("unchecked")
            ListView<TodayItem> appointments = console.find("#appointments", ListView.class);
            console.waitUntil("today's sections", () -> arrivals.getItems().size() == 1);
            assertEquals("Tuesday 10 March 2026", console.text("#today-date"));
            assertEquals(List.of(leaving.reference()), references(console, departures));
            assertEquals(
                    "10:00 60-minute massage",
                    console.onFx(() -> appointments.getItems().get(0).title()));
            assertEquals("1 open order, 1 new.", console.text("#open-orders"));
            console.assertEveryControlIsNamed();
            console.screenshot("today.png");

            // check in: Enter on the arrival, the room number, Enter
            console.robot().clickOn("Ana García");
            console.robot().type(KeyCode.ENTER);
            console.waitUntil("the room number asked", () -> console.showing("#check-in-pane"));
            console.screenshot("today-check-in.png");
            console.robot().write("107").type(KeyCode.ENTER);
            console.waitUntil(
                    "the check-in", () -> console.text("#today-notice").contains("checked in"));
            BookingView checkedIn = desk.get("/api/staff/bookings/" + arriving.id(), BookingView.class);
            assertEquals("checked_in", checkedIn.status());
            assertEquals("107", checkedIn.roomNumber());

            // check out: Enter on the departure shows the folio's balance, Enter checks out
            console.robot().clickOn("Lena Vogel · room 108");
            console.robot().type(KeyCode.ENTER);
            console.waitUntil("the folio", () -> console.text("#folio-balance").contains("outstanding"));
            assertEquals(
                    "22.00 EUR outstanding of 22.00 EUR (1 charge); checking out settles it.",
                    console.text("#folio-balance"));
            console.screenshot("today-check-out.png");
            console.robot().type(KeyCode.ENTER);
            console.waitUntil(
                    "the check-out", () -> console.text("#today-notice").contains("checked out"));
            assertEquals(
                    "checked_out",
                    desk.get("/api/staff/bookings/" + leaving.id(), BookingView.class)
                            .status());
            console.waitUntil("the departure gone", () -> departures.getItems().isEmpty());

            console.robot().clickOn("#open-orders-screen");
            console.waitUntil("the order queue", () -> console.showing("#orders-table"));
            assertTrue(console.showing("#orders"));
        }
    }

    private static ReservationRequest stay(String guest, LocalDate in, LocalDate out) {
        return new ReservationRequest(
                null,
                null,
                null,
                "double",
                in,
                out,
                2,
                new ContactDetails(
                        guest, guest.split(" ")[0].toLowerCase(java.util.Locale.ROOT) + "@example.com", null),
                null,
                "confirmed");
    }

    private static BookingView book(ApiClient desk, ReservationRequest request) {
        return desk.post("/api/staff/bookings", request, BookingView.class);
    }

    private static List<String> references(ConsoleWindow console, ListView<TodayItem> list) {
        return console.onFx(
                () -> list.getItems().stream().map(TodayItem::reference).toList());
    }
}
