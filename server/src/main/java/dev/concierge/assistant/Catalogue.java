package dev.concierge.assistant;

import dev.concierge.assistant.local.CatalogMatcher;
import dev.concierge.assistant.local.EntityExtractor;
import dev.concierge.crm.ContactKeys;
import dev.concierge.venue.VenueFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the engine reads every message against that only changes with the venue: matchers of its services, menu and
 * room types, and the entity extractor with the venue's phone region. Built once per imported venue rather than per
 * message (building the three matchers was a quarter of a turn's time in the engine).
 */
record Catalogue(
        VenueFile venue, CatalogMatcher services, CatalogMatcher menu, CatalogMatcher rooms, EntityExtractor entities) {

    static Catalogue of(VenueFile venue) {
        String region = ContactKeys.forVenuePhone(venue.venue().phone()).defaultRegion();
        return new Catalogue(
                venue,
                new CatalogMatcher(venue.services().stream()
                        .map(s ->
                                new CatalogMatcher.Entry(s.id(), names(s.name().byLanguage(), s.aliases())))
                        .toList()),
                new CatalogMatcher(venue.menu().stream()
                        .map(m ->
                                new CatalogMatcher.Entry(m.id(), names(m.name().byLanguage(), m.aliases())))
                        .toList()),
                new CatalogMatcher(venue.rooms().stream()
                        // "a double", "the junior suite": the id's words name a room type too
                        .map(r -> new CatalogMatcher.Entry(
                                r.id(), names(r.name().byLanguage(), List.of(r.id().replace('-', ' ')))))
                        .toList()),
                new EntityExtractor(region));
    }

    private static List<String> names(Map<String, String> byLanguage, List<String> aliases) {
        List<String> names = new ArrayList<>(byLanguage.values());
        names.addAll(aliases);
        return names;
    }
}
