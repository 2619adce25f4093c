package dev.concierge.booking;

import static dev.concierge.testing.VenueBuilder.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.testing.VenueBuilder;
import dev.concierge.venue.VenueFile;
import dev.concierge.venue.VenueFileReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ServiceAvailabilityTest {
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    private static final LocalDate TUESDAY = LocalDate.of(2026, 3, 10);
    private static final Instant LONG_AGO = Instant.parse("2020-01-01T00:00:00Z");

    private static VenueFile venue(VenueBuilder builder) {
        return new VenueFileReader().read(builder.toYaml());
    }

    private static ServiceAvailability availability(VenueFile venue, String serviceId) {
        return new ServiceAvailability(
                venue,
                venue.services().stream()
                        .filter(s -> s.id().equals(serviceId))
                        .findFirst()
                        .orElseThrow());
    }

    private static Instant at(LocalDate day, String time) {
        return ZonedDateTime.of(day, LocalTime.parse(time), MADRID).toInstant();
    }

    private static List<String> startTimes(List<Slot> slots) {
        return slots.stream()
                .map(s -> s.start().atZone(MADRID).toLocalTime().toString())
                .toList();
    }

    @Test
    void anEmptyDayOffersEveryStartOfTheGridThatEndsByClosing() {
        ServiceAvailability massage = availability(venue(VenueBuilder.smallHotel()), "massage-60");

        List<Slot> slots = massage.freeSlots(TUESDAY, 1, LONG_AGO, List.of());

        assertEquals(
                List.of("10:00", "11:00", "12:00", "13:00", "14:00", "15:00", "16:00", "17:00", "18:00"),
                startTimes(slots));
        assertTrue(slots.stream().allMatch(s -> s.remaining() == 2), "two therapists");
        assertEquals(
                Duration.ofMinutes(60),
                Duration.between(slots.get(0).start(), slots.get(0).end()));
    }

    @Test
    void theBufferAfterABookingKeepsTheUnitBusy() {
        ServiceAvailability massage = availability(venue(VenueBuilder.smallHotel()), "massage-60");
        // both therapists from 10:00 to 11:00, then 15 minutes to clean up
        Occupancy ten = new Occupancy(at(TUESDAY, "10:00"), at(TUESDAY, "11:15"), 1);

        List<Slot> slots = massage.slots(TUESDAY, LONG_AGO, List.of(ten, ten));

        assertEquals(0, slots.get(0).remaining(), "10:00 is taken");
        assertEquals(0, slots.get(1).remaining(), "11:00 would start inside the buffer");
        assertEquals(2, slots.get(2).remaining(), "12:00 is free");
        assertEquals(
                List.of("12:00", "13:00"),
                startTimes(massage.freeSlots(TUESDAY, 1, LONG_AGO, List.of(ten, ten)))
                        .subList(0, 2));
    }

    @Test
    void coversCountSeatsOverTheWholeMealAndThePartyMustFit() {
        ServiceAvailability dinner = availability(venue(VenueBuilder.smallHotel()), "dinner");
        Occupancy bigGroup = new Occupancy(at(TUESDAY, "20:00"), at(TUESDAY, "21:30"), 35);

        List<Slot> slots = dinner.slots(TUESDAY, LONG_AGO, List.of(bigGroup));

        assertEquals(5, slots.get(0).remaining(), "19:00-20:30 overlaps the group from 20:00");
        assertEquals(
                40,
                slots.stream()
                        .filter(s -> startTimes(List.of(s)).get(0).equals("21:30"))
                        .findFirst()
                        .orElseThrow()
                        .remaining(),
                "21:30 starts when the group leaves");
        List<String> forSix = startTimes(dinner.freeSlots(TUESDAY, 6, LONG_AGO, List.of(bigGroup)));
        assertTrue(
                !forSix.contains("19:00") && !forSix.contains("21:00") && forSix.contains("21:30"), forSix.toString());
    }

    @Test
    void aPeriodPastMidnightBelongsToTheDayItStarts() {
        ServiceAvailability dinner = availability(venue(VenueBuilder.smallHotel()), "dinner");

        List<Slot> slots = dinner.freeSlots(TUESDAY, 2, LONG_AGO, List.of());

        assertEquals(
                List.of("19:00", "19:30", "20:00", "20:30", "21:00", "21:30", "22:00", "22:30", "23:00"),
                startTimes(slots));
        assertEquals(
                LocalDateTime.of(2026, 3, 11, 0, 30),
                slots.get(slots.size() - 1).end().atZone(MADRID).toLocalDateTime(),
                "the last table leaves at closing, 00:30 the next day");
    }

    @Test
    void aClosedDayHasNoSlots() {
        ServiceAvailability massage = availability(venue(VenueBuilder.smallHotel()), "massage-60");

        assertTrue(massage.freeSlots(LocalDate.of(2026, 12, 25), 1, LONG_AGO, List.of())
                .isEmpty());
        assertTrue(
                massage.freeSlots(LocalDate.of(2026, 8, 12), 1, LONG_AGO, List.of())
                        .isEmpty(),
                "a range");
        assertTrue(massage.closedOn(LocalDate.of(2026, 8, 16)));
        assertTrue(!massage.closedOn(LocalDate.of(2026, 8, 17)));
    }

    @Test
    void neverASlotInThePast() {
        ServiceAvailability massage = availability(venue(VenueBuilder.smallHotel()), "massage-60");

        List<Slot> slots = massage.freeSlots(TUESDAY, 1, at(TUESDAY, "12:30"), List.of());

        assertEquals("13:00", startTimes(slots).get(0));
    }

    private static VenueFile nightOwl() {
        return venue(VenueBuilder.smallHotel()
                .set("services[0].hours", map("mon-sun", "00:00-06:00"))
                .set("services[0].durationMinutes", 30)
                .set("services[0].bufferMinutes", 0));
    }

    @Test
    void whenClocksGoForwardTheMissingHourHasNoSlots() {
        LocalDate springForward = LocalDate.of(2026, 3, 29); // 02:00 → 03:00 in Madrid

        List<Slot> slots = availability(nightOwl(), "massage-60").freeSlots(springForward, 1, LONG_AGO, List.of());

        List<String> times = startTimes(slots);
        assertEquals(10, slots.size(), times.toString());
        assertTrue(!times.contains("02:00") && !times.contains("02:30"), times.toString());
        assertEquals("03:00", times.get(4));
    }

    @Test
    void whenClocksGoBackTheRepeatedHourIsOfferedOnceAndCountedOnce() {
        LocalDate fallBack = LocalDate.of(2026, 10, 25); // 03:00 → 02:00 in Madrid
        ServiceAvailability owl = availability(nightOwl(), "massage-60");
        Instant firstHalfPastTwo = ZonedDateTime.ofLocal(LocalDateTime.of(fallBack, LocalTime.of(2, 30)), MADRID, null)
                .withEarlierOffsetAtOverlap()
                .toInstant();
        Occupancy busy = new Occupancy(firstHalfPastTwo, firstHalfPastTwo.plus(Duration.ofMinutes(30)), 2);

        List<Slot> slots = owl.slots(fallBack, LONG_AGO, List.of(busy));

        assertEquals(12, slots.size(), "00:00 to 05:30 every 30 minutes, each wall-clock time once");
        for (int i = 1; i < slots.size(); i++) {
            assertTrue(slots.get(i).start().isAfter(slots.get(i - 1).start()), "strictly in time order");
        }
        assertEquals(0, slots.get(5).remaining(), "02:30 (the first one) is taken");
        assertEquals(2, slots.get(4).remaining(), "02:00 is free");
        assertEquals(2, slots.get(6).remaining(), "03:00 is free");
    }

    /** The slow way: minute by minute, the most any existing booking takes during [start, blocked-until). */
    private static int remainingByMinutes(ServiceAvailability service, Slot slot, List<Occupancy> existing) {
        int peak = 0;
        for (Instant minute = slot.start();
                minute.isBefore(service.blockedUntil(slot.end()));
                minute = minute.plusSeconds(60)) {
            int load = 0;
            for (Occupancy o : existing) {
                if (!minute.isBefore(o.start()) && minute.isBefore(o.end())) {
                    load += o.load();
                }
            }
            peak = Math.max(peak, load);
        }
        return service.capacity() - peak;
    }

    @Test
    void remainingCapacityAgreesWithAMinuteByMinuteCountOnRandomDays() {
        VenueFile venue = venue(VenueBuilder.smallHotel()
                .set("services[0].capacity", map("units", 3))
                .set("services[0].slotMinutes", 15)
                .set("services[0].bufferMinutes", 10));
        Random random = new Random(20261125);
        for (String serviceId : List.of("massage-60", "dinner")) {
            ServiceAvailability service = availability(venue, serviceId);
            for (int trial = 0; trial < 150; trial++) {
                LocalDate day = TUESDAY.plusDays(random.nextInt(300));
                List<Occupancy> existing = new ArrayList<>();
                int bookings = random.nextInt(12);
                for (int i = 0; i < bookings; i++) {
                    Instant start = at(day, "09:00").plus(Duration.ofMinutes(5L * random.nextInt(200)));
                    Instant end = start.plus(Duration.ofMinutes(5L + 5L * random.nextInt(30)));
                    existing.add(new Occupancy(start, end, 1 + random.nextInt(serviceId.equals("dinner") ? 8 : 1)));
                }
                for (Slot slot : service.slots(day, LONG_AGO, existing)) {
                    assertEquals(
                            remainingByMinutes(service, slot, existing),
                            slot.remaining(),
                            serviceId + " on " + day + " at " + slot.start() + " with " + existing);
                }
            }
        }
    }
}
