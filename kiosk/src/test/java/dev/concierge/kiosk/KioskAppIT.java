package dev.concierge.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.concierge.api.BookingView;
import dev.concierge.api.ConversationSummary;
import dev.concierge.api.StaffMessage;
import dev.concierge.testing.fx.FxWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The real kiosk window (under Xvfb) through {@link KioskApp}, against a real demo server in this JVM. */
class KioskAppIT {
    private final FxWindow window = new FxWindow();
    private KioskTestServer server;

    @TempDir
    Path dir;

    @BeforeEach
    void startServer() {
        System.setProperty(
                KioskSettings.DIRECTORY_PROPERTY, dir.resolve("kiosk").toString());
        server = KioskTestServer.start(dir.resolve("data"), 0);
    }

    @AfterEach
    void stop() throws Exception {
        window.close();
        server.close();
        System.clearProperty(KioskSettings.DIRECTORY_PROPERTY);
    }

    @Test
    void unpairedItSaysSoFullScreen() throws Exception {
        Stage stage = window.open(KioskApp.class, "--server", server.uri().toString());
        FxRobot robot = window.robot();

        waitUntil(() -> visible(robot, "#unpaired"));
        Rectangle2D screen = Screen.getPrimary().getBounds();
        assertTrue(stage.isFullScreen());
        assertEquals(screen.getWidth(), stage.getScene().getWidth());
        assertEquals("This kiosk is not paired — ask the desk for a code", text("#unpaired-title-en"));
        window.screenshot("kiosk-unpaired.png");
    }

    @Test
    void pairsWithACodeAndBooksAMassageToItsConfirmationCard() throws Exception {
        Stage stage = open("--pair", server.pairingCode());
        FxRobot robot = window.robot();
        assertTrue(Files.readString(dir.resolve("kiosk/kiosk.properties")).contains("ckt_"), "the token is kept");
        assertEquals("Welcome", text("#welcome"));
        FxWindow.assertEveryControlIsNamed(stage.getScene().getRoot());
        window.screenshot("kiosk-welcome.png");

        say(robot, "I'd like a massage tomorrow at 11 for 1, I'm Ana López, ana@example.com");
        waitUntil(() -> visible(robot, "#assistant-line") && !visible(robot, "#thinking"));
        say(robot, "yes");
        waitUntil(() -> visible(robot, "#card-reference"));

        List<BookingView> bookings =
                server.staff("front_desk").get("/api/staff/bookings", new TypeReference<List<BookingView>>() {});
        assertEquals(1, bookings.size());
        assertEquals("kiosk", bookings.get(0).source());
        assertEquals(bookings.get(0).reference(), text("#card-reference"));
        assertTrue(text("#card-when").contains("11 March"));
        FxWindow.assertEveryControlIsNamed(stage.getScene().getRoot());
        window.screenshot("kiosk-booking-card.png");
    }

    @Test
    void switchesToSpanishAndBack() throws Exception {
        open("--pair", server.pairingCode());
        FxRobot robot = window.robot();

        robot.clickOn("#language-es");
        // the click reaches the window through the X server, maybe after clickOn has returned
        waitUntil(() -> text("#welcome").equals("Bienvenido"));

        assertEquals("Enviar", text("#send"));
        assertEquals("Reservar un masaje", text("#quick-reply-0"));
        assertTrue(
                onFx(() -> robot.lookup("#language-es").query().getStyleClass().contains("accent")));
        window.screenshot("kiosk-welcome-es.png");
        robot.clickOn("#language-en");
        waitUntil(() -> text("#welcome").equals("Welcome"));
        assertEquals("Book a massage", text("#quick-reply-0"));
    }

    @Test
    void callStaffPutsTheConversationInTheConsolesInbox() throws Exception {
        open("--pair", server.pairingCode());
        FxRobot robot = window.robot();

        robot.clickOn("#call-staff");
        waitUntil(() -> robot.lookup("#call-staff").query().isDisabled() && !visible(robot, "#thinking"));
        var desk = server.staff("front_desk");
        List<ConversationSummary> waiting =
                desk.get("/api/staff/conversations?status=handoff", new TypeReference<List<ConversationSummary>>() {});
        assertEquals("kiosk", waiting.get(0).channel());
        desk.post(
                "/api/staff/conversations/" + waiting.get(0).id() + "/messages",
                new StaffMessage("Hi, this is Marta at the desk. I'm coming over."),
                Object.class);

        waitUntil(() -> visible(robot, "#staff-line"));
        assertEquals("Hi, this is Marta at the desk. I'm coming over.", text("#staff-line"));
        assertTrue(onFx(() -> robot.lookup("#call-staff").query().isDisabled()), "a person is already coming");
        window.screenshot("kiosk-call-staff.png");
    }

