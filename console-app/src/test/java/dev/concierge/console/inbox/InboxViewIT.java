package dev.concierge.console.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.concierge.api.ApiClient;
import dev.concierge.api.ChatReply;
import dev.concierge.api.ChatRequest;
import dev.concierge.api.PublicKeyRequest;
import dev.concierge.api.Transcript;
import dev.concierge.console.Connection.DemoAccount;
import dev.concierge.console.ConsoleTestServer;
import dev.concierge.console.ConsoleWindow;
import dev.concierge.console.ConsoleWindows;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inbox against a real server: a guest on the website (its public key, over HTTP) asks for a person, and the desk
 * sees it pushed, answers, hears the guest's next line live, and gives the conversation back to the assistant.
 */
class InboxViewIT {
    @TempDir
    Path temp;

    @RegisterExtension
    final ConsoleWindows windows = new ConsoleWindows();

    @Test
    void aGuestAskingForAPersonIsPushedAnsweredAndReleased() throws Exception {
        try (ConsoleTestServer server = ConsoleTestServer.start(temp.resolve("data"))) {
            String key = server.client("manager")
                    .createPublicKey(new PublicKeyRequest("Website", List.of()))
                    .key();
            ApiClient guest = ApiClient.of(server.uri()).withPublicKey(key);
            DemoAccount desk = server.account("front_desk");
            ConsoleWindow console = windows.open(
                    temp.resolve("settings"), "--server", server.uri().toString());
            console.signIn(desk.email(), desk.password());
            console.waitForShell();
            console.robot().push(new KeyCodeCombination(KeyCode.DIGIT3, KeyCombination.SHORTCUT_DOWN));
            @SuppressWarnings("unchecked")
            ListView<InboxRow> conversations = console.find("#inbox-conversations", ListView.class);
            console.waitUntil("the live feed", () -> console.text("#inbox-feed").startsWith("Live"));
            console.screenshot("inbox-empty.png");

            String id = guest.post(
                            "/api/chat",
                            new ChatRequest(null, "I want to talk to a person", null, "web"),
                            ChatReply.class)
                    .conversationId();

            // no click, no refresh key: the feed brings it (the shell's 4 s refresh would be too late for this wait)
            console.waitUntil(
                    "the guest in the inbox", () -> conversations.getItems().size() == 1);
            assertEquals(id, console.onFx(() -> conversations.getItems().get(0).id()));
            console.waitUntil("the badge", () -> console.showing("#nav-inbox-badge"));
            assertEquals("1", console.text("#nav-inbox-badge"));

            console.clickFirstRow("#inbox-conversations");
            @SuppressWarnings("unchecked")
            ListView<TranscriptLine> transcript = console.find("#transcript", ListView.class);
            console.waitUntil("the transcript", () -> transcript.getItems().size() == 2);
            assertEquals(
                    List.of("guest", "assistant"),
                    console.onFx(() -> transcript.getItems().stream()
                            .map(TranscriptLine::role)
                            .toList()));
            assertEquals("Asked for a person.", console.text("#conversation-summary"), "no task was under way");
            console.assertEveryControlIsNamed();
            console.screenshot("inbox-waiting.png");

            // Enter on the list goes to the reply box; Enter there sends
            console.robot().type(KeyCode.ENTER);
            console.waitUntil(
                    "the reply box focused",
                    () -> console.find("#reply", javafx.scene.Node.class).isFocused());
            console.robot().write("Hello, this is Ana at the front desk.").type(KeyCode.ENTER);
            console.waitUntil(
                    "the reply at the guest's",
                    () -> guest.get("/api/chat/" + id, Transcript.class).messages().stream()
                            .anyMatch(line -> line.role().equals("staff")
                                    && line.text().equals("Hello, this is Ana at the front desk.")));
            assertEquals("", console.text("#reply"));

            guest.post("/api/chat", new ChatRequest(id, "My shower is broken", null, "web"), ChatReply.class);
            console.waitUntil(
                    "the guest's next line, live",
                    () -> transcript.getItems().stream()
                            .anyMatch(line -> line.text().equals("My shower is broken")));
            console.robot().clickOn("#canned-4");
            assertEquals("Someone from the front desk is on the way to you.", console.text("#reply"));
            console.screenshot("inbox-answering.png");

            console.robot().clickOn("#release");
            console.waitUntil(
                    "the conversation open again",
                    () -> guest.get("/api/chat/" + id, Transcript.class)
                            .status()
                            .equals("open"));
            console.waitUntil("the take-over switch back", () -> console.showing("#take-over"));
            console.waitUntil("the badge gone", () -> !console.showing("#nav-inbox-badge"));
            console.screenshot("inbox-released.png");
        }
    }

