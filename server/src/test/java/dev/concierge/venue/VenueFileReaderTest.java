package dev.concierge.venue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.testing.VenueBuilder;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class VenueFileReaderTest {
    private final VenueFileReader reader = new VenueFileReader();

    @Test
    void readsEveryPartOfAGoodFile() {
        VenueFile file = reader.read(VenueBuilder.smallHotel().toYaml());

        assertEquals("Hotel Test", file.venue().name());
        assertEquals("Europe/Madrid", file.venue().timezone().getId());
        assertEquals(List.of("en", "es"), file.venue().languages());
        assertEquals(
                List.of(
                        new TimePeriod(LocalTime.of(9, 0), LocalTime.of(14, 0)),
                        new TimePeriod(LocalTime.of(16, 0), LocalTime.of(20, 0))),
                file.hours().on(DayOfWeek.WEDNESDAY));
        assertTrue(file.hours().on(DayOfWeek.SUNDAY).isEmpty(), "sun: closed");
        assertEquals(
                List.of(
                        new VenueFile.Closure(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 25)),
                        new VenueFile.Closure(LocalDate.of(2026, 8, 10), LocalDate.of(2026, 8, 16))),
                file.closures());
        VenueFile.RoomType room = file.rooms().get(0);
        assertEquals(List.of("101", "102"), room.numbers());
        assertEquals("Habitación doble", room.name().in("es"));

        VenueFile.Service massage = file.services().get(0);
        assertEquals(new VenueFile.Units(2), massage.capacity());
        assertEquals(60, massage.slotMinutes(), "the slot grid defaults to the duration");
        assertEquals(15, massage.bufferMinutes());
        VenueFile.Service dinner = file.services().get(1);
        assertEquals(new VenueFile.Covers(40, 8), dinner.capacity());
        assertEquals(0, dinner.bufferMinutes(), "no buffer unless given");
        assertNull(dinner.price(), "a table is free to book");
        TimePeriod evening = dinner.hours().on(DayOfWeek.MONDAY).get(0);
        assertTrue(evening.overnight(), "19:00-00:30 runs past midnight");
        assertEquals(Duration.ofMinutes(330), evening.length());

        assertEquals(1450, file.menu().get(0).price());
        assertEquals(
                "La salida es a las 11:00.", file.knowledge().get(0).answer().in("es"));
    }

    @Test
    void theBundledDemoVenueIsValidAndBelievable() {
        VenueFile demo = VenueService.demoVenue();

        assertTrue(demo.rooms().size() >= 3, "room types");
        assertTrue(demo.services().size() >= 4, "services");
        assertTrue(demo.services().stream().anyMatch(s -> s.capacity() instanceof VenueFile.Units), "a units service");
        assertTrue(
                demo.services().stream().anyMatch(s -> s.capacity() instanceof VenueFile.Covers), "a covers service");
        assertTrue(demo.menu().size() >= 15, "menu items: " + demo.menu().size());
        assertTrue(
                demo.knowledge().size() >= 20,
                "knowledge entries: " + demo.knowledge().size());
        assertEquals(List.of("en", "es"), demo.venue().languages());
        for (VenueFile.KnowledgeEntry entry : demo.knowledge()) {
            assertEquals(2, entry.answer().byLanguage().size(), entry.id() + " answers in en and es");
        }
    }

    @Test
    void aRangeOfDaysMayWrapAroundTheWeek() {
        VenueFile file = reader.read(VenueBuilder.smallHotel()
                .set("hours", VenueBuilder.map("fri-mon", "10:00-12:00"))
                .toYaml());

        assertEquals(1, file.hours().on(DayOfWeek.SUNDAY).size());
        assertEquals(1, file.hours().on(DayOfWeek.MONDAY).size());
        assertTrue(file.hours().on(DayOfWeek.TUESDAY).isEmpty());
    }

    static Stream<Arguments> badFiles() {
        return Stream.of(
                bad(
                        "an hour past 23",
                        b -> b.set("services[1].hours", VenueBuilder.map("mon", "25:00-26:00")),
                        "services[1].hours.mon: \"25:00\" is not a time"),
                bad("a missing venue name", b -> b.remove("venue.name"), "venue.name: is required"),
                bad(
                        "an unknown time zone",
                        b -> b.set("venue.timezone", "Europe/Atlantis"),
                        "venue.timezone: \"Europe/Atlantis\" is not a time zone (e.g. Europe/Madrid)"),
                bad(
                        "an unknown currency",
                        b -> b.set("venue.currency", "EURO"),
                        "venue.currency: must be at most 3 characters"),
                bad(
                        "a typo in a field name",
                        b -> b.set("services[0].duraton", 30),
                        "services[0].duraton: is not a known field"),
                bad(
                        "both capacity styles",
                        b -> b.set("services[0].capacity", VenueBuilder.map("units", 2, "covers", 4)),
                        "services[0].capacity: must have either units or covers (with maxParty), not both"),
                bad(
                        "a party larger than the room",
                        b -> b.set("services[1].capacity.maxParty", 50),
                        "services[1].capacity.maxParty: 50 is more than the 40 covers"),
                bad(
                        "a closure that ends before it starts",
                        b -> b.set("closures[1]", "2026-08-16..2026-08-10"),
                        "closures[1]: \"2026-08-16..2026-08-10\" ends before it starts"),
                bad(
                        "a date that does not exist",
                        b -> b.set("closures[0]", "2026-02-30"),
                        "closures[0]: \"2026-02-30\" is not a date (YYYY-MM-DD)"),
                bad(
                        "the same id twice",
                        b -> b.set("services[1].id", "massage-60"),
                        "services: id \"massage-60\" is used more than once"),
                bad(
                        "a price with decimals",
                        b -> b.set("menu[0].price", 14.5),
                        "menu[0].price: \"14.5\" is not an amount in minor units (e.g. 12000 for 120.00)"),
                bad("a missing translation", b -> b.remove("rooms[0].name.es"), "rooms[0].name.es: is missing"),
                bad(
                        "overlapping periods",
                        b -> b.set("hours.sat", "10:00-14:00, 13:00-18:00"),
                        "hours.sat: \"10:00-14:00, 13:00-18:00\" overlap"),
                bad("a day given twice", b -> b.set("hours.fri", "closed"), "hours.fri: fri is given more than once"),
                bad(
                        "not a day",
                        b -> b.set("hours.funday", "closed"),
                        "hours.funday: is not a day or a range of days (mon, tue, … sun, or e.g. mon-fri)"),
                bad(
                        "fewer room numbers than rooms",
                        b -> b.set("rooms[0].count", 3),
                        "rooms[0].numbers: lists 2 rooms but count is 3"),
                bad(
                        "an upper-case id",
                        b -> b.set("menu[0].id", "Club"),
                        "menu[0].id: \"Club\" must be lower-case letters, digits and dashes (e.g. massage-60)"),
                bad(
                        "a negative duration",
                        b -> b.set("services[0].durationMinutes", -5),
                        "services[0].durationMinutes: -5 must be between 5 and 1440"));
    }

    private static Arguments bad(String what, UnaryOperator<VenueBuilder> change, String problem) {
        return Arguments.of(what, change, problem);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void namesTheBadFieldByItsPath(String what, UnaryOperator<VenueBuilder> change, String problem) {
        String yaml = change.apply(VenueBuilder.smallHotel()).toYaml();

        VenueFileException e = assertThrows(VenueFileException.class, () -> reader.read(yaml));

        assertEquals(List.of(problem), e.problems(), what);
    }

    @Test
    void reportsEveryProblemAtOnce() {
        String yaml = VenueBuilder.smallHotel()
                .remove("venue.name")
                .set("services[0].hours", VenueBuilder.map("mon", "9-17"))
                .set("menu[0].available", "11:00-11:00")
                .toYaml();

        VenueFileException e = assertThrows(VenueFileException.class, () -> reader.read(yaml));

        assertEquals(
                List.of(
                        "venue.name: is required",
                        "services[0].hours.mon: \"9\" is not a time",
                        "menu[0].available: \"11:00-11:00\" starts and ends at the same time"),
                e.problems());
    }

    @Test
    void aDepositIsMoneyAboveZeroOnAServiceOrRoomType() {
        VenueFile file = reader.read(VenueBuilder.smallHotel()
                .set("services[0].deposit", 2000)
                .set("rooms[0].deposit", 12000)
                .toYaml());
        assertEquals(2000L, file.services().get(0).deposit());
        assertEquals(12000L, file.rooms().get(0).deposit());
        assertEquals(null, file.services().get(1).deposit(), "no deposit unless asked");

        VenueFileException e = assertThrows(
                VenueFileException.class,
                () -> reader.read(VenueBuilder.smallHotel()
                        .set("services[0].deposit", 0)
                        .set("rooms[0].deposit", "twenty")
                        .toYaml()));
        assertEquals(2, e.problems().size(), e.problems().toString());
        assertTrue(
                e.problems().get(0).startsWith("rooms[0].deposit: "),
                e.problems().toString());
        assertEquals(
                "services[0].deposit: must be more than 0 (leave it out for no deposit)",
                e.problems().get(1));
    }

    @Test
    void aFileThatIsNotYamlSaysWhere() {
        VenueFileException e =
                assertThrows(VenueFileException.class, () -> reader.read("venue:\n  name: [unclosed\nrooms: 3\n"));

        assertTrue(e.problems().get(0).startsWith("the file is not valid YAML"), e.getMessage());
        assertTrue(e.problems().get(0).contains("line"), e.getMessage());
    }

    @Test
    void aFileWithoutVenueIsRejected() {
        VenueFileException e = assertThrows(VenueFileException.class, () -> reader.read("rooms: []\n"));

        assertEquals(List.of("venue: is required"), e.problems());
    }

    @Test
    void timePeriodsReadTheirTextForms() {
        assertEquals(
                "19:00-00:30", TimePeriod.parse("19:00 - 00:30").orElseThrow().toString());
        assertEquals(
                "22:00-24:00", TimePeriod.parse("22:00-24:00").orElseThrow().toString());
        assertTrue(TimePeriod.parse("24:00-02:00").isEmpty(), "24:00 only ends a period");
        assertTrue(TimePeriod.parse("9:5-10:00").isEmpty());
        assertInstanceOf(TimePeriod.class, TimePeriod.parse("9:05-10:00").orElseThrow());
    }
}
