package dev.concierge.venue;

import static dev.concierge.jooq.Tables.KNOWLEDGE_ENTRY;
import static dev.concierge.jooq.Tables.SERVICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.concierge.api.ApiJson;
import dev.concierge.storage.Database;
import dev.concierge.testing.VenueBuilder;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VenueImportTest {
    @TempDir
    Path dataDir;

    private Database database;
    private VenueService venues;

    @BeforeEach
    void openDatabase() {
        database = Database.open(dataDir, null, null, null);
        venues = newService();
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    private VenueService newService() {
        return new VenueService(
                database.dsl(),
                ApiJson.newMapper(),
                Clock.fixed(Instant.parse("2026-03-10T08:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void whatIsImportedReadsBackTheSame() {
        VenueFile demo = VenueService.demoVenue();

        venues.importVenue(demo);

        assertEquals(demo, newService().venue(), "a fresh service reads the stored venue back unchanged");
    }

    @Test
    void reimportingUpdatesAndNeverDuplicates() {
        venues.importText(VenueBuilder.smallHotel().toYaml());
        venues.importText(VenueBuilder.smallHotel().toYaml());
        venues.importText(
                VenueBuilder.smallHotel().set("services[0].price", 9000).toYaml());

        assertEquals(2, database.dsl().fetchCount(SERVICE));
        assertEquals(1, database.dsl().fetchCount(KNOWLEDGE_ENTRY));
        assertEquals(9000L, newService().venue().services().get(0).price());
    }

    @Test
    void whatTheFileNoLongerListsIsRetiredNotDeleted() {
        venues.importText(VenueBuilder.smallHotel().toYaml());

        venues.importText(VenueBuilder.smallHotel().remove("services[0]").toYaml());

        assertEquals(2, database.dsl().fetchCount(SERVICE), "bookings may still point at the massage");
        assertFalse(database.dsl()
                .select(SERVICE.ACTIVE)
                .from(SERVICE)
                .where(SERVICE.ID.eq("massage-60"))
                .fetchSingle(SERVICE.ACTIVE));
        assertEquals(1, newService().venue().services().size());
    }

    @Test
    void aBadFileChangesNothing() {
        venues.importText(VenueBuilder.smallHotel().toYaml());
        VenueFile before = newService().venue();

        assertThrows(
                VenueFileException.class,
                () -> venues.importText(VenueBuilder.smallHotel()
                        .set("venue.name", "Renamed")
                        .set("services[0].hours.mon", "25:00")
                        .toYaml()));

        assertEquals(before, newService().venue());
    }
}
