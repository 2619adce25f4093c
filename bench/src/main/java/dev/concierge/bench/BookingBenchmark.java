package dev.concierge.bench;

import static dev.concierge.jooq.Tables.BOOKING;
import static dev.concierge.jooq.Tables.ROOM_TYPE;
import static dev.concierge.testing.VenueBuilder.list;
import static dev.concierge.testing.VenueBuilder.map;
import static dev.concierge.testing.VenueBuilder.text;

import dev.concierge.api.ApiJson;
import dev.concierge.api.ContactDetails;
import dev.concierge.api.ReservationRequest;
import dev.concierge.booking.BookingService;
import dev.concierge.common.Channel;
import dev.concierge.common.DomainException;
import dev.concierge.crm.ContactService;
import dev.concierge.jooq.tables.records.BookingRecord;
import dev.concierge.outbox.OutboxRepository;
import dev.concierge.storage.Database;
import dev.concierge.testing.VenueBuilder;
import dev.concierge.venue.VenueService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The booking engine in-process on a real H2 file database: a venue with 200 rooms and 50 services and 100,000
 * bookings over 2026. Sample-time mode, so JMH reports percentiles (p99 is the target: under 2 ms).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(1)
public class BookingBenchmark {
    static final int SERVICES = 50;
    static final int ROOM_TYPES = 4;
    static final int ROOMS_PER_TYPE = 50;
    static final int BOOKINGS = 100_000;
    /** Stays last 1 to this many nights. */
    static final int LONGEST_STAY_NIGHTS = 7;

    static final LocalDate YEAR = LocalDate.of(2026, 1, 1);
    static final ZoneId ZONE = ZoneId.of("Europe/Madrid");

    /** One seeded venue shared by all threads of a run. */
    @State(Scope.Benchmark)
    public static class Venue {
        Path dir;
        Database database;
        BookingService bookings;

        @Setup(Level.Trial)
        public void seed() throws IOException {
            dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "concierge-bench");
            database = Database.open(dir, null, null, null);
            Clock clock = Clock.fixed(
                    LocalDateTime.of(2025, 12, 31, 12, 0).atZone(ZONE).toInstant(), ZONE);
            VenueService venues = new VenueService(database.dsl(), ApiJson.newMapper(), clock);
            venues.importText(bigVenue().toYaml());
            bookings = new BookingService(
                    database.dsl(),
                    venues,
                    new ContactService(database.dsl(), venues, new OutboxRepository(ApiJson.newMapper()), clock),
                    new OutboxRepository(ApiJson.newMapper()),
                    clock,
                    (tx, stayId, channel, staffId) -> {});
            insertBookings();
        }

        private void insertBookings() {
            SplittableRandom random = new SplittableRandom(42);
            OffsetDateTime created = OffsetDateTime.of(2025, 12, 1, 9, 0, 0, 0, ZoneOffset.UTC);
            List<BookingRecord> batch = new ArrayList<>();
            for (int i = 0; i < BOOKINGS; i++) {
                BookingRecord booking = database.dsl().newRecord(BOOKING);
                LocalDate day = YEAR.plusDays(random.nextInt(365));
                if (i % 10 == 0) {
                    int nights = 1 + random.nextInt(LONGEST_STAY_NIGHTS);
                    booking.setKind("room")
                            .setRoomTypeId("room-" + random.nextInt(ROOM_TYPES))
                            .setStartAt(day.atTime(15, 0).atZone(ZONE).toOffsetDateTime())
                            .setEndAt(day.plusDays(nights)
                                    .atTime(11, 0)
                                    .atZone(ZONE)
                                    .toOffsetDateTime())
                            .setTaken(1)
                            .setPartySize(2);
                } else {
                    int service = random.nextInt(SERVICES);
                    LocalDateTime start = day.atTime(LocalTime.of(8, 0)).plusMinutes(30L * random.nextInt(25));
                    int party = 1 + random.nextInt(4);
                    booking.setKind("service")
                            .setServiceId("svc-" + service)
                            .setStartAt(start.atZone(ZONE).toOffsetDateTime())
                            .setEndAt(start.plusMinutes(60).atZone(ZONE).toOffsetDateTime())
                            .setTaken(service % 2 == 0 ? 1 : party)
                            .setPartySize(party);
                }
                booking.setBlockedUntil(booking.getEndAt())
                        .setReference(String.format("BN-%06d", i))
                        .setStatus("confirmed")
                        .setContactName("Guest " + i)
                        .setSource("web")
                        .setCreatedAt(created)
                        .setUpdatedAt(created);
                batch.add(booking);
                if (batch.size() == 5_000) {
                    database.dsl().batchInsert(batch).execute();
                    batch.clear();
                }
            }
            database.dsl().batchInsert(batch).execute();
            // what booking through the service records under the room type's lock
            database.dsl()
                    .update(ROOM_TYPE)
                    .set(ROOM_TYPE.LONGEST_STAY_NIGHTS, LONGEST_STAY_NIGHTS)
                    .execute();
        }

        @TearDown(Level.Trial)
        public void close() throws IOException {
            database.close();
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }

    /** 4 room types × 50 rooms; 50 services open 08:00–22:00, even ones by units, odd ones by covers. */
    static VenueBuilder bigVenue() {
        List<Object> rooms = list();
        for (int i = 0; i < ROOM_TYPES; i++) {
            rooms.add(map(
                    "id", "room-" + i,
                    "name", text("Room type " + i, "Tipo " + i),
                    "count", ROOMS_PER_TYPE,
                    "maxGuests", 2 + i,
                    "nightlyRate", 10_000 + 2_500 * i));
        }
        List<Object> services = list();
        for (int i = 0; i < SERVICES; i++) {
            services.add(map(
                    "id",
                    "svc-" + i,
                    "name",
                    text("Service " + i, "Servicio " + i),
                    "durationMinutes",
                    60,
                    "slotMinutes",
                    30,
                    "bufferMinutes",
                    i % 2 == 0 ? 10 : 0,
                    "capacity",
                    i % 2 == 0 ? map("units", 3) : map("covers", 40, "maxParty", 8),
                    "hours",
                    map("mon-sun", "08:00-22:00")));
        }
        return VenueBuilder.smallHotel()
                .set("closures", list())
                .set("rooms", rooms)
                .set("services", services);
    }

    @Benchmark
    public Object freeSlotsOfAServiceOnADay(Venue venue) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return venue.bookings.freeSlots("svc-" + random.nextInt(SERVICES), YEAR.plusDays(random.nextInt(365)), 2);
    }

    @Benchmark
    public Object roomsFreeForAThreeNightStay(Venue venue) {
        LocalDate checkIn = YEAR.plusDays(ThreadLocalRandom.current().nextInt(360));
        return venue.bookings.roomOffers(checkIn, checkIn.plusDays(3), 2, "en");
    }

    /** Four threads booking one service's slots in 2027: most find the slot taken (409), some book it. */
    @Benchmark
    @Threads(4)
    public Object bookingUnderContention(Venue venue) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        LocalDateTime start = LocalDate.of(2027, 1, 1)
                .plusDays(random.nextInt(60))
                .atTime(8, 0)
                .plusMinutes(30L * random.nextInt(28));
        ReservationRequest request = new ReservationRequest(
                "svc-0",
                start.toString(),
                2,
                null,
                null,
                null,
                null,
                new ContactDetails("Bench Guest", "bench@example.com", null),
                null,
                null);
        try {
            return venue.bookings.book(request, Channel.API, null);
        } catch (DomainException conflict) {
            return conflict;
        }
    }
}
