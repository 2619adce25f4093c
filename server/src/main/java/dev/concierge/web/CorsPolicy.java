package dev.concierge.web;

import dev.concierge.common.DomainException;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.function.Predicate;

/**
 * Which web pages may call the API from a browser: a page whose origin a public key in use allows (the widget on
 * the venue's website), or one named in {@code CORS_ORIGIN}. A preflight carries no key, so it is answered for any
 * origin some key allows; the request itself then needs a key that allows its origin ({@link AccessFilter}).
 */
final class CorsPolicy {
    static final String ALLOW_ORIGIN = "Access-Control-Allow-Origin";

    /** Browsers may keep a preflight's answer this long (seconds) before asking again. */
    static final String MAX_AGE_SECONDS = "600";

    private final List<String> configured;
    private final Predicate<String> someKeyAllows;

    CorsPolicy(List<String> configured, Predicate<String> someKeyAllows) {
        this.configured = List.copyOf(configured);
        this.someKeyAllows = someKeyAllows;
    }

    /** Before every API request: marks an allowed origin's answer readable; answers a preflight itself. */
    void apply(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null) {
            return; // not a browser's cross-origin call: nothing to say
        }
        ctx.header("Vary", "Origin");
        boolean allowed = configured.contains(origin) || someKeyAllows.test(origin);
        if (allowed) {
            ctx.header(ALLOW_ORIGIN, origin);
            ctx.header("Access-Control-Expose-Headers", "Retry-After, " + RequestIds.HEADER);
        }
        if (ctx.method() != HandlerType.OPTIONS || ctx.header("Access-Control-Request-Method") == null) {
            return;
        }
        if (!allowed) {
            throw DomainException.forbidden(
                    "origin_not_allowed", "No public key of this venue may be used from " + origin + ".");
        }
        ctx.header("Access-Control-Allow-Methods", "GET, POST, PUT, PATCH, DELETE");
        ctx.header(
                "Access-Control-Allow-Headers", "Content-Type, Authorization, X-Concierge-Key, " + RequestIds.HEADER);
        ctx.header("Access-Control-Max-Age", MAX_AGE_SECONDS);
        ctx.status(204).skipRemainingHandlers();
    }
}
