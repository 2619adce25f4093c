package dev.concierge.widget;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Serves the chat widget ({@code GET /widget.js}) that venues embed with one script tag, and the demo hotel's home
 * page ({@code GET /}, {@code GET /demo.css}) that embeds it with the demo key. Everything comes from the jar: the
 * page fetches nothing from anywhere else, and its Content-Security-Policy says so.
 */
public final class WidgetController {
    /**
     * The demo page's policy: its own script and style only (no inline script, no inline style), the API and its
     * socket on this host. The widget styles its shadow root with a constructed stylesheet, which this allows.
     */
    static final String DEMO_PAGE_POLICY =
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
                    + " connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /** Browsers revalidate the widget (a cheap 304 by ETag) after five minutes, so an update reaches sites soon. */
    static final String WIDGET_CACHING = "public, max-age=300";

    private static final String WIDGET_SLOT = "<!--concierge-widget-->";

    private final Asset widget;
    private final Asset stylesheet;
    private final Asset page;

    /**
     * @param demoKey the public key the demo page embeds (a {@code --demo} start makes one); without it the page
     *     still shows the hotel and says how to give the widget a key
     */
    public WidgetController(Optional<String> demoKey) {
        this.widget = Asset.of(resource("widget.js"), "text/javascript; charset=utf-8");
        this.stylesheet = Asset.of(resource("demo.css"), "text/css; charset=utf-8");
        String html = new String(resource("demo.html"), StandardCharsets.UTF_8);
        if (!html.contains(WIDGET_SLOT)) {
            throw new IllegalStateException("demo.html has no " + WIDGET_SLOT);
        }
        this.page = Asset.of(
                html.replace(
                                WIDGET_SLOT,
                                demoKey.map(WidgetController::widgetTag).orElse(NO_KEY_NOTICE))
                        .getBytes(StandardCharsets.UTF_8),
                "text/html; charset=utf-8");
    }

    public void register(RoutesConfig routes) {
        routes.get("/widget.js", ctx -> {
            // any website may embed the widget, including ones that isolate themselves (COEP)
            ctx.header("Cross-Origin-Resource-Policy", "cross-origin");
            serve(ctx, widget, WIDGET_CACHING);
        });
        routes.get("/demo.css", ctx -> serve(ctx, stylesheet, WIDGET_CACHING));
        routes.get("/", ctx -> {
            ctx.header("Content-Security-Policy", DEMO_PAGE_POLICY);
            ctx.header("Referrer-Policy", "no-referrer");
            // the page carries this start's demo key: a cached copy would hold a revoked one after a restart
            serve(ctx, page, "no-cache");
        });
    }

    private static void serve(Context ctx, Asset asset, String caching) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Cache-Control", caching);
        ctx.header("ETag", asset.etag());
        String known = ctx.header("If-None-Match");
        if (known != null && known.contains(asset.etag())) {
            ctx.status(304);
            return;
        }
        ctx.contentType(asset.contentType()).result(asset.body());
    }

    static String widgetTag(String key) {
        return "<script src=\"/widget.js\" data-key=\"" + escapeAttribute(key) + "\" data-color=\"#0e5a6b\""
                + " data-position=\"right\" data-language=\"en\""
                + " data-greeting=\"Hello! I'm the Miramar's assistant. I can book a treatment or a table, take a"
                + " room-service order or answer your questions.\" async></script>";
    }

    private static final String NO_KEY_NOTICE =
            "<p class=\"widget-notice\" role=\"note\">The chat widget needs a public"
                    + " key: start the server with <code>--demo</code>, or create one with <code>POST /api/staff/keys</code>"
                    + " and embed <code>&lt;script src=\"/widget.js\" data-key=\"cpk_…\" async&gt;&lt;/script&gt;</code>.</p>";

    private static String escapeAttribute(String value) {
        return value.replace("&", "&amp;")
                .replace("\"", "&quot;")
                .replace("<", "&lt;")
                .replace(">", "&gt;");
    }

    private static byte[] resource(String name) {
        try (@Nullable InputStream in = WidgetController.class.getResourceAsStream("/widget/" + name)) {
            if (in == null) {
                throw new IllegalStateException("widget/" + name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file served as it is in the jar, with a strong ETag of its content. */
    private record Asset(byte[] body, String contentType, String etag) {
        static Asset of(byte[] body, String contentType) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
                String tag = Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(digest)
                        .substring(0, 22);
                return new Asset(body, contentType, "\"" + tag + "\"");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every JDK", e);
            }
        }
    }
}
