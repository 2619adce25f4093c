package dev.concierge.venue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A validated venue file: everything the venue sells and says, as the owner wrote it. */
public record VenueFile(
        Info venue,
        WeeklyHours hours,
        List<Closure> closures,
        List<RoomType> rooms,
        List<Service> services,
        List<MenuItem> menu,
        List<KnowledgeEntry> knowledge) {

    public VenueFile {
        closures = List.copyOf(closures);
        rooms = List.copyOf(rooms);
        services = List.copyOf(services);
        menu = List.copyOf(menu);
        knowledge = List.copyOf(knowledge);
    }

    /** The venue itself. */
    public record Info(
            String name,
            ZoneId timezone,
            String currency,
            List<String> languages,
            @Nullable String phone,
            @Nullable String email,
            @Nullable String address) {
        public Info {
            languages = List.copyOf(languages);
        }
    }

    /** Days the venue is closed, both ends inclusive. */
    public record Closure(LocalDate from, LocalDate to) {
        public boolean contains(LocalDate day) {
            return !day.isBefore(from) && !day.isAfter(to);
        }
    }

    /** A kind of room sold by the night. */
    public record RoomType(
            String id,
            LocalizedText name,
            @Nullable LocalizedText description,
            int count,
            int maxGuests,
            long nightlyRate,
            List<String> numbers,
            @Nullable Long deposit) {
        public RoomType {
            numbers = List.copyOf(numbers);
        }
    }

    /** How many bookings a service slot holds: parallel units, or seats (covers) with a largest party. */
    public sealed interface Capacity permits Units, Covers {}

    /** {@code units} bookings at the same time, whatever their party size (e.g. two therapists). */
    public record Units(int units) implements Capacity {}

    /** {@code covers} guests per slot, no single party larger than {@code maxParty}. */
    public record Covers(int covers, int maxParty) implements Capacity {}

    /** Something bookable by time slot. */
    public record Service(
            String id,
            LocalizedText name,
            @Nullable LocalizedText description,
            List<String> aliases,
            int durationMinutes,
            int bufferMinutes,
            int slotMinutes,
            Capacity capacity,
            @Nullable Long price,
            @Nullable WeeklyHours hours,
            @Nullable Long deposit) {
        public Service {
            aliases = List.copyOf(aliases);
        }
    }

    /** Something orderable from the menu. */
    public record MenuItem(
            String id,
            LocalizedText name,
            @Nullable LocalizedText description,
            List<String> aliases,
            String category,
            long price,
            @Nullable TimePeriod available) {
        public MenuItem {
            aliases = List.copyOf(aliases);
        }
    }

    /** A question the assistant may answer, and the venue's answer. */
    public record KnowledgeEntry(String id, LocalizedText question, LocalizedText answer) {}
}
