package dev.concierge.calendar;

import dev.concierge.api.CalendarFeed;
import dev.concierge.common.DomainException;
import dev.concierge.staff.Access;
import dev.concierge.staff.Callers;
import dev.concierge.staff.StaffMember;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/**
 * Managers make and revoke feeds ({@code /api/staff/calendar-feeds}); calendar apps read
 * {@code GET /api/calendar/{token}.ics} with no other credential than the URL's secret token.
 */
public final class CalendarFeedController {
    private final CalendarFeedService feeds;

    public CalendarFeedController(CalendarFeedService feeds) {
        this.feeds = feeds;
    }

    public void register(RoutesConfig routes) {
        routes.post(
                "/api/staff/calendar-feeds",
                ctx -> ctx.status(HttpStatus.CREATED)
                        .json(feeds.create(
                                ctx.bodyAsClass(CalendarFeed.Request.class),
                                Callers.staff(ctx).map(StaffMember::id).orElse(null),
                                ctx.scheme() + "://" + ctx.host())),
                Access.MANAGER);
        routes.get("/api/staff/calendar-feeds", ctx -> ctx.json(feeds.list()), Access.MANAGER);
        routes.delete(
                "/api/staff/calendar-feeds/{id}",
                ctx -> {
                    feeds.revoke(ctx.pathParam("id"));
                    ctx.status(HttpStatus.NO_CONTENT);
                },
                Access.MANAGER);
        routes.get("/api/calendar/{feed}", this::feed);
    }

    private void feed(Context ctx) {
        String file = ctx.pathParam("feed");
        String token = file.endsWith(".ics") ? file.substring(0, file.length() - ".ics".length()) : file;
        String text = feeds.render(token)
                .orElseThrow(() -> DomainException.notFound("feed_not_found", "There is no such calendar feed."));
        // calendar apps poll; a few minutes of caching on their side is fine, never in a shared cache
        ctx.header("Cache-Control", "private, max-age=300")
                .contentType("text/calendar; charset=utf-8")
                .result(text);
    }
}
