package dev.concierge.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.app.ServerSettings;
import dev.concierge.app.TestServer;
import dev.concierge.testing.RawHttp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The widget in a real browser on the demo page, against a real server with the demo hotel on Tuesday 10 March 2026
 * at noon: a guest opens it, books a massage, reloads, hears from the front desk live — and markup stays text.
 */
class WidgetIT {
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private static Path dataDir;
    private static TestServer server;
    private static Browser browser;
    private static RawHttp desk;

    private WebDriverWait wait;

    @BeforeAll
    static void start() throws IOException {
        Files.createDirectories(Path.of("target"));
        dataDir = Files.createTempDirectory(Path.of("target"), "widget-it-");
        server = TestServer.start(
                ServerSettings.defaults(dataDir).withDemo(true).withFrozenNow(LocalDateTime.of(2026, 3, 10, 12, 0)));
        desk = server.http().bearer(server.tokenFor("front_desk"));
        browser = Browser.start();
    }

    @AfterAll
    static void stop() {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    @BeforeEach
    void freshVisitor() {
        wait = browser.waitUpTo(PATIENCE);
        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 860));
        browser.driver.get(server.uri() + "/");
        browser.driver.executeScript("localStorage.clear()");
        browser.driver.navigate().refresh();
        waitForWidget();
    }

    @AfterEach
    void backToAnOrdinaryDesktop() {
        browser.driver.deleteNetworkConditions();
        browser.driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        browser.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
    }

    @Test
    void theLauncherOpensAPanelWithALogAMessageBoxAndASendButton() {
        browser.screenshot("desktop-closed");
        WebElement launcher = widget("button.launcher");
        assertEquals("Open chat", launcher.getAccessibleName());
        assertEquals(
                "rgba(14, 90, 107, 1)",
                launcher.getCssValue("background-color"),
                "the shadow root's stylesheet applies under the page's CSP, in the page's data-color");

        launcher.click();

        WebElement log = widget("[role=log]");
        wait.until(d -> log.isDisplayed());
        assertEquals("log", log.getAriaRole());
        assertEquals("polite", log.getDomAttribute("aria-live"));
        WebElement message = widget("textarea");
        assertEquals("Message", message.getAccessibleName());
        assertEquals("Send", widget("button.send").getAccessibleName());
        assertTrue(texts().get(0).startsWith("Hello! I'm the Miramar's assistant"), texts().toString());
        wait.until(d -> widget("h2").getText().equals("Hotel Miramar"));
        browser.screenshot("desktop-open");
    }

    @Test
    void theShadowRootKeepsThePageStylesAndTheWidgetStylesApart() {
        open();
        // the page styles every button in capitals and .panel/.log in italics; none of it reaches the widget
        assertEquals("none", widget("button.send").getCssValue("text-transform"));
        assertEquals("normal", widget(".log").getCssValue("font-style"));
        assertEquals("normal", widget(".panel").getCssValue("font-style"));
        // the widget's .card has a 4px accent edge; the page's room cards keep their own 1px border
        WebElement roomCard = browser.driver.findElement(By.cssSelector("#rooms .card"));
        assertEquals("1px", roomCard.getCssValue("border-left-width"));
    }

    @Test
    void aGuestBooksAMassageSeesTheConfirmationCardAndAReloadKeepsTheTranscript() {
        open();
        say("I'd like to book a massage tomorrow at 10am");
        waitForReplyContaining("name");
        say("I'm Ana López");
        waitForReplyContaining("phone");
        say("ana@example.com");
        waitForReplyContaining("Wednesday 11 March at 10:00");

        say("yes");

        WebElement card = wait.until(d -> shadow().findElements(By.cssSelector(".log .card")).stream()
                .findFirst()
                .orElse(null));
        String cardText = card.getText();
        assertTrue(cardText.contains("Booking confirmed"), cardText);
        assertTrue(cardText.matches("(?s).*Reference\\s+MR-[A-Z0-9]{4}.*"), cardText);
        assertTrue(cardText.contains("Wednesday 11 March at 10:00"), cardText);
        assertTrue(cardText.matches("(?s).*Guests\\s+1.*"), cardText);
        assertFalse(
                shadow().findElements(By.cssSelector(".rating button")).isEmpty(), "a thumbs up or down is offered");
        browser.screenshot("booking-card");
        String reference = cardText.replaceAll("(?s).*Reference\\s+(MR-[A-Z0-9]{4}).*", "$1");

        browser.driver.navigate().refresh();
        waitForWidget();
        open();

        wait.until(d -> texts().stream().anyMatch(text -> text.contains(reference)));
        List<String> restored = texts();
        assertEquals("I'd like to book a massage tomorrow at 10am", restored.get(0), restored.toString());
        assertTrue(restored.contains("I'm Ana López"), restored.toString());
        assertTrue(restored.contains("yes"), restored.toString());
        browser.screenshot("reloaded");
    }

    @Test
    void aStaffReplyArrivesLiveAndMarkupFromTheGuestAndStaffStaysText() {
        open();
        String guestMarkup = "<img src=x onerror=alert(1)>";
        say(guestMarkup);
        wait.until(d -> texts().size() >= 3); // greeting, the guest's line, the assistant's answer
        wait.until(d -> "live".equals(host().getDomAttribute("data-connection")));
        String id = conversationId();

        String staffMarkup = "<b>Marta</b> at the desk <img src=x onerror=alert(2)> here";
        RawHttp.Response sent = desk.postJson(
                "/api/staff/conversations/" + id + "/messages",
                "{\"text\": \"" + staffMarkup.replace("\"", "\\\"") + "\"}");
        assertEquals(200, sent.status(), sent.body());

        WebElement staff = wait.until(d -> shadow().findElements(By.cssSelector(".msg.staff")).stream()
                .findFirst()
                .orElse(null));
        assertTrue(staff.getText().contains(staffMarkup), staff.getText());
        assertTrue(staff.getText().contains("Front desk"));
        assertTrue(texts().contains(guestMarkup), texts().toString());
        assertTrue(shadow().findElements(By.cssSelector("img, b")).isEmpty(), "no element was made from a message");
        assertTrue(browser.driver.findElements(By.cssSelector("body img")).isEmpty());
        assertThrows(
                NoAlertPresentException.class, () -> browser.driver.switchTo().alert());
        wait.until(d -> shadow().findElements(By.cssSelector(".log .notice")).stream()
                .anyMatch(notice -> notice.getText().contains("A member of our team")));
        assertTrue(shadow().findElements(By.cssSelector(".quick button")).isEmpty(), "no assistant suggestions now");
        browser.screenshot("staff-reply");
    }

    @Test
    void aStaffReplyWhileThePanelIsClosedShowsABadge() {
        open();
        say("Is there parking?");
        wait.until(d -> texts().size() >= 3);
        wait.until(d -> "live".equals(host().getDomAttribute("data-connection")));
        widget("textarea").sendKeys(Keys.ESCAPE);
        wait.until(d -> !widget(".panel").isDisplayed());

        desk.postJson(
                "/api/staff/conversations/" + conversationId() + "/messages", "{\"text\": \"Hello from the desk\"}");

        wait.until(d -> widget(".badge").isDisplayed());
        open();
        wait.until(d -> texts().contains("Hello from the desk"));
        assertFalse(widget(".badge").isDisplayed());
    }

    @Test
    void theKeyboardReachesTheLauncherEnterOpensAndEscapeCloses() {
        for (int i = 0; i < 30 && !launcherHasFocus(); i++) {
            new Actions(browser.driver).sendKeys(Keys.TAB).perform();
        }
        assertTrue(launcherHasFocus(), "Tab reaches the launcher");
        assertNotEquals("none", widget("button.launcher").getCssValue("outline-style"), "the focus is visible");
        browser.screenshot("keyboard-focus");

        new Actions(browser.driver).sendKeys(Keys.ENTER).perform();

        wait.until(d -> widget(".panel").isDisplayed());
        assertEquals("message", shadowActiveId(), "the message box has the focus once open");
        new Actions(browser.driver).sendKeys("Hi").sendKeys(Keys.ENTER).perform();
        wait.until(d -> texts().contains("Hi"));

        new Actions(browser.driver).sendKeys(Keys.ESCAPE).perform();

        wait.until(d -> !widget(".panel").isDisplayed());
        assertTrue(launcherHasFocus(), "the focus goes back to the launcher");
        assertEquals("false", widget("button.launcher").getDomAttribute("aria-expanded"));
    }

    @Test
    void quickRepliesAreButtonsThatSendTheirText() {
        open();
        say("Hi");
        WebElement massage = wait.until(d -> shadow().findElements(By.cssSelector(".quick button")).stream()
                .filter(button -> button.getText().equals("Book a massage"))
                .findFirst()
                .orElse(null));

        massage.click();

        wait.until(d -> texts().contains("Book a massage"));
        wait.until(d -> texts().size() >= 5);
        String asked = texts().get(texts().size() - 1);
        assertTrue(asked.toLowerCase(java.util.Locale.ROOT).contains("when") || asked.contains("day"), asked);
    }

    @Test
    void onAPhoneThePanelFillsTheScreen() {
        browser.driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
        browser.driver.navigate().refresh();
        waitForWidget();
        browser.screenshot("mobile-closed");

        open();
        say("Hi");
        wait.until(d -> shadow().findElements(By.cssSelector(".quick button")).size() > 0);

        WebElement panel = widget(".panel");
        assertEquals(390, panel.getRect().getWidth());
        assertEquals(844, panel.getRect().getHeight());
        assertEquals(0, panel.getRect().getX());
        assertFalse(widget("button.launcher").isDisplayed(), "the panel's own close button closes it");
        browser.screenshot("mobile-open");
    }

    @Test
    void theTagsAttributesSetLanguageSideColourAndGreeting() {
        // another page of this origin (the server's JSON 404 has no widget and no policy) embeds its own tag
        browser.driver.get(server.uri() + "/another-page");
        browser.driver.executeScript(
                "const tag = document.createElement('script');"
                        + " tag.src = '/widget.js'; tag.async = true; tag.dataset.key = arguments[0];"
                        + " tag.dataset.language = 'es'; tag.dataset.position = 'left'; tag.dataset.color = '#ffd54f';"
                        + " tag.dataset.greeting = '¡Bienvenido al Miramar!'; document.head.append(tag);",
                demoKey());
        waitForWidget();

        WebElement launcher = widget("button.launcher");
        assertEquals("Abrir chat", launcher.getAccessibleName());
        assertTrue(launcher.getRect().getX() < 100, "on the left: " + launcher.getRect());
        assertEquals("rgba(17, 17, 17, 1)", launcher.getCssValue("color"), "dark text on a light colour");
        open();
        assertEquals("Mensaje", widget("textarea").getAccessibleName());
        assertEquals("Enviar", widget("button.send").getAccessibleName());
        assertEquals(List.of("¡Bienvenido al Miramar!"), texts());
        say("¿Tienen parking?");
        wait.until(d -> texts().stream().anyMatch(text -> text.contains("aparcamiento")));
        browser.screenshot("spanish-left");
    }

    @Test
    void aVisitorWhoAsksForReducedMotionGetsNoAnimation() {
        browser.driver.executeCdpCommand(
                "Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-reduced-motion", "value", "reduce"))));
        open();
        say("Hi");

        assertEquals("none", widget(".panel").getCssValue("animation-name"));
        assertEquals("none", widget(".typing i").getCssValue("animation-name"));
        browser.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
        browser.driver.navigate().refresh();
        waitForWidget();
        open();
        assertEquals("rise", widget(".panel").getCssValue("animation-name"), "and others get the panel's rise");
    }

    @Test
    void offlineTheGuestIsToldTheMessageWasNotSentAndKeepsItsText() {
        open();
        ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
        offline.setOffline(true);
        browser.driver.setNetworkConditions(offline);

        say("Do you have a gym?");

        WebElement error = wait.until(d -> {
            WebElement shown = widget(".error");
            return shown.getText().isEmpty() ? null : shown;
        });
        assertTrue(error.getText().contains("offline"), error.getText());
        assertTrue(widget(".msg.guest").getText().contains("Not sent"));
        assertEquals("Do you have a gym?", widget("textarea").getDomProperty("value"), "nothing typed is lost");
        browser.screenshot("offline");

        browser.driver.deleteNetworkConditions();
        widget("button.send").click();
        wait.until(d -> widget(".error").getText().isEmpty());
    }

    @Test
    void aMessageTheServerRefusesGetsAFriendlyWordNotTheServersError() {
        open();
        // past the box's maxlength, as a script could: the server answers 400 with its own words
        browser.driver.executeScript("arguments[0].value = 'x'.repeat(2500)", widget("textarea"));
        widget("button.send").click();

        wait.until(d -> !widget(".error").getText().isEmpty());
        assertEquals(
                "That message could not be sent. Please shorten it and try again.",
                widget(".error").getText());
    }

    private void waitForWidget() {
        wait.until(d -> {
            Object ready = browser.driver.executeScript("const h = document.querySelector('concierge-chat');"
                    + " return !!(h && h.shadowRoot && h.shadowRoot.querySelector('button.launcher'));");
            return Boolean.TRUE.equals(ready);
        });
    }

    /** The demo key, as the demo page embeds it. */
    private String demoKey() {
        return server.http().get("/").body().replaceAll("(?s).*data-key=\"(cpk_[A-Za-z0-9_-]+)\".*", "$1");
    }

    private WebElement host() {
        return browser.driver.findElement(By.cssSelector("concierge-chat"));
    }

    private SearchContext shadow() {
        return host().getShadowRoot();
    }

    private WebElement widget(String css) {
        return shadow().findElement(By.cssSelector(css));
    }

    private void open() {
        WebElement panel = widget(".panel");
        if (!panel.isDisplayed()) {
            widget("button.launcher").click();
        }
        wait.until(d -> panel.isDisplayed());
    }

    private void say(String message) {
        int before = texts().size();
        WebElement box = widget("textarea");
        box.sendKeys(message);
        widget("button.send").click();
        wait.until(d -> texts().size() > before);
    }

    /** The transcript's texts, oldest first (a bubble's text without its sender label or note). */
    private List<String> texts() {
        return shadow().findElements(By.cssSelector(".log .msg .text")).stream()
                .map(WebElement::getText)
                .toList();
    }

    private void waitForReplyContaining(String words) {
        wait.until(d -> {
            List<String> all = texts();
            return !all.isEmpty() && all.get(all.size() - 1).contains(words);
        });
    }

    private String conversationId() {
        return (String) browser.driver.executeScript(
                "return Object.entries(localStorage).find(([k]) => k.startsWith('concierge:conversation:'))[1]");
    }

    private boolean launcherHasFocus() {
        return Boolean.TRUE.equals(
                browser.driver.executeScript(
                        "const h = document.activeElement; return !!(h && h.tagName === 'CONCIERGE-CHAT'"
                                + " && h.shadowRoot.activeElement && h.shadowRoot.activeElement.classList.contains('launcher'))"));
    }

    private String shadowActiveId() {
        return (String) browser.driver.executeScript(
                "const a = document.querySelector('concierge-chat').shadowRoot.activeElement; return a ? a.id : ''");
    }
}