    @Test
    void anIdleConversationCountsDownAndThenNothingOfItIsLeft() throws Exception {
        open("--pair", server.pairingCode(), "--idle-seconds", "3");
        FxRobot robot = window.robot();
        robot.clickOn("#language-es");
        waitUntil(() -> text("#welcome").equals("Bienvenido"));
        say(robot, "Me llamo Ana López, ana@example.com");
        waitUntil(() -> visible(robot, "#assistant-line"));

        waitUntil(() -> visible(robot, "#idle-overlay"));
        window.screenshot("kiosk-idle-countdown.png");
        robot.clickOn("#more-time");
        waitUntil(() -> !visible(robot, "#idle-overlay"));
        assertTrue(onFx(() -> visible(robot, "#guest-line")), "More time keeps the conversation");

        waitUntil(() -> visible(robot, "#welcome"));

        assertTrue(onFx(() -> robot.lookup("#guest-line").queryAll().isEmpty()));
        assertTrue(onFx(() -> robot.lookup("#assistant-line").queryAll().isEmpty()));
        assertEquals(
                "", onFx(() -> robot.lookup("#message").queryAs(TextField.class).getText()));
        assertEquals("Welcome", text("#welcome"));
        window.screenshot("kiosk-after-idle.png");
    }

    @Test
    void aServerGoneShowsOutOfServiceAndTheKioskComesBackByItself() throws Exception {
        open("--pair", server.pairingCode());
        FxRobot robot = window.robot();
        int port = server.uri().getPort();

        server.close();
        waitUntil(() -> visible(robot, "#out-of-service"));
        window.screenshot("kiosk-out-of-service.png");
        server = KioskTestServer.start(dir.resolve("data"), port);

        waitUntil(() -> visible(robot, "#welcome") && !visible(robot, "#out-of-service"));
        assertEquals("Hotel Miramar", text("#venue-name"));
    }

    private Stage open(String... args) throws Exception {
        String[] all = new String[args.length + 3];
        all[0] = "--server";
        all[1] = server.uri().toString();
        all[2] = "--windowed";
        System.arraycopy(args, 0, all, 3, args.length);
        Stage stage = window.open(KioskApp.class, all);
        waitUntil(() -> visible(window.robot(), "#welcome"));
        return stage;
    }

    private static void say(FxRobot robot, String message) {
        robot.interact(() -> robot.lookup("#message").queryAs(TextField.class).setText(message));
        robot.clickOn("#send");
    }

    /** Whether a node with this id shows, it and all its parents visible. */
    private static boolean visible(FxRobot robot, String query) {
        for (Node node : robot.lookup(query).queryAll()) {
            boolean shown = true;
            for (Node at = node; at != null; at = at.getParent()) {
                shown &= at.isVisible();
            }
            if (shown) {
                return true;
            }
        }
        return false;
    }

    /**
     * Waits for {@code condition}, read on the FX thread: the scene graph belongs to it, and a test thread reading it
     * meanwhile may see a half-changed, or an old, window.
     */
    private void waitUntil(Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(condition));
        } catch (TimeoutException e) {
            window.screenshot("kiosk-timed-out.png");
            throw new AssertionError("waited 20 s; the kiosk shows: " + onFx(() -> shown(window.robot())), e);
        }
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    /** The text of the label or button {@code query} finds. */
    private String text(String query) throws Exception {
        return onFx(() -> window.robot().lookup(query).queryLabeled().getText());
    }

    /** What a person would see: the full-screen notice, the lines of the conversation, the quick replies. */
    private static String shown(FxRobot robot) {
        List<String> seen = new ArrayList<>();
        for (String notice : List.of("#unpaired", "#out-of-service", "#connecting", "#welcome", "#idle-overlay")) {
            if (visible(robot, notice)) {
                seen.add(notice);
            }
        }
        robot.lookup(".bubble").queryAllAs(Label.class).forEach(line -> seen.add(line.getId() + ": " + line.getText()));
        robot.lookup(".quick-reply").queryAllAs(Button.class).forEach(reply -> seen.add("[" + reply.getText() + "]"));
        return String.join(" | ", seen);
    }
}
