package dev.concierge.report;

import dev.concierge.api.InvalidFieldsException;
import dev.concierge.staff.Access;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/** {@code GET /api/staff/reports?from=&to=} for managers and the owner. */
public final class ReportController {
    private final ReportService reports;

    public ReportController(ReportService reports) {
        this.reports = reports;
    }

    public void register(RoutesConfig routes) {
        routes.get(
                "/api/staff/reports",
                ctx -> ctx.json(reports.report(day(ctx, "from"), day(ctx, "to"))),
                Access.MANAGER);
    }

    private static @Nullable LocalDate day(Context ctx, String name) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw InvalidFieldsException.of(name, "must be a date like 2026-03-10");
        }
    }
}
