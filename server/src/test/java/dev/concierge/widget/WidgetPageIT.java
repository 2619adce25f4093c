package dev.concierge.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.app.ServerSettings;
import dev.concierge.app.TestServer;
import dev.concierge.testing.RawHttp.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the server sends for the widget and the demo page, over plain HTTP (the browser tests are in WidgetIT). */
class WidgetPageIT {
    private static final Pattern DEMO_KEY = Pattern.compile("data-key=\"(cpk_[A-Za-z0-9_-]+)\"");
    private static final int MAX_GZIPPED_BYTES = 30 * 1024;

    @TempDir
    Path dataDir;

    @Test
    void theWidgetIsServedFromTheJarAsJavaScriptWithCachingAndNosniff() {
        try (TestServer server = TestServer.demo(dataDir)) {
            Response widget = server.http().get("/widget.js");

            assertEquals(200, widget.status());
            assertEquals(
                    "text/javascript;charset=utf-8",
                    widget.header("Content-Type").replace(" ", ""));
            assertEquals("nosniff", widget.header("X-Content-Type-Options"));
            assertEquals(WidgetController.WIDGET_CACHING, widget.header("Cache-Control"));
            assertTrue(widget.body().contains("customElements.define('concierge-chat'"));
            String etag = widget.header("ETag");
            assertNotNull(etag);
            Response again = server.http().with("If-None-Match", etag).get("/widget.js");
            assertEquals(304, again.status(), "a browser holding this version is told so, not sent it again");
        }
    }

    @Test
    void theWidgetIsAtMost30KbGzippedAndFetchesNothingFromElsewhere() throws IOException {
        byte[] widget = resource("/widget/widget.js");
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(gzipped)) {
            gzip.write(widget);
        }

        assertTrue(
                gzipped.size() <= MAX_GZIPPED_BYTES,
                "widget.js is " + gzipped.size() + " bytes gzipped (" + widget.length + " plain)");
        System.out.printf("widget.js: %d bytes, %d gzipped%n", widget.length, gzipped.size());
        String source = new String(widget, java.nio.charset.StandardCharsets.UTF_8);
        assertFalse(source.contains("innerHTML"), "texts are set as text, never parsed as markup");
        assertFalse(source.contains("insertAdjacentHTML"));
        assertFalse(
                Pattern.compile("https?://(?!www\\.w3\\.org/2000/svg|HOST/)")
                        .matcher(source)
                        .find(),
                "the only absolute URLs are the SVG namespace and the embedding example");
    }

    @Test
    void theDemoPageEmbedsAWorkingDemoKeyUnderAStrictPolicy() {
        try (TestServer server = TestServer.demo(dataDir)) {
            Response page = server.http().get("/");

            assertEquals(200, page.status());
            assertEquals("text/html;charset=utf-8", page.header("Content-Type").replace(" ", ""));
            assertEquals(WidgetController.DEMO_PAGE_POLICY, page.header("Content-Security-Policy"));
            assertTrue(page.header("Content-Security-Policy").contains("script-src 'self';"));
            assertEquals("nosniff", page.header("X-Content-Type-Options"));
            assertEquals("no-referrer", page.header("Referrer-Policy"));
            assertFalse(page.body().contains("<script>"), "no inline script: the policy would refuse it");
            assertFalse(page.body().contains("style="), "no inline style either");
            assertFalse(page.body().contains("<style"));
            assertTrue(page.body().contains("Hotel Miramar"));
            Response css = server.http().get("/demo.css");
            assertEquals("text/css;charset=utf-8", css.header("Content-Type").replace(" ", ""));

            String key = demoKey(page.body());
            Response chat = server.http()
                    .with("X-Concierge-Key", key)
                    .postJson("/api/chat", "{\"message\": \"Hi\", \"channel\": \"web\"}");
            assertEquals(200, chat.status(), chat.body());
        }
    }

    @Test
    void eachDemoStartReplacesTheDemoKeyAndRevokesTheOldOne() {
        String firstKey;
        String[] manager;
        try (TestServer server = TestServer.demo(dataDir)) {
            firstKey = demoKey(server.http().get("/").body());
            manager = server.demoLogin("manager"); // printed on the first start only
        }
        try (TestServer server = TestServer.demo(dataDir)) {
            String secondKey = demoKey(server.http().get("/").body());

            assertFalse(firstKey.equals(secondKey));
            assertEquals(
                    401,
                    server.http()
                            .with("X-Concierge-Key", firstKey)
                            .get("/api/venue")
                            .status());
            assertEquals(
                    200,
                    server.http()
                            .with("X-Concierge-Key", secondKey)
                            .get("/api/venue")
                            .status());
            long demoKeys = server
                    .client()
                    .withStaffToken(
                            server.client().login(manager[0], manager[1]).token())
                    .publicKeys()
                    .stream()
                    .filter(k -> k.name().equals("Demo page"))
                    .count();
            assertEquals(1, demoKeys, "one demo key in use, however often the demo starts");
        }
    }

    @Test
    void withoutDemoThePageSaysTheWidgetNeedsAKey() {
        try (TestServer server = TestServer.start(ServerSettings.defaults(dataDir))) {
            Response page = server.http().get("/");

            assertEquals(200, page.status());
            assertFalse(page.body().contains("<script"), "no widget without a key");
            assertTrue(page.body().contains("needs a public key"), page.body());
        }
    }

    private static String demoKey(String page) {
        Matcher key = DEMO_KEY.matcher(page);
        assertTrue(key.find(), "the page embeds the widget with the demo key");
        return key.group(1);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = WidgetPageIT.class.getResourceAsStream(name)) {
            assertNotNull(in, name);
            return in.readAllBytes();
        }
    }
}
