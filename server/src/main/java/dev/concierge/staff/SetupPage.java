package dev.concierge.staff;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.jspecify.annotations.Nullable;

/**
 * The first run's web page, {@code GET /setup} (with {@code /setup.js} and {@code /setup.css}): where the owner of a
 * headless appliance creates the venue and the owner's account with the printed setup code. Everything comes from
 * the jar; the page runs only its own script and talks only to this server.
 */
public final class SetupPage {
    static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self';"
            + " img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final byte[] page = resource("setup.html");
    private final byte[] script = resource("setup.js");
    private final byte[] stylesheet = resource("setup.css");

    public void register(RoutesConfig routes) {
        routes.get("/setup", ctx -> serve(ctx, page, "text/html; charset=utf-8"));
        routes.get("/setup.js", ctx -> serve(ctx, script, "text/javascript; charset=utf-8"));
        routes.get("/setup.css", ctx -> serve(ctx, stylesheet, "text/css; charset=utf-8"));
    }

    private static void serve(Context ctx, byte[] body, String contentType) {
        ctx.header("Content-Security-Policy", POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", "no-cache");
        ctx.contentType(contentType).result(body);
    }

    private static byte[] resource(String name) {
        try (@Nullable InputStream in = SetupPage.class.getResourceAsStream("/setup/" + name)) {
            if (in == null) {
                throw new IllegalStateException("setup/" + name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
