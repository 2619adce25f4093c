package dev.concierge.support;

import dev.concierge.staff.Access;
import io.javalin.config.RoutesConfig;

/** {@code GET /api/staff/support-bundle}: the support bundle as a zip download, for owners. */
public final class SupportBundleController {
    private final SupportBundleService bundles;

    public SupportBundleController(SupportBundleService bundles) {
        this.bundles = bundles;
    }

    public void register(RoutesConfig routes) {
        routes.get(
                "/api/staff/support-bundle",
                ctx -> {
                    SupportBundleService.Bundle bundle = bundles.prepare();
                    ctx.contentType("application/zip");
                    ctx.res().setCharacterEncoding(null); // a zip has no charset; the server would add utf-8
                    ctx.header("Content-Disposition", "attachment; filename=\"" + bundle.fileName() + "\"");
                    bundles.write(bundle, ctx.outputStream());
                },
                Access.OWNER);
    }
}
