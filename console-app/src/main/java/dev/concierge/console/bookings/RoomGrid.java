package dev.concierge.console.bookings;

import dev.concierge.api.BookingView;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Lays stays out on the room grid: per room type, its stays with no room yet in lanes, then one line per room. */
final class RoomGrid {
    static final int NIGHTS = 7;

    /** Statuses that no longer hold a room: they leave the grid. */
    private static final Set<String> GONE = Set.of("cancelled", "no_show");

    private RoomGrid() {}

    /** @param unassigned the name of a lane of stays with no room yet, in the console's language */
    static List<RoomLine> lines(Catalogue catalogue, List<BookingView> bookings, LocalDate first, String unassigned) {
        LocalDate end = first.plusDays(NIGHTS);
        List<BookingView> stays = bookings.stream()
                .filter(booking -> "room".equals(booking.kind()) && !GONE.contains(booking.status()))
                .filter(booking ->
                        checkIn(booking).isBefore(end) && checkOut(booking).isAfter(first))
                .sorted(Comparator.comparing(RoomGrid::checkIn).thenComparingLong(BookingView::id))
                .toList();
        List<RoomLine> lines = new ArrayList<>();
        for (Catalogue.Room room : catalogue.rooms()) {
            List<BookingView> ofType = stays.stream()
                    .filter(stay -> room.id().equals(stay.roomTypeId()))
                    .toList();
            lines.add(new RoomLine(RoomLine.Kind.TYPE, room.name(), room.id(), List.of()));
            List<BookingView> roomless = ofType.stream()
                    .filter(stay -> stay.roomNumber() == null || !room.numbers().contains(stay.roomNumber()))
                    .toList();
            for (List<BookingView> lane : lanes(roomless)) {
                lines.add(new RoomLine(RoomLine.Kind.UNASSIGNED, unassigned, room.id(), bars(lane, first)));
            }
            for (String number : room.numbers()) {
                List<BookingView> inRoom = ofType.stream()
                        .filter(stay -> number.equals(stay.roomNumber()))
                        .toList();
                lines.add(new RoomLine(RoomLine.Kind.NUMBER, number, room.id(), bars(inRoom, first)));
            }
        }
        return List.copyOf(lines);
    }

    /** Packs stays into as few lanes as keep them apart: each goes to the first lane free by its check-in. */
    private static List<List<BookingView>> lanes(List<BookingView> stays) {
        List<List<BookingView>> lanes = new ArrayList<>();
        for (BookingView stay : stays) {
            List<BookingView> lane = lanes.stream()
                    .filter(taken -> !checkOut(taken.get(taken.size() - 1)).isAfter(checkIn(stay)))
                    .findFirst()
                    .orElse(null);
            if (lane == null) {
                lane = new ArrayList<>();
                lanes.add(lane);
            }
            lane.add(stay);
        }
        return lanes;
    }

    private static List<StayBar> bars(List<BookingView> stays, LocalDate first) {
        LocalDate end = first.plusDays(NIGHTS);
        return stays.stream()
                .map(stay -> {
                    LocalDate from = checkIn(stay).isBefore(first) ? first : checkIn(stay);
                    LocalDate to = checkOut(stay).isAfter(end) ? end : checkOut(stay);
                    return new StayBar(
                            stay, (int) ChronoUnit.DAYS.between(first, from), (int) ChronoUnit.DAYS.between(from, to));
                })
                .toList();
    }

    static LocalDate checkIn(BookingView stay) {
        return stay.start().toLocalDate();
    }

    static LocalDate checkOut(BookingView stay) {
        return stay.end().toLocalDate();
    }
}
