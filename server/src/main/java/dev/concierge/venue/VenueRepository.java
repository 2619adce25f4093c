package dev.concierge.venue;

import static dev.concierge.jooq.Tables.KNOWLEDGE_ENTRY;
import static dev.concierge.jooq.Tables.MENU_ITEM;
import static dev.concierge.jooq.Tables.ROOM_TYPE;
import static dev.concierge.jooq.Tables.SERVICE;
import static dev.concierge.jooq.Tables.VENUE;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.api.KnowledgeBase;
import dev.concierge.common.DomainException;
import dev.concierge.jooq.tables.records.KnowledgeEntryRecord;
import dev.concierge.jooq.tables.records.MenuItemRecord;
import dev.concierge.jooq.tables.records.RoomTypeRecord;
import dev.concierge.jooq.tables.records.ServiceRecord;
import dev.concierge.jooq.tables.records.VenueRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;

/** Stores the venue file in the database and reads it back. */
final class VenueRepository {
    private static final String VENUE_ID = "venue";
    /** Whose a knowledge entry is: the venue file's, or the staff's since they wrote, changed or removed it. */
    private static final String FROM_FILE = "venue";

    private static final String STAFF = "staff";
    private static final TypeReference<Map<String, String>> TEXT_MAP = new TypeReference<>() {};
    private static final TypeReference<List<String>> TEXT_LIST = new TypeReference<>() {};
    private static final TypeReference<List<List<String>>> RANGE_LIST = new TypeReference<>() {};

    private final DSLContext dsl;
    private final ObjectMapper json;

    VenueRepository(DSLContext dsl, ObjectMapper json) {
        this.dsl = dsl;
        this.json = json;
    }

    /**
     * Writes the whole file in one transaction: rows are updated by id, new ones inserted, and what the file no
     * longer lists is deactivated (not deleted: bookings and orders still point at it).
     */
    void save(VenueFile file, OffsetDateTime now) {
        dsl.transaction(tx -> {
            DSLContext db = tx.dsl();
            VenueRecord venue = db.newRecord(VENUE)
                    .setId(VENUE_ID)
                    .setName(file.venue().name())
                    .setTimezone(file.venue().timezone().getId())
                    .setCurrency(file.venue().currency())
                    .setLanguages(write(file.venue().languages()))
                    .setPhone(file.venue().phone())
                    .setEmail(file.venue().email())
                    .setAddress(file.venue().address())
                    .setHours(write(file.hours().toText()))
                    .setClosures(write(file.closures().stream()
                            .map(c -> List.of(c.from().toString(), c.to().toString()))
                            .toList()))
                    .setUpdatedAt(now);
            upsert(db, venue);

            List<String> roomIds = new ArrayList<>();
            for (int i = 0; i < file.rooms().size(); i++) {
                VenueFile.RoomType room = file.rooms().get(i);
                roomIds.add(room.id());
                upsert(
                        db,
                        db.newRecord(ROOM_TYPE)
                                .setId(room.id())
                                .setName(write(room.name().byLanguage()))
                                .setDescription(writeText(room.description()))
                                .setRoomCount(room.count())
                                .setMaxGuests(room.maxGuests())
                                .setNightlyRate(room.nightlyRate())
                                .setNumbers(write(room.numbers()))
                                .setDeposit(room.deposit())
                                .setActive(true)
                                .setSortOrder(i)
                                .setUpdatedAt(now));
            }
            deactivateOthers(db, ROOM_TYPE, ROOM_TYPE.ID, ROOM_TYPE.ACTIVE, ROOM_TYPE.UPDATED_AT, roomIds, now);

            List<String> serviceIds = new ArrayList<>();
            for (int i = 0; i < file.services().size(); i++) {
                VenueFile.Service service = file.services().get(i);
                serviceIds.add(service.id());
                ServiceRecord record = db.newRecord(SERVICE)
                        .setId(service.id())
                        .setName(write(service.name().byLanguage()))
                        .setDescription(writeText(service.description()))
                        .setAliases(write(service.aliases()))
                        .setDurationMinutes(service.durationMinutes())
                        .setBufferMinutes(service.bufferMinutes())
                        .setSlotMinutes(service.slotMinutes())
                        .setPrice(service.price())
                        .setDeposit(service.deposit())
                        .setHours(
                                service.hours() == null
                                        ? null
                                        : write(service.hours().toText()))
                        .setActive(true)
                        .setSortOrder(i)
                        .setUpdatedAt(now);
                if (service.capacity() instanceof VenueFile.Units units) {
                    record.setCapacityUnits(units.units())
                            .setCapacityCovers(null)
                            .setMaxParty(null);
                } else if (service.capacity() instanceof VenueFile.Covers covers) {
                    record.setCapacityUnits(null)
                            .setCapacityCovers(covers.covers())
                            .setMaxParty(covers.maxParty());
                }
                upsert(db, record);
            }
            deactivateOthers(db, SERVICE, SERVICE.ID, SERVICE.ACTIVE, SERVICE.UPDATED_AT, serviceIds, now);

            List<String> menuIds = new ArrayList<>();
            for (int i = 0; i < file.menu().size(); i++) {
                VenueFile.MenuItem item = file.menu().get(i);
                menuIds.add(item.id());
                upsert(
                        db,
                        db.newRecord(MENU_ITEM)
                                .setId(item.id())
                                .setName(write(item.name().byLanguage()))
                                .setDescription(writeText(item.description()))
                                .setAliases(write(item.aliases()))
                                .setCategory(item.category())
                                .setPrice(item.price())
                                .setAvailable(
                                        item.available() == null
                                                ? null
                                                : item.available().toString())
                                .setActive(true)
                                .setSortOrder(i)
                                .setUpdatedAt(now));
            }
            deactivateOthers(db, MENU_ITEM, MENU_ITEM.ID, MENU_ITEM.ACTIVE, MENU_ITEM.UPDATED_AT, menuIds, now);

            saveFileKnowledge(db, file.knowledge(), now);
        });
    }

