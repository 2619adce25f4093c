package dev.concierge.settings;

import dev.concierge.api.IntegrationChange;
import dev.concierge.common.DomainException;
import dev.concierge.staff.Access;
import dev.concierge.staff.Callers;
import dev.concierge.staff.StaffMember;
import io.javalin.config.RoutesConfig;
import java.util.Map;

/**
 * {@code GET /api/staff/integrations} (managers see what is set, never a secret), {@code PUT} (owners only),
 * {@code POST /api/staff/integrations/{service}/test} (managers: does the service answer with these settings?).
 */
public final class IntegrationSettingsController {
    private final IntegrationSettingsService integrations;
    private final Map<String, ConnectionTest> tests;

    /** @param tests by service name ({@code stripe}, {@code n8n}, …) */
    public IntegrationSettingsController(IntegrationSettingsService integrations, Map<String, ConnectionTest> tests) {
        this.integrations = integrations;
        this.tests = Map.copyOf(tests);
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/staff/integrations", ctx -> ctx.json(integrations.list()), Access.MANAGER);
        routes.put(
                "/api/staff/integrations",
                ctx -> ctx.json(integrations.update(
                        ctx.bodyAsClass(IntegrationChange.class),
                        Callers.staff(ctx).map(StaffMember::id).orElse(null))),
                Access.OWNER);
        routes.post(
                "/api/staff/integrations/{service}/test",
                ctx -> {
                    ConnectionTest test = tests.get(ctx.pathParam("service"));
                    if (test == null) {
                        throw DomainException.notFound(
                                "no_connection_test",
                                "There is no connection test for " + ctx.pathParam("service") + "; there is for "
                                        + String.join(", ", new java.util.TreeSet<>(tests.keySet())) + ".");
                    }
                    ctx.json(test.test(integrations::nextValue));
                },
                Access.MANAGER);
    }
}