    @Test
    void theDeskFinishesTheBookingAGuestBeganWithTheAssistant() throws Exception {
        try (ConsoleTestServer server = ConsoleTestServer.start(temp.resolve("data"))) {
            String key = server.client("manager")
                    .createPublicKey(new PublicKeyRequest("Website", List.of()))
                    .key();
            ApiClient guest = ApiClient.of(server.uri()).withPublicKey(key);
            String id = guest.post(
                            "/api/chat",
                            new ChatRequest(null, "I'd like a massage tomorrow at 11 for 2 people", "en", "web"),
                            ChatReply.class)
                    .conversationId();
            guest.post("/api/chat", new ChatRequest(id, "I want to talk to a person", "en", "web"), ChatReply.class);

            DemoAccount desk = server.account("front_desk");
            ConsoleWindow console = windows.open(
                    temp.resolve("settings"), "--server", server.uri().toString());
            console.signIn(desk.email(), desk.password());
            console.waitForShell();
            console.robot().push(new KeyCodeCombination(KeyCode.DIGIT3, KeyCombination.SHORTCUT_DOWN));
            @SuppressWarnings("unchecked")
            ListView<InboxRow> conversations = console.find("#inbox-conversations", ListView.class);
            console.waitUntil(
                    "the guest in the inbox", () -> conversations.getItems().size() == 1);
            console.clickFirstRow("#inbox-conversations");
            console.waitUntil("the finish button", () -> console.showing("#finish-booking"));

            console.robot().push(new KeyCodeCombination(KeyCode.B, KeyCombination.SHORTCUT_DOWN));
            console.waitUntil("the booking form", () -> console.showing("#booking-form"));
            assertEquals("11:00", console.text("#booking-time"));
            assertEquals("2", console.text("#booking-party"));
            assertEquals(
                    java.time.LocalDate.of(2026, 3, 11),
                    console.onFx(() -> console.find("#booking-date", javafx.scene.control.DatePicker.class)
                            .getValue()));
            console.robot().clickOn("#booking-name").write("Ana López");
            console.robot().clickOn("#booking-email").write("ana@example.com");
            console.screenshot("inbox-finish-booking.png");
            console.robot().type(KeyCode.ENTER); // Enter in a field books, as the form says
            console.waitUntil(
                    "the booking at the server",
                    () -> !server.client("front_desk")
                            .get(
                                    "/api/staff/bookings?q=ana%40example.com",
                                    new com.fasterxml.jackson.core.type.TypeReference<
                                            List<dev.concierge.api.BookingView>>() {})
                            .isEmpty());
            dev.concierge.api.BookingView booked = server.client("front_desk")
                    .get(
                            "/api/staff/bookings?q=ana%40example.com",
                            new com.fasterxml.jackson.core.type.TypeReference<List<dev.concierge.api.BookingView>>() {})
                    .get(0);
            assertEquals("massage-60", booked.serviceId());
            assertEquals(2, booked.partySize());
            assertEquals("2026-03-11T11:00", booked.start().toLocalDateTime().toString());
        }
    }
}
