package dev.concierge.api;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /api/setup/venue}: the venue of a new appliance, during the first run (with the setup code): either its
 * basics, or a whole venue file (YAML, as DESIGN.md describes it) to import.
 */
public record VenueSetup(
        String code, @Nullable Basics venue, @Nullable String venueFile) {
    public static final int MAX_VENUE_FILE_CHARACTERS = 512 * 1024;

    public VenueSetup(@Nullable String code, @Nullable Basics venue, @Nullable String venueFile) {
        boolean file = venueFile != null && !venueFile.isBlank();
        FieldChecks.start()
                .require("code", code)
                .maxLength("code", code, 40)
                .check(venue != null || file, "venue", "give the venue's basics or a venue file")
                .check(venue == null || !file, "venueFile", "give either the venue's basics or a venue file, not both")
                .maxLength("venueFile", venueFile, MAX_VENUE_FILE_CHARACTERS)
                .orThrow();
        this.code = Objects.requireNonNull(code);
        this.venue = venue;
        this.venueFile = file ? venueFile : null;
    }

    /**
     * What a venue needs to start with; rooms, services and the menu come later (a venue file, or the console).
     *
     * @param timezone an IANA zone, e.g. {@code Europe/Madrid}
     * @param currency an ISO 4217 code, e.g. {@code EUR}
     * @param languages the guests' languages, of {@code en} and {@code es}, the first the default
     */
    public record Basics(String name, String timezone, String currency, List<String> languages) {
        public Basics(
                @Nullable String name,
                @Nullable String timezone,
                @Nullable String currency,
                @Nullable List<String> languages) {
            FieldChecks.start()
                    .require("venue.name", name)
                    .maxLength("venue.name", name, 200)
                    .require("venue.timezone", timezone)
                    .check(
                            timezone == null || isZone(timezone),
                            "venue.timezone",
                            "is not a time zone, e.g. Europe/Madrid")
                    .require("venue.currency", currency)
                    .check(
                            currency == null || isCurrency(currency),
                            "venue.currency",
                            "is not a currency code, e.g. EUR")
                    .notEmpty("venue.languages", languages)
                    .check(
                            languages == null
                                    || (languages.stream().allMatch(ChatRequest.LANGUAGES::contains)
                                            && languages.stream().distinct().count() == languages.size()),
                            "venue.languages",
                            "must be en, es or both, each once")
                    .orThrow();
            this.name = Objects.requireNonNull(name).trim();
            this.timezone = Objects.requireNonNull(timezone).trim();
            this.currency = Objects.requireNonNull(currency).trim().toUpperCase(java.util.Locale.ROOT);
            this.languages = List.copyOf(Objects.requireNonNull(languages));
        }

        private static boolean isZone(String zone) {
            try {
                ZoneId.of(zone.trim());
                return zone.contains("/") || zone.trim().equals("UTC");
            } catch (DateTimeException e) {
                return false;
            }
        }

        private static boolean isCurrency(String code) {
            try {
                return Currency.getInstance(code.trim().toUpperCase(java.util.Locale.ROOT)) != null;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
    }
}
