package dev.concierge.report;

import dev.concierge.api.InvalidFieldsException;
import dev.concierge.api.Report;
import dev.concierge.common.DateParameter;
import dev.concierge.staff.Access;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@code GET /api/staff/reports?from=&to=} and the same as a spreadsheet ({@code reports.xlsx}), for managers and the owner. */
public final class ReportController {
    private final ReportService reports;
    private final java.util.function.Supplier<String> venueName;

    public ReportController(ReportService reports, java.util.function.Supplier<String> venueName) {
        this.reports = reports;
        this.venueName = venueName;
    }

    public void register(RoutesConfig routes) {
        routes.get(
                "/api/staff/reports",
                ctx -> ctx.json(reports.report(day(ctx, "from"), day(ctx, "to"))),
                Access.MANAGER);
        routes.get(
                "/api/staff/reports.xlsx",
                ctx -> {
                    Report report = reports.report(day(ctx, "from"), day(ctx, "to"));
                    java.io.ByteArrayOutputStream sheet = new java.io.ByteArrayOutputStream();
                    ReportWorkbook.write(report, venueName.get(), sheet);
                    ctx.contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
                    ctx.res().setCharacterEncoding(null); // a zip has no charset; the server would add utf-8
                    ctx.header(
                            "Content-Disposition",
                            "attachment; filename=\"concierge-report-" + report.from() + "-to-" + report.to()
                                    + ".xlsx\"");
                    ctx.result(sheet.toByteArray());
                },
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
