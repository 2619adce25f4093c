package dev.concierge.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.concierge.api.ApiJson;
import dev.concierge.staff.KioskService;
import dev.concierge.staff.PublicKeyService;
import dev.concierge.staff.StaffService;
import dev.concierge.storage.Database;
import dev.concierge.testing.RawHttp;
import io.javalin.Javalin;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnexpectedFailureIT {
    @TempDir
    Path dataDir;

    @Test
    void anApiRouteThatDoesNotSayWhoMayCallItStopsTheStart() {
        try (Database database = Database.open(dataDir, null, null, null)) {
            Clock clock = Clock.systemUTC();
            IllegalStateException e = assertThrows(
                    IllegalStateException.class,
                    () -> WebServer.create(
                            ApiJson.newMapper(),
                            new SimpleMeterRegistry(),
                            new StaffService(database.dsl(), clock),
                            new PublicKeyService(database.dsl(), ApiJson.newMapper(), clock),
                            new KioskService(database.dsl(), clock),
                            List.of(routes -> routes.get("/api/staff/forgotten", ctx -> ctx.result("secret")))));

            assertEquals("GET /api/staff/forgotten has no access level: name one (Access.…)", e.getMessage());
        }
    }

    @Test
    void aFailureInsideARouteIsA500WithoutInternals() {
        try (Database database = Database.open(dataDir, null, null, null)) {
            Clock clock = Clock.systemUTC();
            Javalin web = WebServer.create(
                    ApiJson.newMapper(),
                    new SimpleMeterRegistry(),
                    new StaffService(database.dsl(), clock),
                    new PublicKeyService(database.dsl(), ApiJson.newMapper(), clock),
                    new KioskService(database.dsl(), clock),
                    List.of(routes -> routes.get("/boom", ctx -> {
                        throw new IllegalStateException("connection string jdbc:secret@db-host failed");
                    })));
            web.start(0);
            try {
                RawHttp.Response response = new RawHttp(URI.create("http://localhost:" + web.port())).get("/boom");

                assertEquals(500, response.status());
                assertEquals("internal_error", response.errorCode());
                assertFalse(response.body().contains("secret"), response.body());
                assertFalse(response.body().contains("IllegalStateException"), response.body());
                assertFalse(response.body().contains("at dev.concierge"), response.body());
            } finally {
                web.stop();
            }
        }
    }
}
