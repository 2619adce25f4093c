package dev.concierge.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concierge.app.ServerSettings;
import dev.concierge.app.TestServer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** The headless appliance's first run in a real Chromium: {@code /setup} makes the venue and the owner. */
class SetupPageIT {
    private static final Pattern PRINTED_CODE = Pattern.compile("setup code ([A-Z2-9]{4}-[A-Z2-9]{4})");
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dataDir;

    @Test
    void theOwnerSetsUpTheVenueAndTheirAccountWithThePrintedCode() throws IOException {
        try (TestServer server = TestServer.start(ServerSettings.defaults(dataDir));
                Browser browser = Browser.start()) {
            Matcher printed = PRINTED_CODE.matcher(server.console());
            assertTrue(printed.find(), server.console());
            browser.driver.get(server.uri() + "/setup");
            browser.waitUpTo(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("setup")));

            type(browser, "code", "WXYZ-2345");
            type(browser, "venue-name", "Hostal Sol");
            new Select(browser.driver.findElement(By.id("timezone"))).selectByValue("Europe/Madrid");
            browser.driver.findElement(By.id("lang-en")).click(); // Spanish only
            type(browser, "owner-name", "Marta Soler");
            type(browser, "owner-email", "marta@sol.example");
            type(browser, "owner-password", "a long passphrase");
            type(browser, "owner-repeat", "a long passphrase, mistyped");
            browser.driver.findElement(By.id("submit")).click();

            WebElement mismatch = browser.waitUpTo(WAIT)
                    .until(ExpectedConditions.visibilityOfElementLocated(By.id("error-owner-repeat")));
            assertTrue(mismatch.getText().contains("not the same"), mismatch.getText());
            assertTrue(setup(server).get("venueNeeded").asBoolean(), "nothing was sent");

            type(browser, "owner-repeat", "a long passphrase");
            browser.driver.findElement(By.id("submit")).click();
            WebElement refused =
                    browser.waitUpTo(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("problems")));
            assertTrue(refused.getText().contains("setup code is not right"), refused.getText());
            assertTrue(setup(server).get("venueNeeded").asBoolean(), "a wrong code stores nothing");
            browser.screenshot("setup-page-refused");

            type(browser, "code", printed.group(1).toLowerCase(java.util.Locale.ROOT));
            browser.driver.findElement(By.id("submit")).click();
            WebElement done =
                    browser.waitUpTo(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("done")));
            assertTrue(done.getText().contains("Sign in at the console with marta@sol.example"), done.getText());
            browser.screenshot("setup-page-done");

            JsonNode status = setup(server);
            assertFalse(status.get("needed").asBoolean());
            assertFalse(status.get("venueNeeded").asBoolean());
            String token = server.client()
                    .login("marta@sol.example", "a long passphrase")
                    .token();
            JsonNode venue = server.http().bearer(token).get("/api/venue").json();
            assertEquals("Hostal Sol", venue.get("name").asText());
            assertEquals("Europe/Madrid", venue.get("timezone").asText());
            assertEquals(List.of("es"), List.of(venue.get("languages").get(0).asText()));
            assertEquals(1, venue.get("languages").size());
        }
    }

    @Test
    void anApplianceSetUpAlreadySaysSo() throws IOException {
        try (TestServer server = TestServer.demo(dataDir);
                Browser browser = Browser.start()) {
            browser.driver.get(server.uri() + "/setup");
            WebElement already =
                    browser.waitUpTo(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("already")));
            assertTrue(already.getText().contains("set up"), already.getText());
            assertFalse(browser.driver.findElement(By.id("setup")).isDisplayed());
        }
    }

    private static void type(Browser browser, String id, String value) {
        WebElement field = browser.driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    private static JsonNode setup(TestServer server) {
        return server.http().get("/api/setup").json();
    }
}
