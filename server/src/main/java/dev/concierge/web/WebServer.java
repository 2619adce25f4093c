package dev.concierge.web;

import static net.logstash.logback.argument.StructuredArguments.kv;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.common.RateLimits;
import dev.concierge.staff.KioskService;
import dev.concierge.staff.PublicKeyService;
import dev.concierge.staff.StaffService;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.event.HandlerMetaInfo;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the Javalin server: JSON mapping, request limits, access checks, error contract, metrics. */
public final class WebServer {
    /** Bodies above this are refused with 413 before they are read. */
    public static final long MAX_BODY_BYTES = 1024 * 1024;

    /** Addresses whose request rate is tracked at once; the least recently seen are forgotten first. */
    static final int TRACKED_ADDRESSES = 50_000;

    /** How long a stopping server lets requests in flight finish. */
    static final long STOP_TIMEOUT_MS = 10_000;

    private static final Logger log = LoggerFactory.getLogger(WebServer.class);
    private static final Set<HandlerType> WITH_BODY = Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH);

    private WebServer() {}

    /**
     * A configured, not yet started server.
     *
     * @param routes each feature's route registration, e.g. {@code staffController::register}
     */
    public static Javalin create(
            ObjectMapper json,
            MeterRegistry metrics,
            StaffService staff,
            PublicKeyService keys,
            KioskService kiosks,
            List<Consumer<RoutesConfig>> routes) {
        return create(json, metrics, staff, keys, kiosks, PublicLimits.DEFAULTS, routes);
    }

    /**
     * A configured, not yet started server.
     *
     * @param limits the browser origins and the rate per address the public routes allow
     * @param routes each feature's route registration, e.g. {@code staffController::register}
     */
    public static Javalin create(
            ObjectMapper json,
            MeterRegistry metrics,
            StaffService staff,
            PublicKeyService keys,
            KioskService kiosks,
            PublicLimits limits,
            List<Consumer<RoutesConfig>> routes) {
        return create(json, metrics, staff, keys, kiosks, limits, RateLimits.IN_MEMORY, routes);
    }

    /** As above, with the public routes' rate per address counted in {@code store} (shared on PostgreSQL). */
    public static Javalin create(
            ObjectMapper json,
            MeterRegistry metrics,
            StaffService staff,
            PublicKeyService keys,
            KioskService kiosks,
            PublicLimits limits,
            RateLimits store,
            List<Consumer<RoutesConfig>> routes) {
        ErrorMapper errors = new ErrorMapper();
        AccessFilter access = new AccessFilter(
                staff,
                keys,
                kiosks,
                store.limit("public-address", limits.requestsPerWindow(), limits.window(), TRACKED_ADDRESSES));
        CorsPolicy cors = new CorsPolicy(limits.corsOrigins(), keys::anyKeyAllows);
        return Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.jsonMapper(new ContractJsonMapper(json));
            cfg.http.maxRequestSize = MAX_BODY_BYTES;
            cfg.http.defaultContentType = "application/json";
            cfg.router.ignoreTrailingSlashes = true;
            cfg.jetty.modifyServer(server -> {
                server.setStopTimeout(STOP_TIMEOUT_MS);
                // lets requests in flight finish when the server stops (SIGTERM, service restart)
                server.insertHandler(new GracefulHandler());
                server.setErrorHandler(new JsonErrorPages(json));
            });
            cfg.requestLogger.http((ctx, ms) -> record(metrics, ctx, ms));
            cfg.events.handlerAdded(WebServer::refuseUnguardedApiRoute);

            cfg.routes.before(WebServer::identifyAndHarden);
            cfg.routes.before("/api/*", cors::apply);
            cfg.routes.before("/api/*", WebServer::checkBody);
            cfg.routes.after("/api/*", WebServer::drainBody);
            cfg.routes.beforeMatched(access::check);
            cfg.routes.wsBeforeUpgrade("/api/*", access::checkSocket);
            cfg.routes.exception(
                    HttpResponseException.class, (e, ctx) -> errors.writeHttp(e.getStatus(), e.getMessage(), ctx));
            cfg.routes.exception(Exception.class, errors::handle);
            cfg.routes.error(404, ctx -> {
                if (ctx.result() == null) {
                    errors.writeHttp(404, null, ctx);
                }
            });
            cfg.routes.error(405, ctx -> {
                if (ctx.result() == null) {
                    errors.writeHttp(405, null, ctx);
                }
            });
            routes.forEach(register -> register.accept(cfg.routes));
        });
    }

    /**
     * Loads the web stack's classes (Javalin, Jetty, Kotlin) on a start-up thread while the database opens on the
     * other core; the server created afterwards then starts in a fraction of the time.
     */
    public static void preload() {
        Javalin.create(cfg -> cfg.startup.showJavalinBanner = false);
    }

    /** The API routes anybody may call without a key or a token; every other {@code /api} route names its access. */
    static final Set<String> OPEN_API_ROUTES = Set.of(
            "/api/health",
            "/api/staff/login",
            "/api/kiosk/pair",
            "/api/setup",
            "/api/setup/owner",
            "/api/setup/venue",
            // the backup command's: it checks its own token and the caller's address (backup/BackupController)
            "/api/local/backup",
            "/api/webhooks/stripe",
            "/api/calendar/{feed}");

    /** Fails the start when a feature forgot to say who may call one of its API routes. */
    private static void refuseUnguardedApiRoute(HandlerMetaInfo route) {
        boolean endpoint = route.getHttpMethod().isHttpMethod();
        if (endpoint
                && route.getPath().startsWith("/api/")
                && route.getRoles().isEmpty()
                && !OPEN_API_ROUTES.contains(route.getPath())) {
            throw new IllegalStateException(
                    route.getHttpMethod() + " " + route.getPath() + " has no access level: name one (Access.…)");
        }
    }

    /**
     * Every answer: its request id, never sniffed as another type than it says, no referrer sent on from our pages;
     * API answers (guests' details, staff data) are never kept by a cache.
     */
    private static void identifyAndHarden(Context ctx) {
        RequestIds.assign(ctx);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        if (ctx.path().startsWith("/api/")) {
            ctx.header("Cache-Control", "no-store");
        }
    }

    /** The routes that take a multipart form (a recording) instead of JSON. */
    static final Set<String> MULTIPART_ROUTES = Set.of("/api/chat/audio");

    /**
     * 413 for a body too large and 415 for a body that is not JSON (or, on {@link #MULTIPART_ROUTES}, not a multipart
     * form), before anything reads it.
     */
    private static void checkBody(Context ctx) {
        if (!WITH_BODY.contains(ctx.method())) {
            return;
        }
        long length = ctx.contentLength();
        if (length > MAX_BODY_BYTES) {
            throw new HttpResponseException(413, "body too large");
        }
        boolean hasBody = length > 0 || ctx.header("Transfer-Encoding") != null;
        String type = ctx.contentType();
        if (MULTIPART_ROUTES.contains(ctx.path())) {
            if (hasBody && (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data"))) {
                throw new HttpResponseException(415, "not multipart");
            }
            return;
        }
        if (hasBody && (type == null || !isJson(type))) {
            throw new HttpResponseException(415, "not JSON");
        }
    }

    /**
     * Reads what a route left of the body (one that takes none, such as a cancel): a server that answers and closes
     * with unread bytes may reset the connection before the client reads the answer.
     */
    private static void drainBody(Context ctx) {
        long length = ctx.contentLength();
        // not a body refused as too large: it may never come, and the 413 must not wait for it
        if (WITH_BODY.contains(ctx.method()) && length > 0 && length <= MAX_BODY_BYTES) {
            ctx.bodyAsBytes();
        }
    }

    private static boolean isJson(String contentType) {
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }

    /** One log line and one timer sample per request; the route pattern, never the query or body (no PII). */
    private static void record(MeterRegistry metrics, Context ctx, float ms) {
        String route = routePattern(ctx);
        int status = ctx.statusCode();
        Timer.builder("http.server.requests")
                .tag("method", ctx.method().name())
                .tag("route", route)
                .tag("status", String.valueOf(status))
                .register(metrics)
                .record((long) (ms * 1000), TimeUnit.MICROSECONDS);
        log.info(
                "{} {} {} {}ms",
                kv("method", ctx.method().name()),
                kv("route", route),
                kv("status", status),
                kv("ms", Math.round(ms)));
        RequestIds.forget();
    }

    private static String routePattern(Context ctx) {
        try {
            // the route that matched, even when a before-handler (e.g. the access check) ended the request
            return ctx.endpoints().matchedHttpEndpoint().path;
        } catch (RuntimeException e) {
            return "unmatched";
        }
    }
}
