package dev.concierge.report;

import dev.concierge.api.InvalidFieldsException;
import dev.concierge.common.DateParameter;
import dev.concierge.staff.Access;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
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
        Map<String, String> problems = new LinkedHashMap<>();
        LocalDate day = DateParameter.optional(name, ctx.queryParam(name), problems);
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        return day;
    }
}