    /**
     * The file's knowledge entries, except those the staff own (wrote, changed or removed in the console): the
     * desk's edits outlive every re-import of the venue file.
     */
    private void saveFileKnowledge(DSLContext db, List<VenueFile.KnowledgeEntry> entries, OffsetDateTime now) {
        Set<String> staffOwned = new HashSet<>(db.select(KNOWLEDGE_ENTRY.ID)
                .from(KNOWLEDGE_ENTRY)
                .where(KNOWLEDGE_ENTRY.SOURCE.eq(STAFF))
                .fetch(KNOWLEDGE_ENTRY.ID));
        List<String> inFile = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            VenueFile.KnowledgeEntry entry = entries.get(i);
            inFile.add(entry.id());
            if (!staffOwned.contains(entry.id())) {
                upsert(
                        db,
                        db.newRecord(KNOWLEDGE_ENTRY)
                                .setId(entry.id())
                                .setQuestion(write(entry.question().byLanguage()))
                                .setAnswer(write(entry.answer().byLanguage()))
                                .setActive(true)
                                .setSortOrder(i)
                                .setSource(FROM_FILE)
                                .setUpdatedAt(now));
            }
        }
        db.update(KNOWLEDGE_ENTRY)
                .set(KNOWLEDGE_ENTRY.ACTIVE, false)
                .set(KNOWLEDGE_ENTRY.UPDATED_AT, now)
                .where(KNOWLEDGE_ENTRY.ACTIVE)
                .and(KNOWLEDGE_ENTRY.SOURCE.eq(FROM_FILE))
                .and(inFile.isEmpty() ? DSL.trueCondition() : KNOWLEDGE_ENTRY.ID.notIn(inFile))
                .execute();
    }

    /**
     * The staff's knowledge base as it should be, in one transaction: an entry unchanged stays as it is (and whose it
     * is); a new or changed one becomes the staff's; an active one left out is deactivated as the staff's.
     */
    void replaceKnowledge(List<VenueFile.KnowledgeEntry> entries, Map<String, Instant> readAt, OffsetDateTime now) {
        dsl.transaction(tx -> {
            DSLContext db = tx.dsl();
            // locked: another server instance's save of the same list waits, then sees this one's versions
            Map<String, KnowledgeEntryRecord> stored =
                    db.selectFrom(KNOWLEDGE_ENTRY).forUpdate().fetchMap(KNOWLEDGE_ENTRY.ID);
            Set<String> kept = new HashSet<>();
            for (int i = 0; i < entries.size(); i++) {
                VenueFile.KnowledgeEntry entry = entries.get(i);
                kept.add(entry.id());
                String question = write(entry.question().byLanguage());
                String answer = write(entry.answer().byLanguage());
                KnowledgeEntryRecord old = stored.get(entry.id());
                boolean unchanged = old != null
                        && old.getActive()
                        && old.getQuestion().equals(question)
                        && old.getAnswer().equals(answer);
                Instant version = readAt.get(entry.id());
                if (!unchanged
                        && old != null
                        && version != null
                        && !old.getUpdatedAt().toInstant().equals(version)) {
                    // the sender's copy is older than the stored entry: writing it would undo someone's change
                    throw DomainException.conflict(
                            "knowledge_changed",
                            "Someone else " + (old.getActive() ? "changed" : "deleted") + " the entry \""
                                    + entry.id() + "\" after this copy of it was read: reload it and make the change"
                                    + " again. Nothing was saved.");
                }
                if (unchanged && old != null) {
                    if (old.getSortOrder() != i) {
                        old.attach(db.configuration());
                        old.setSortOrder(i).update();
                    }
                    continue;
                }
                upsert(
                        db,
                        db.newRecord(KNOWLEDGE_ENTRY)
                                .setId(entry.id())
                                .setQuestion(question)
                                .setAnswer(answer)
                                .setActive(true)
                                .setSortOrder(i)
                                .setSource(STAFF)
                                .setUpdatedAt(nextVersion(old, now)));
            }
            for (KnowledgeEntryRecord removed : stored.values()) {
                if (removed.getActive() && !kept.contains(removed.getId())) {
                    removed.attach(db.configuration());
                    removed.setActive(false)
                            .setSource(STAFF)
                            .setUpdatedAt(nextVersion(removed, now))
                            .update();
                }
            }
        });
    }

    /**
     * An entry's {@code updatedAt} is also the version a save is checked against, so every change moves it on, even
     * under a frozen clock ({@code CONCIERGE_NOW}) or two saves within the database's microsecond.
     */
    private static OffsetDateTime nextVersion(@Nullable KnowledgeEntryRecord old, OffsetDateTime now) {
        if (old == null || !now.isBefore(old.getUpdatedAt().plusNanos(1_000))) {
            return now;
        }
        return old.getUpdatedAt().plusNanos(1_000);
    }

    /** The active knowledge entries as the staff see them: whose each is and when it last changed. */
    List<KnowledgeBase.Entry> knowledgeEntries() {
        return dsl.selectFrom(KNOWLEDGE_ENTRY)
                .where(KNOWLEDGE_ENTRY.ACTIVE)
                .orderBy(KNOWLEDGE_ENTRY.SORT_ORDER, KNOWLEDGE_ENTRY.ID)
                .fetch(r -> new KnowledgeBase.Entry(
                        r.getId(),
                        read(r.getQuestion(), TEXT_MAP),
                        read(r.getAnswer(), TEXT_MAP),
                        r.getSource(),
                        r.getUpdatedAt().toInstant()));
    }

    /**
     * The venue's time zone, when a venue has been imported. Plain JDBC on purpose: it is read before the clock
     * exists, on the critical path of start-up, where touching jOOQ (whose set-up takes most of a second) would wait
     * for the start-up thread that is setting it up.
     */
    static Optional<ZoneId> zone(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("select timezone from venue where id = ?")) {
            query.setString(1, VENUE_ID);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(ZoneId.of(row.getString(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the venue's time zone", e);
        }
    }

    /** The active venue as a venue file, when one has been imported. */
    Optional<VenueFile> load() {
        VenueRecord venue = dsl.selectFrom(VENUE).where(VENUE.ID.eq(VENUE_ID)).fetchOne();
        if (venue == null) {
            return Optional.empty();
        }
        VenueFile.Info info = new VenueFile.Info(
                venue.getName(),
                ZoneId.of(venue.getTimezone()),
                venue.getCurrency(),
                read(venue.getLanguages(), TEXT_LIST),
                venue.getPhone(),
                venue.getEmail(),
                venue.getAddress());
        List<VenueFile.Closure> closures = read(venue.getClosures(), RANGE_LIST).stream()
                .map(range -> new VenueFile.Closure(LocalDate.parse(range.get(0)), LocalDate.parse(range.get(1))))
                .toList();
        List<VenueFile.RoomType> rooms = dsl.selectFrom(ROOM_TYPE)
                .where(ROOM_TYPE.ACTIVE)
                .orderBy(ROOM_TYPE.SORT_ORDER)
                .fetch(this::room);
        List<VenueFile.Service> services = dsl.selectFrom(SERVICE)
                .where(SERVICE.ACTIVE)
                .orderBy(SERVICE.SORT_ORDER)
                .fetch(this::service);
        List<VenueFile.MenuItem> menu = dsl.selectFrom(MENU_ITEM)
                .where(MENU_ITEM.ACTIVE)
                .orderBy(MENU_ITEM.SORT_ORDER)
                .fetch(this::menuItem);
        List<VenueFile.KnowledgeEntry> knowledge = dsl.selectFrom(KNOWLEDGE_ENTRY)
                .where(KNOWLEDGE_ENTRY.ACTIVE)
                .orderBy(KNOWLEDGE_ENTRY.SORT_ORDER, KNOWLEDGE_ENTRY.ID)
                .fetch(r ->
                        new VenueFile.KnowledgeEntry(r.getId(), localized(r.getQuestion()), localized(r.getAnswer())));
        return Optional.of(new VenueFile(info, hours(venue.getHours()), closures, rooms, services, menu, knowledge));
    }

    private VenueFile.RoomType room(RoomTypeRecord r) {
        return new VenueFile.RoomType(
                r.getId(),
                localized(r.getName()),
                localizedOrNull(r.getDescription()),
                r.getRoomCount(),
                r.getMaxGuests(),
                r.getNightlyRate(),
                read(r.getNumbers(), TEXT_LIST),
                r.getDeposit());
    }

    private VenueFile.Service service(ServiceRecord r) {
        Integer units = r.getCapacityUnits();
        Integer covers = r.getCapacityCovers();
        Integer maxParty = r.getMaxParty();
        VenueFile.Capacity capacity = units != null
                ? new VenueFile.Units(units)
                : new VenueFile.Covers(
                        java.util.Objects.requireNonNull(covers), java.util.Objects.requireNonNull(maxParty));
        String hours = r.getHours();
        return new VenueFile.Service(
                r.getId(),
                localized(r.getName()),
                localizedOrNull(r.getDescription()),
                read(r.getAliases(), TEXT_LIST),
                r.getDurationMinutes(),
                r.getBufferMinutes(),
                r.getSlotMinutes(),
                capacity,
                r.getPrice(),
                hours == null ? null : hours(hours),
                r.getDeposit());
    }

    private VenueFile.MenuItem menuItem(MenuItemRecord r) {
        String available = r.getAvailable();
        return new VenueFile.MenuItem(
                r.getId(),
                localized(r.getName()),
                localizedOrNull(r.getDescription()),
                read(r.getAliases(), TEXT_LIST),
                r.getCategory(),
                r.getPrice(),
                available == null ? null : TimePeriod.parse(available).orElseThrow());
    }

    /** Hours were validated before they were stored, so reading them back cannot fail. */
    private WeeklyHours hours(String text) {
        Map<DayOfWeek, List<TimePeriod>> periods = new EnumMap<>(DayOfWeek.class);
        read(text, TEXT_MAP).forEach((day, value) -> {
            if (!"closed".equals(value)) {
                periods.put(
                        VenueFileReader.dayOf(day),
                        java.util.Arrays.stream(value.split(","))
                                .map(p -> TimePeriod.parse(p).orElseThrow())
                                .toList());
            }
        });
        return new WeeklyHours(periods);
    }

    private static <R extends org.jooq.UpdatableRecord<R>> void upsert(DSLContext db, R record) {
        db.insertInto(record.getTable())
                .set(record)
                .onDuplicateKeyUpdate()
                .set(record)
                .execute();
    }

    private static <R extends Record> void deactivateOthers(
            DSLContext db,
            Table<R> table,
            TableField<R, String> id,
            Field<Boolean> active,
            Field<OffsetDateTime> updatedAt,
            List<String> keep,
            OffsetDateTime now) {
        db.update(table)
                .set(active, false)
                .set(updatedAt, now)
                .where(active)
                .and(keep.isEmpty() ? org.jooq.impl.DSL.trueCondition() : id.notIn(keep))
                .execute();
    }

    private LocalizedText localized(String text) {
        return new LocalizedText(read(text, TEXT_MAP));
    }

    private @Nullable LocalizedText localizedOrNull(@Nullable String text) {
        return text == null ? null : localized(text);
    }

    private @Nullable String writeText(@Nullable LocalizedText text) {
        return text == null ? null : write(text.byLanguage());
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write venue data as JSON", e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored venue data is not valid JSON", e);
        }
    }
}
