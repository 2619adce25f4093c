package dev.concierge.support;

import dev.concierge.staff.Access;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code GET /api/staff/support-bundle}: the support bundle as a zip download, for owners. */
public final class SupportBundleController {
    private static final Logger log = LoggerFactory.getLogger(SupportBundleController.class);

    private final SupportBundleService bundles;

    public SupportBundleController(SupportBundleService bundles) {
        this.bundles = bundles;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/staff/support-bundle", this::download, Access.OWNER);
    }

    private void download(Context ctx) throws IOException {
        // read before the first byte goes out: a failure here is still an error answer in the contract's shape
        SupportBundleService.Bundle bundle = bundles.prepare();
        ctx.contentType("application/zip");
        ctx.res().setCharacterEncoding(null); // a zip has no charset; the server would add utf-8
        ctx.header("Content-Disposition", "attachment; filename=\"" + bundle.fileName() + "\"");
        try {
            bundles.write(bundle, ctx.outputStream());
        } catch (IOException | RuntimeException e) {
            if (!ctx.res().isCommitted()) {
                ctx.res().reset();
                throw e;
            }
            // part of the zip is out: cut the connection, so the download is broken rather than short and complete
            if (e instanceof IOException) {
                log.warn("Support bundle stopped part-way: {}", e.toString()); // mostly the client went away
            } else {
                log.error("Support bundle failed part-way", e);
            }
            ServletContextRequest.getServletContextRequest(ctx.req())
                    .getServletChannel()
                    .getEndPoint()
                    .close(e);
        }
    }
}
