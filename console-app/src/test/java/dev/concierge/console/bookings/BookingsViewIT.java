package dev.concierge.console.bookings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.concierge.api.ApiClient;
import dev.concierge.api.BookingView;
import dev.concierge.api.ContactDetails;
import dev.concierge.api.ReservationRequest;
import dev.concierge.console.Connection.DemoAccount;
import dev.concierge.console.ConsoleTestServer;
import dev.concierge.console.ConsoleWindow;
import dev.concierge.console.ConsoleWindows;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.GridPane;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The Bookings screen against a real server (demo venue, clock frozen at 2026-03-10T09:00), driven by the keyboard. */
class BookingsViewIT {
    @TempDir
    Path temp;

    @RegisterExtension
    final ConsoleWindows windows = new ConsoleWindows();

    @Test
    void theDayShowsABookingInItsServiceColumnTheSearchFindsItByEmailAndCancelAsksFirst() throws Exception {
        try (ConsoleTestServer server = ConsoleTestServer.start(temp.resolve("data"))) {
            ApiClient desk = server.client("front_desk");
            BookingView massage = desk.post(
                    "/api/staff/bookings",
                    slot("massage-60", "2026-03-10T10:00", new ContactDetails("Lena Berg", "lena@example.com", null)),
                    BookingView.class);
            BookingView tennis = desk.post(
                    "/api/staff/bookings",
                    slot("tennis-court", "2026-03-10T17:00", new ContactDetails("Tom Reed", null, "+44 7700 900123")),
                    BookingView.class);
            BookingView stay = desk.post(
                    "/api/staff/bookings",
                    new ReservationRequest(
                            null,
                            null,
                            null,
                            "junior-suite",
                            LocalDate.of(2026, 3, 11),
                            LocalDate.of(2026, 3, 14),
                            2,
                            new ContactDetails("Mia Costa", "mia@example.com", null),
                            null,
                            "confirmed"),
                    BookingView.class);
            ConsoleWindow console = open(server);

            console.robot().push(new KeyCodeCombination(KeyCode.DIGIT4, KeyCombination.SHORTCUT_DOWN));
            console.waitUntil("the day's timeline", () -> console.showing("#bookings-timeline"));
            assertEquals("Tuesday 10 March 2026", console.text("#bookings-day"), "the venue's today");
            Node block = console.find("#booking-" + massage.reference(), Node.class);
            Node column = console.find("#timeline-service-massage-60", Node.class);
            assertEquals(
                    console.onFx(() -> GridPane.getColumnIndex(column)),
                    console.onFx(() -> GridPane.getColumnIndex(block.getParent())),
                    "the massage sits in the massage column");
            assertEquals("60-minute massage", console.text("#timeline-service-massage-60"), "named, not an id");
            String text = console.onFx(() -> ((Labeled) block).getText());
            assertEquals("10:00–11:00\nLena Berg · 2\nconfirmed", text);
            Node tennisBlock = console.find("#booking-" + tennis.reference(), Node.class);
            assertEquals(
                    console.onFx(
                            () -> GridPane.getColumnIndex(console.find("#timeline-service-tennis-court", Node.class))),
                    console.onFx(() -> GridPane.getColumnIndex(tennisBlock.getParent())));
            console.robot().clickOn("#booking-" + massage.reference());
            console.waitUntil("the details", () -> console.showing("#booking-reference"));
            console.waitUntil("the history", () -> console.showing("#booking-history-0"));
            console.assertEveryControlIsNamed();
            console.screenshot("bookings-day.png");

            console.robot().push(new KeyCodeCombination(KeyCode.RIGHT, KeyCombination.ALT_DOWN));
            console.waitUntil(
                    "the next day", () -> console.text("#bookings-day").equals("Wednesday 11 March 2026"));
            console.waitUntil("the massage gone", () -> !console.showing("#booking-" + massage.reference()));
            console.robot().type(KeyCode.T);
            console.waitUntil(
                    "back to today", () -> console.text("#bookings-day").equals("Tuesday 10 March 2026"));

            console.robot().type(KeyCode.ESCAPE);
            console.waitUntil("the details closed", () -> !console.showing("#bookings-side"));
            console.robot().push(new KeyCodeCombination(KeyCode.R, KeyCombination.ALT_DOWN));
            console.waitUntil("the room grid", () -> console.showing("#bookings-rooms"));
            Node bar = console.find("#bookings-rooms #booking-" + stay.reference(), Node.class);
            assertEquals(3, (int) console.onFx(() -> GridPane.getColumnSpan(bar)), "three nights: 11, 12, 13");
            assertEquals(2, (int) console.onFx(() -> GridPane.getColumnIndex(bar)), "from the grid's second night");
            // scrolled to the junior suites, as a person would, before the picture
            javafx.scene.control.ScrollPane rooms =
                    console.find("#bookings-rooms", javafx.scene.control.ScrollPane.class);
            console.change(() -> {
                double y = bar.getBoundsInParent().getMinY();
                double height = rooms.getContent().getBoundsInLocal().getHeight()
                        - rooms.getViewportBounds().getHeight();
                rooms.setVvalue(Math.min(1, Math.max(0, (y - 80) / height)));
            });
            console.assertEveryControlIsNamed();
            console.screenshot("bookings-rooms.png");

            console.robot().push(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN));
            console.robot().write("lena@example.com");
            console.robot().type(KeyCode.ENTER);
            @SuppressWarnings("unchecked")
            ListView<BookingView> found = console.find("#bookings-found", ListView.class);
            console.waitUntil(
                    "the search's answer",
                    () -> found.isVisible() && found.getItems().size() == 1);
            assertEquals(
                    massage.reference(),
                    console.onFx(() -> found.getItems().get(0).reference()));
            console.change(found::requestFocus);
            console.robot().type(KeyCode.ENTER);
            console.waitUntil(
                    "the booking opened",
                    () -> console.text("#booking-reference").equals(massage.reference()));
            assertTrue(console.text("#booking-contact-email").contains("lena@example.com"));
            console.screenshot("bookings-found.png");

            console.robot().type(KeyCode.C);
            console.waitUntil("the confirmation", () -> console.showing("#booking-cancel-confirmation"));
            console.assertEveryControlIsNamed();
            console.screenshot("bookings-cancel-confirmation.png");
            console.robot().type(KeyCode.ESCAPE);
            console.waitUntil("the confirmation gone", () -> !console.showing("#booking-cancel-confirmation"));
            assertEquals("confirmed", status(desk, massage), "Escape keeps it");
            console.robot().type(KeyCode.C);
            console.waitUntil("the confirmation", () -> console.showing("#booking-cancel-confirmation"));
            console.robot().type(KeyCode.ENTER);
            console.waitUntil(
                    "the cancellation", () -> console.text("#bookings-notice").contains("cancelled"));
            assertEquals("cancelled", status(desk, massage));
            console.waitUntil(
                    "the details' status", () -> console.text("#booking-status").equals("cancelled"));
        }
    }

    @Test
    void theFormBooksOnTheServerAndTheLastUnitTakenOffersAlternativesOnePickBooks() throws Exception {
        try (ConsoleTestServer server = ConsoleTestServer.start(temp.resolve("data"))) {
            ApiClient desk = server.client("front_desk");
            // the facial has one unit: 11:00 is taken before the desk tries it
            BookingView first = desk.post(
                    "/api/staff/bookings",
                    slot("facial-30", "2026-03-10T11:00", new ContactDetails("Ada Byrne", "ada@example.com", null)),
                    BookingView.class);
            ConsoleWindow console = open(server);
            console.robot().push(new KeyCodeCombination(KeyCode.DIGIT4, KeyCombination.SHORTCUT_DOWN));
            console.waitUntil("the day's timeline", () -> console.showing("#bookings-timeline"));

            // a massage through the form, by the keyboard
            console.robot().type(KeyCode.N);
            console.waitUntil("the form", () -> console.showing("#booking-form"));
            @SuppressWarnings("unchecked")
            ListView<BookingForm.Choice> free = console.find("#booking-free", ListView.class);
            console.waitUntil("the free times", () -> !free.getItems().isEmpty());
            assertTrue(console.onFx(() -> free.getItems().get(0).text()).startsWith("10:00 · 2 left"));
            console.robot().write("12:00");
            console.robot().clickOn("#booking-party").eraseText(1).write("2");
            console.robot().clickOn("#booking-name").write("Lena Berg");
            console.robot().clickOn("#booking-email").write("lena@example.com");
            console.assertEveryControlIsNamed();
            console.screenshot("bookings-form.png");
            console.robot().type(KeyCode.ENTER);
            console.waitUntil(
                    "the booking", () -> console.text("#bookings-notice").startsWith("Booked "));
            List<BookingView> lenas = desk.get("/api/staff/bookings?q=lena%40example.com", BOOKINGS);
            assertEquals(1, lenas.size());
            assertEquals("massage-60", lenas.get(0).serviceId());
            assertEquals("2026-03-10T12:00+01:00", lenas.get(0).start().toString());
            assertEquals("confirmed", lenas.get(0).status());
            console.waitUntil(
                    "on the timeline",
                    () -> console.showing("#booking-" + lenas.get(0).reference()));

            // the facial at the taken 11:00: the 409's alternatives, one Enter books the first
            console.robot().type(KeyCode.N);
            console.waitUntil("the form", () -> console.showing("#booking-form"));
            @SuppressWarnings("unchecked")
            ComboBox<String> service = console.find("#booking-service", ComboBox.class);
            console.change(() -> service.setValue("facial-30"));
            console.robot().clickOn("#booking-time").write("11:00");
            console.robot().clickOn("#booking-party").eraseText(1).write("1");
            console.robot().clickOn("#booking-name").write("Ben Ode");
            console.robot().clickOn("#booking-phone").write("+34 600 111 222");
            console.robot().type(KeyCode.ENTER);
            @SuppressWarnings("unchecked")
            ListView<BookingForm.Choice> alternatives = console.find("#booking-alternatives", ListView.class);
            console.waitUntil(
                    "the alternatives",
                    () -> alternatives.isVisible() && !alternatives.getItems().isEmpty());
            assertTrue(
                    console.text("#booking-form-problem").contains("fully booked"),
                    console.text("#booking-form-problem"));
            String offered = console.onFx(() -> alternatives.getItems().get(0).text());
            console.assertEveryControlIsNamed();
            console.screenshot("bookings-alternatives.png");
            console.waitUntil("the first alternative chosen", () -> alternatives.isFocused());
            console.robot().type(KeyCode.ENTER);
            console.waitUntil(
                    "the booking", () -> console.text("#bookings-notice").startsWith("Booked "));
            List<BookingView> bens = desk.get("/api/staff/bookings?q=ben%20ode", BOOKINGS);
            assertEquals(1, bens.size(), "booked once, at the alternative");
            String start = bens.get(0).start().toLocalTime().toString();
            assertTrue(offered.contains(start), offered + " offered, booked at " + start);
            assertTrue(!start.equals("11:00"), "not the taken time");
            assertEquals("confirmed", status(desk, first), "the first guest keeps the unit");
            console.screenshot("bookings-booked.png");

            // E changes the booking just made (it is the one selected): a PATCH of its start
            console.waitUntil(
                    "Ben's booking selected",
                    () -> console.text("#booking-reference").equals(bens.get(0).reference()));
            console.robot().type(KeyCode.E);
            console.waitUntil(
                    "the change form", () -> console.text("#booking-form-title").startsWith("Change "));
            console.robot().clickOn("#booking-time").eraseText(5).write("16:00");
            console.robot().type(KeyCode.ENTER);
            console.waitUntil(
                    "the change", () -> console.text("#bookings-notice").startsWith("Changed "));
            BookingView changed = desk.get("/api/staff/bookings/" + bens.get(0).id(), BookingView.class);
            assertEquals("16:00", changed.start().toLocalTime().toString());
            assertEquals("Ben Ode", changed.contact().name(), "the contact is kept");
        }
    }

    @Test
    void anEditedFormAsksBeforeTheScreenChangesKeepEditingKeepsTheTextDiscardLeaves() throws Exception {
        try (ConsoleTestServer server = ConsoleTestServer.start(temp.resolve("data"))) {
            ApiClient desk = server.client("front_desk");
            ConsoleWindow console = open(server);
            console.robot().push(new KeyCodeCombination(KeyCode.DIGIT4, KeyCombination.SHORTCUT_DOWN));
            console.waitUntil("the day's timeline", () -> console.showing("#bookings-timeline"));
            console.robot().type(KeyCode.N);
            console.waitUntil("the form", () -> console.showing("#booking-form"));
            console.robot().clickOn("#booking-name").write("Lena Berg");

            console.robot().push(new KeyCodeCombination(KeyCode.DIGIT5, KeyCombination.SHORTCUT_DOWN));
            console.waitUntil("the question", () -> console.showing("#discard-prompt"));
            assertEquals("Discard your changes?", console.text("#discard-prompt-question"));
            assertTrue(console.showing("#booking-form"), "still on Bookings");
            assertTrue(console.onFx(
                    () -> console.find("#nav-bookings", ToggleButton.class).isSelected()));
            console.assertEveryControlIsNamed();
            console.screenshot("discard-prompt.png");

            console.robot().clickOn("#discard-prompt-keep");
            console.waitUntil("the question gone", () -> !console.showing("#discard-prompt"));
            assertTrue(console.showing("#booking-form"));
            assertEquals("Lena Berg", console.text("#booking-name"), "the edit is still there");

            // the window closing asks too; Keep editing leaves it open
            console.change(() ->
                    console.stage().fireEvent(new WindowEvent(console.stage(), WindowEvent.WINDOW_CLOSE_REQUEST)));
            console.waitUntil("the question", () -> console.showing("#discard-prompt"));
            console.robot().type(KeyCode.ESCAPE);
            console.waitUntil("the question gone", () -> !console.showing("#discard-prompt"));
            assertTrue(console.onFx(() -> console.stage().isShowing()));
            assertEquals("Lena Berg", console.text("#booking-name"));

            console.robot().push(new KeyCodeCombination(KeyCode.DIGIT5, KeyCombination.SHORTCUT_DOWN));
            console.waitUntil("the question", () -> console.showing("#discard-prompt"));
            console.robot().clickOn("#discard-prompt-discard");
            console.waitUntil("the guests", () -> console.showing("#guests"));
            assertTrue(console.onFx(
                    () -> console.find("#nav-guests", ToggleButton.class).isSelected()));
            console.robot().push(new KeyCodeCombination(KeyCode.DIGIT4, KeyCombination.SHORTCUT_DOWN));
            console.waitUntil("the day's timeline", () -> console.showing("#bookings-timeline"));
            assertTrue(!console.showing("#booking-form"), "the form was discarded");
            assertEquals(List.of(), desk.get("/api/staff/bookings?q=lena%20berg", BOOKINGS), "nothing was booked");
        }
    }

    @Test
    void aBarDraggedToALaterHourMovesTheBookingTheWeekShowsItAndATakenSlotOffersAlternatives() throws Exception {
        try (ConsoleTestServer server = ConsoleTestServer.start(temp.resolve("data"))) {
            ApiClient desk = server.client("front_desk");
            BookingView massage = desk.post(
                    "/api/staff/bookings",
                    slot("massage-60", "2026-03-10T10:00", new ContactDetails("Lena Berg", "lena@example.com", null)),
                    BookingView.class);
            // the facial has one unit: 11:00 is Ada's
            desk.post(
                    "/api/staff/bookings",
                    slot("facial-30", "2026-03-10T11:00", new ContactDetails("Ada Byrne", "ada@example.com", null)),
                    BookingView.class);
            BookingView facial = desk.post(
                    "/api/staff/bookings",
                    slot("facial-30", "2026-03-10T10:00", new ContactDetails("Ben Ode", "ben@example.com", null)),
                    BookingView.class);
            ConsoleWindow console = open(server);
            console.robot().push(new KeyCodeCombination(KeyCode.DIGIT4, KeyCombination.SHORTCUT_DOWN));
            console.waitUntil("the day's timeline", () -> console.showing("#booking-" + massage.reference()));

            console.robot()
                    .drag(console.find("#booking-" + massage.reference(), Node.class), MouseButton.PRIMARY)
                    .dropTo(console.find("#timeline-cell-massage-60-12", Node.class));
            console.waitUntil("the move", () -> console.text("#bookings-notice").startsWith("Moved "));
            assertEquals(
                    "2026-03-10T12:00+01:00",
                    desk.get("/api/staff/bookings/" + massage.id(), BookingView.class)
                            .start()
                            .toString());
            console.waitUntil(
                    "the bar at 12:00",
                    () -> "timeline-cell-massage-60-12"
                            .equals(console.onFx(() -> console.find("#booking-" + massage.reference(), Node.class)
                                    .getParent()
                                    .getId())));
            console.screenshot("bookings-moved.png");

            // the week of the massage: Monday 9 to Sunday 15 March, the booking on Tuesday at 12:00
            console.robot().type(KeyCode.ESCAPE);
            console.robot().push(new KeyCodeCombination(KeyCode.W, KeyCombination.ALT_DOWN));
            console.waitUntil("the week", () -> console.showing("#bookings-week"));
            assertEquals("Week of Mon 9 Mar – Sun 15 Mar 2026", console.text("#bookings-day"));
            assertEquals("Tue 10 Mar", console.text("#week-day-1"));
            String weekBar = "#week-booking-" + massage.reference();
            console.waitUntil(
                    "the booking in the week",
                    () -> "week-cell-1-12"
                            .equals(console.onFx(() -> console.find(weekBar, Node.class)
                                    .getParent()
                                    .getId())));
            console.assertEveryControlIsNamed();
            console.screenshot("bookings-week.png");
            console.robot()
                    .drag(console.find(weekBar, Node.class), MouseButton.PRIMARY)
                    .dropTo(console.find("#week-cell-2-15", Node.class));
            console.waitUntil(
                    "moved to Wednesday",
                    () -> desk.get("/api/staff/bookings/" + massage.id(), BookingView.class)
                            .start()
                            .toString()
                            .equals("2026-03-11T15:00+01:00"));
            console.waitUntil(
                    "the booking on Wednesday",
                    () -> "week-cell-2-15"
                            .equals(console.onFx(() -> console.find(weekBar, Node.class)
                                    .getParent()
                                    .getId())));
            console.screenshot("bookings-week-moved.png");

            // Ben's facial dropped on Ada's 11:00: the server's refusal and its alternatives, Ben stays at 10:00
            console.robot().type(KeyCode.ESCAPE);
            console.robot().push(new KeyCodeCombination(KeyCode.D, KeyCombination.ALT_DOWN));
            console.waitUntil("the day's timeline", () -> console.showing("#booking-" + facial.reference()));
            console.robot()
                    .drag(console.find("#booking-" + facial.reference(), Node.class), MouseButton.PRIMARY)
                    .dropTo(console.find("#timeline-cell-facial-30-11", Node.class));
            console.screenshot("bookings-move-dropped.png");
            @SuppressWarnings("unchecked")
            ListView<BookingForm.Choice> alternatives = console.find("#booking-alternatives", ListView.class);
            console.waitUntil(
                    "the alternatives",
                    () -> alternatives.isVisible() && !alternatives.getItems().isEmpty());
            assertTrue(
                    console.text("#booking-form-problem").contains("fully booked"),
                    console.text("#booking-form-problem"));
            assertEquals("11:00", console.text("#booking-time"), "the time tried");
            assertEquals(
                    "2026-03-10T10:00+01:00",
                    desk.get("/api/staff/bookings/" + facial.id(), BookingView.class)
                            .start()
                            .toString(),
                    "the booking stays where it was");
            console.screenshot("bookings-move-refused.png");
        }
    }

    private static final TypeReference<List<BookingView>> BOOKINGS = new TypeReference<>() {};

    private ConsoleWindow open(ConsoleTestServer server) throws Exception {
        DemoAccount account = server.account("front_desk");
        ConsoleWindow console =
                windows.open(temp.resolve("settings"), "--server", server.uri().toString());
        console.signIn(account.email(), account.password());
        console.waitForShell();
        return console;
    }

    private static ReservationRequest slot(String service, String start, ContactDetails contact) {
        return new ReservationRequest(
                service,
                start,
                service.equals("facial-30") ? 1 : 2,
                null,
                null,
                null,
                null,
                contact,
                null,
                "confirmed");
    }

    private static String status(ApiClient desk, BookingView booking) {
        return desk.get("/api/staff/bookings/" + booking.id(), BookingView.class)
                .status();
    }
}
