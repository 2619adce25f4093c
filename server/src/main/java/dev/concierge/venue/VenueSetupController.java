package dev.concierge.venue;

import dev.concierge.api.InvalidFieldsException;
import dev.concierge.api.VenueSetup;
import dev.concierge.common.DomainException;
import dev.concierge.staff.Access;
import dev.concierge.staff.SetupService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The venue of a new appliance: {@code POST /api/setup/venue} during the first run (the setup code is the credential,
 * and only while there is no venue), and {@code PUT /api/staff/venue} for the owner to import a venue file later.
 */
public final class VenueSetupController {
    private final VenueService venues;
    private final SetupService setup;
    private final Consumer<ZoneId> zoneChanged;

    /** @param zoneChanged told the venue's zone after an import, so the server's clock follows it without a restart */
    public VenueSetupController(VenueService venues, SetupService setup, Consumer<ZoneId> zoneChanged) {
        this.venues = venues;
        this.setup = setup;
        this.zoneChanged = zoneChanged;
    }

    public void register(RoutesConfig routes) {
        routes.post("/api/setup/venue", this::setUp);
        routes.put("/api/staff/venue", this::importFile, Access.OWNER);
    }

    private void setUp(Context ctx) {
        VenueSetup request = ctx.bodyAsClass(VenueSetup.class);
        synchronized (this) {
            setup.checkCode(request.code(), ctx.ip());
            if (venues.hasVenue()) {
                throw DomainException.conflict(
                        "venue_exists", "This appliance has its venue already: change it from the console.");
            }
            VenueFile venue = request.venueFile() != null ? read(request.venueFile()) : basics(request.venue());
            imported(venue);
        }
        ctx.status(201).json(venues.profile(null));
    }

    private void importFile(Context ctx) {
        ImportRequest request = ctx.bodyAsClass(ImportRequest.class);
        imported(read(request.venueFile()));
        ctx.json(venues.profile(null));
    }

    /** {@code PUT /api/staff/venue}: the whole venue file to import (re-importing updates, never duplicates). */
    record ImportRequest(String venueFile) {
        ImportRequest(@org.jspecify.annotations.Nullable String venueFile) {
            dev.concierge.api.FieldChecks.start()
                    .require("venueFile", venueFile)
                    .maxLength("venueFile", venueFile, VenueSetup.MAX_VENUE_FILE_CHARACTERS)
                    .orThrow();
            this.venueFile = java.util.Objects.requireNonNull(venueFile);
        }
    }

    private void imported(VenueFile venue) {
        venues.importVenue(venue);
        zoneChanged.accept(venue.venue().timezone());
    }

    /** A venue file's text, its problems answered as 400s on {@code venueFile.<path>}; nothing imported yet. */
    private static VenueFile read(String text) {
        try {
            return new VenueFileReader().read(text);
        } catch (VenueFileException e) {
            Map<String, String> problems = new LinkedHashMap<>();
            for (String problem : e.problems()) {
                int colon = problem.indexOf(": ");
                if (colon > 0) {
                    problems.putIfAbsent("venueFile." + problem.substring(0, colon), problem.substring(colon + 2));
                } else {
                    problems.putIfAbsent("venueFile", problem);
                }
            }
            throw new InvalidFieldsException(problems);
        }
    }

    private static VenueFile basics(VenueSetup.@org.jspecify.annotations.Nullable Basics basics) {
        if (basics == null) {
            throw InvalidFieldsException.of("venue", "give the venue's basics or a venue file");
        }
        return new VenueFile(
                new VenueFile.Info(
                        basics.name(),
                        ZoneId.of(basics.timezone()),
                        basics.currency(),
                        basics.languages(),
                        null,
                        null,
                        null),
                WeeklyHours.closed(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of());
    }
}
