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
import java.util.List;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.TextField;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** The real kiosk window (under Xvfb) through {@link KioskApp}, against a real demo server in this JVM. */
class KioskAppIT {
    private final FxWindow window = new FxWindow();
    private final KioskScreen screen = new KioskScreen(window);
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

        screen.waitUntil(() -> screen.visible("#unpaired"));
        Rectangle2D display = Screen.getPrimary().getBounds();
        assertTrue(stage.isFullScreen());
        assertEquals(display.getWidth(), stage.getScene().getWidth());
        assertEquals("This kiosk is not paired — ask the desk for a code", screen.text("#unpaired-title-en"));
        window.screenshot("kiosk-unpaired.png");
    }

    @Test
    void pairsWithACodeAndBooksAMassageToItsConfirmationCard() throws Exception {
        Stage stage = screen.open(server.uri(), "--pair", server.pairingCode());
        FxRobot robot = window.robot();
        assertTrue(Files.readString(dir.resolve("kiosk/kiosk.properties")).contains("ckt_"), "the token is kept");
        assertEquals("Welcome", screen.text("#welcome"));
        FxWindow.assertEveryControlIsNamed(stage.getScene().getRoot());
        window.screenshot("kiosk-welcome.png");

        screen.say("I'd like a massage tomorrow at 11 for 1, I'm Ana López, ana@example.com");
        screen.waitUntil(() -> screen.visible("#assistant-line") && !screen.visible("#thinking"));
        screen.say("yes");
        screen.waitUntil(() -> screen.visible("#card-reference"));

        List<BookingView> bookings =
                server.staff("front_desk").get("/api/staff/bookings", new TypeReference<List<BookingView>>() {});
        assertEquals(1, bookings.size());
        assertEquals("kiosk", bookings.get(0).source());
        assertEquals(bookings.get(0).reference(), screen.text("#card-reference"));
        assertTrue(screen.text("#card-when").contains("11 March"));
        FxWindow.assertEveryControlIsNamed(stage.getScene().getRoot());
        window.screenshot("kiosk-booking-card.png");
    }

    @Test
    void switchesToSpanishAndBack() throws Exception {
        screen.open(server.uri(), "--pair", server.pairingCode());
        FxRobot robot = window.robot();

        robot.clickOn("#language-es");
        // the click reaches the window through the X server, maybe after clickOn has returned
        screen.waitUntil(() -> screen.text("#welcome").equals("Bienvenido"));

        assertEquals("Enviar", screen.text("#send"));
        assertEquals("Reservar un masaje", screen.text("#quick-reply-0"));
        assertTrue(KioskScreen.onFx(
                () -> robot.lookup("#language-es").query().getStyleClass().contains("accent")));
        window.screenshot("kiosk-welcome-es.png");
        robot.clickOn("#language-en");
        screen.waitUntil(() -> screen.text("#welcome").equals("Welcome"));
        assertEquals("Book a massage", screen.text("#quick-reply-0"));
    }

    @Test
    void callStaffPutsTheConversationInTheConsolesInbox() throws Exception {
        screen.open(server.uri(), "--pair", server.pairingCode());
        FxRobot robot = window.robot();

        robot.clickOn("#call-staff");
        screen.waitUntil(() -> robot.lookup("#call-staff").query().isDisabled() && !screen.visible("#thinking"));
        var desk = server.staff("front_desk");
        List<ConversationSummary> waiting =
                desk.get("/api/staff/conversations?status=handoff", new TypeReference<List<ConversationSummary>>() {});
        assertEquals("kiosk", waiting.get(0).channel());
        desk.post(
                "/api/staff/conversations/" + waiting.get(0).id() + "/messages",
                new StaffMessage("Hi, this is Marta at the desk. I'm coming over."),
                Object.class);

        screen.waitUntil(() -> screen.visible("#staff-line"));
        assertEquals("Hi, this is Marta at the desk. I'm coming over.", screen.text("#staff-line"));
        assertTrue(
                KioskScreen.onFx(() -> robot.lookup("#call-staff").query().isDisabled()), "a person is already coming");
        window.screenshot("kiosk-call-staff.png");
    }

    @Test
    void anIdleConversationCountsDownAndThenNothingOfItIsLeft() throws Exception {
        screen.open(server.uri(), "--pair", server.pairingCode(), "--idle-seconds", "3");
        FxRobot robot = window.robot();
        robot.clickOn("#language-es");
        screen.waitUntil(() -> screen.text("#welcome").equals("Bienvenido"));
        screen.say("Me llamo Ana López, ana@example.com");
        screen.waitUntil(() -> screen.visible("#assistant-line"));

        screen.waitUntil(() -> screen.visible("#idle-overlay"));
        window.screenshot("kiosk-idle-countdown.png");
        robot.clickOn("#more-time");
        screen.waitUntil(() -> !screen.visible("#idle-overlay"));
        assertTrue(KioskScreen.onFx(() -> screen.visible("#guest-line")), "More time keeps the conversation");

        screen.waitUntil(() -> screen.visible("#welcome"));

        assertTrue(KioskScreen.onFx(() -> robot.lookup("#guest-line").queryAll().isEmpty()));
        assertTrue(KioskScreen.onFx(
                () -> robot.lookup("#assistant-line").queryAll().isEmpty()));
        assertEquals(
                "",
                KioskScreen.onFx(
                        () -> robot.lookup("#message").queryAs(TextField.class).getText()));
        assertEquals("Welcome", screen.text("#welcome"));
        window.screenshot("kiosk-after-idle.png");
    }

    @Test
    void aServerGoneShowsOutOfServiceAndTheKioskComesBackByItself() throws Exception {
        screen.open(server.uri(), "--pair", server.pairingCode());
        FxRobot robot = window.robot();
        int port = server.uri().getPort();

        server.close();
        screen.waitUntil(() -> screen.visible("#out-of-service"));
        window.screenshot("kiosk-out-of-service.png");
        server = KioskTestServer.start(dir.resolve("data"), port);

        screen.waitUntil(() -> screen.visible("#welcome") && !screen.visible("#out-of-service"));
        assertEquals("Hotel Miramar", screen.text("#venue-name"));
    }
}
