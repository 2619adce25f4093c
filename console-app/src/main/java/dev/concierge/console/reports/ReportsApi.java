package dev.concierge.console.reports;

import dev.concierge.api.ApiClient;
import dev.concierge.api.Report;
import dev.concierge.console.VenueClock;
import java.time.LocalDate;

/** The reports' server calls; they block, so they run off the FX thread. */
public interface ReportsApi {

    /** The venue's today by the server's clock ({@code GET /api/venue}), which "last 7 days" counts back from. */
    LocalDate today();

    /** {@code GET /api/staff/reports?from=&to=}: venue-local days, both included (manager+). */
    Report report(LocalDate from, LocalDate to);

    /** The path of the same report as a spreadsheet: {@code /api/staff/reports.xlsx?from=&to=}. */
    static String spreadsheet(LocalDate from, LocalDate to) {
        return "/api/staff/reports.xlsx?from=" + from + "&to=" + to;
    }

    static ReportsApi over(ApiClient client) {
        return new ReportsApi() {
            @Override
            public LocalDate today() {
                return VenueClock.today(client.venue());
            }

            @Override
            public Report report(LocalDate from, LocalDate to) {
                return client.get("/api/staff/reports?from=" + from + "&to=" + to, Report.class);
            }
        };
    }
}
