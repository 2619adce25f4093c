package dev.concierge.crm;

import dev.concierge.crm.ContactExportService.Filter;
import dev.concierge.crm.ContactExportService.Format;
import dev.concierge.staff.Access;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The managers' CRM downloads: {@code /api/staff/contacts/export.xlsx} and {@code export.csv}, filtered by
 * {@code from}, {@code to} (the day a contact was created) and {@code consent=true}.
 */
public final class ContactExportController {
    private static final Logger log = LoggerFactory.getLogger(ContactExportController.class);

    private final ContactExportService exports;

    public ContactExportController(ContactExportService exports) {
        this.exports = exports;
    }

    /** Registers the downloads; before {@code /api/staff/contacts/{id}}, which would also match their paths. */
    public void register(RoutesConfig routes) {
        routes.get("/api/staff/contacts/export.xlsx", ctx -> export(ctx, Format.XLSX), Access.MANAGER);
        routes.get("/api/staff/contacts/export.csv", ctx -> export(ctx, Format.CSV), Access.MANAGER);
    }

    private void export(Context ctx, Format format) throws IOException {
        Filter filter = Filter.parse(ctx.queryParam("from"), ctx.queryParam("to"), ctx.queryParam("consent"));
        ctx.contentType(format.contentType());
        if (!format.contentType().contains("charset")) {
            ctx.res().setCharacterEncoding(null); // a zip has no charset; the server would add utf-8
        }
        ctx.header("Content-Disposition", "attachment; filename=\"" + exports.fileName(format) + "\"");
        ctx.header("Cache-Control", "no-store"); // personal data: no copies in caches on the way
        try {
            exports.export(format, filter, ctx.outputStream());
        } catch (IOException | RuntimeException e) {
            if (!ctx.res().isCommitted()) {
                ctx.res().reset(); // nothing sent yet: the error contract applies, without the download's headers
                throw e;
            }
            // 200 and part of the file are out: cut the connection, so the client sees a broken download rather
            // than a complete-looking short file (an error body appended to the CSV would be worse). The server
            // speaks HTTP/1.1, one request per connection at a time, so no other request is cut with it.
            if (e instanceof IOException) {
                log.warn("Contact export stopped part-way: {}", e.toString()); // mostly the client went away
            } else {
                log.error("Contact export failed part-way", e);
            }
            ServletContextRequest.getServletContextRequest(ctx.req())
                    .getServletChannel()
                    .getEndPoint()
                    .close(e);
        }
    }
}
