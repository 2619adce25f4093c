package dev.concierge.venue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.api.FieldChecks;
import dev.concierge.api.KnowledgeBase;
import dev.concierge.api.VenueProfile;
import dev.concierge.common.DomainException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javax.sql.DataSource;
import org.jooq.DSLContext;

/** The venue's data: imported from a venue file, read by every feature that sells or answers something. */
public final class VenueService {
    /** The bundled demo venue, used by {@code --demo}. */
    public static final String DEMO_VENUE_RESOURCE = "/demo/venue.yaml";

    private final VenueRepository repository;
    private final VenueFileReader reader = new VenueFileReader();
    private final Clock clock;
    private volatile CompletableFuture<Optional<VenueFile>> current;
    private final List<Runnable> changeListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** A service that reads the stored venue now. */
    public VenueService(DSLContext dsl, ObjectMapper json, Clock clock) {
        this(dsl, json, clock, Runnable::run);
    }

    /**
     * A service that reads the stored venue on {@code loader}, so start-up can go on meanwhile; whoever asks for the
     * venue before it is read waits for it.
     */
    public VenueService(DSLContext dsl, ObjectMapper json, Clock clock, Executor loader) {
        this.repository = new VenueRepository(dsl, json);
        this.clock = clock;
        this.current = CompletableFuture.supplyAsync(repository::load, loader);
    }

    /** The time zone of the stored venue, read before the server's clock exists. */
    public static Optional<ZoneId> storedZone(DataSource dataSource) {
        return VenueRepository.zone(dataSource);
    }

    /** Reads and validates a venue file without storing it; throws {@link VenueFileException}. */
    public static VenueFile readFile(Path file) {
        return new VenueFileReader().read(file);
    }

    /** The bundled demo venue file. */
    public static VenueFile demoVenue() {
        try (InputStream in = VenueService.class.getResourceAsStream(DEMO_VENUE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the demo venue is missing from the build");
            }
            return new VenueFileReader().read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the demo venue", e);
        }
    }

    /** Imports (or re-imports) a venue: re-importing the same file changes nothing, never duplicates. */
    public synchronized void importVenue(VenueFile file) {
        repository.save(file, OffsetDateTime.now(clock));
        current = CompletableFuture.completedFuture(repository.load());
        changed();
    }

    /** Calls {@code listener} after each change this service stores (other instances are told through it). */
    public void onChange(Runnable listener) {
        changeListeners.add(listener);
    }

    /** Reads the stored venue again: another instance on the same database changed it. */
    public synchronized void reload() {
        current = CompletableFuture.completedFuture(repository.load());
    }

    private void changed() {
        changeListeners.forEach(Runnable::run);
    }

    /** Validates and imports venue-file text; a bad file changes nothing. */
    public VenueFile importText(String text) {
        VenueFile file = reader.read(text);
        importVenue(file);
        return file;
    }

    /** The knowledge base as the staff see and edit it. */
    public KnowledgeBase knowledgeBase() {
        return new KnowledgeBase(repository.knowledgeEntries());
    }

    /**
     * The staff's knowledge base as it should be (see {@link KnowledgeBase}); texts only in the venue's languages.
     * A new entry without an id is given one. An entry sent with its {@code updatedAt} is changed only if nobody changed
     * it since that version (else 409 {@code knowledge_changed}); without it, it is written as sent. Bad input or a
     * conflict changes nothing.
     */
    public synchronized KnowledgeBase replaceKnowledge(KnowledgeBase wanted) {
        List<String> languages = venue().venue().languages();
        FieldChecks checks = FieldChecks.start();
        List<VenueFile.KnowledgeEntry> entries = new ArrayList<>();
        Map<String, Instant> readAt = new HashMap<>();
        for (int i = 0; i < wanted.entries().size(); i++) {
            KnowledgeBase.Entry entry = wanted.entries().get(i);
            if (entry.id() != null && entry.updatedAt() != null) {
                readAt.put(entry.id(), entry.updatedAt());
            }
            for (String language : entry.question().keySet()) {
                checks.check(
                        languages.contains(language),
                        "entries[" + i + "].question." + language,
                        "the venue's languages are " + String.join(", ", languages));
            }
            for (String language : entry.answer().keySet()) {
                checks.check(
                        languages.contains(language),
                        "entries[" + i + "].answer." + language,
                        "the venue's languages are " + String.join(", ", languages));
            }
            String id = entry.id() != null
                    ? entry.id()
                    : "entry-" + UUID.randomUUID().toString().substring(0, 8);
            entries.add(new VenueFile.KnowledgeEntry(
                    id, new LocalizedText(entry.question()), new LocalizedText(entry.answer())));
        }
        checks.orThrow();
        repository.replaceKnowledge(entries, readAt, OffsetDateTime.now(clock));
        current = CompletableFuture.completedFuture(repository.load());
        changed();
        return knowledgeBase();
    }

    public boolean hasVenue() {
        return current.join().isPresent();
    }

    /** The current venue; fails with 404 until one has been imported. */
    public VenueFile venue() {
        return current.join()
                .orElseThrow(() -> DomainException.notFound(
                        "venue_not_configured", "No venue has been set up yet: start the server with --venue FILE."));
    }

    /** The venue as clients show it, in {@code brandColor} ({@code #rrggbb}) when it has one. */
    public VenueProfile profile(@org.jspecify.annotations.Nullable String brandColor) {
        VenueFile venue = venue();
        VenueFile.Info info = venue.venue();
        return new VenueProfile(
                info.name(),
                info.timezone().getId(),
                info.currency(),
                info.languages(),
                info.phone(),
                info.email(),
                info.address(),
                OffsetDateTime.now(clock.withZone(info.timezone())),
                venue.services().stream()
                        .map(s -> new VenueProfile.Service(
                                s.id(), s.name().byLanguage(), s.durationMinutes(), s.price(), s.deposit()))
                        .toList(),
                venue.rooms().stream()
                        .map(r -> new VenueProfile.RoomType(
                                r.id(), r.name().byLanguage(), r.maxGuests(), r.nightlyRate(), r.numbers()))
                        .toList(),
                venue.menu().stream()
                        .map(m -> new VenueProfile.MenuItem(
                                m.id(),
                                m.name().byLanguage(),
                                m.category(),
                                m.price(),
                                m.available() == null ? null : m.available().toString()))
                        .toList(),
                brandColor);
    }
}
