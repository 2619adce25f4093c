package dev.concierge.booking;

import dev.concierge.venue.TimePeriod;
import dev.concierge.venue.VenueFile;
import dev.concierge.venue.WeeklyHours;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Free slots of one service on one day. Slots follow the service's grid in the venue's wall-clock time; a period
 * belongs to the day it starts on, even when it runs past midnight. On a day when clocks go forward a wall-clock
 * time that does not exist has no slot; when they go back, a repeated wall-clock time has one slot (its first
 * occurrence), so nothing is counted twice. Capacity is checked over the whole time a booking takes, buffer
 * included.
 */
public final class ServiceAvailability {
    private final VenueFile.Service service;
    private final WeeklyHours hours;
    private final List<VenueFile.Closure> closures;
    private final ZoneId zone;
    private final List<BusyTimes.Period> busy;

    public ServiceAvailability(VenueFile venue, VenueFile.Service service) {
        this(venue, service, List.of());
    }

    /** With {@code busy} periods blocked outside Concierge: a slot that overlaps one has nothing left. */
    public ServiceAvailability(VenueFile venue, VenueFile.Service service, List<BusyTimes.Period> busy) {
        this.service = service;
        this.hours = service.hours() != null ? service.hours() : venue.hours();
        this.closures = venue.closures();
        this.zone = venue.venue().timezone();
        this.busy = List.copyOf(busy);
    }

    /** How much one booking of {@code partySize} takes: one unit, or one cover per guest. */
    public int loadOf(int partySize) {
        return service.capacity() instanceof VenueFile.Covers ? partySize : 1;
    }

    /** The most one slot can hold: its units, or its covers. */
    public int capacity() {
        VenueFile.Capacity capacity = service.capacity();
        if (capacity instanceof VenueFile.Covers covers) {
            return covers.covers();
        }
        return ((VenueFile.Units) capacity).units();
    }

    /** True when the venue is closed for this service all day. */
    public boolean closedOn(LocalDate day) {
        return closures.stream().anyMatch(closure -> closure.contains(day))
                || hours.on(day.getDayOfWeek()).isEmpty();
    }

    /**
     * Every start on {@code day} after {@code now} that still has room for a party of {@code partySize}, given
     * what existing bookings occupy.
     */
    public List<Slot> freeSlots(LocalDate day, int partySize, Instant now, List<Occupancy> existing) {
        int load = loadOf(partySize);
        List<Slot> free = new ArrayList<>();
        for (Slot slot : slots(day, now, existing)) {
            if (slot.remaining() >= load) {
                free.add(slot);
            }
        }
        return free;
    }

    /** Every start on {@code day} after {@code now}, with what remains of its capacity (possibly 0). */
    public List<Slot> slots(LocalDate day, Instant now, List<Occupancy> existing) {
        if (closures.stream().anyMatch(closure -> closure.contains(day))) {
            return List.of();
        }
        Duration duration = Duration.ofMinutes(service.durationMinutes());
        List<Slot> slots = new ArrayList<>();
        for (TimePeriod period : hours.on(day.getDayOfWeek())) {
            LocalDateTime opens = day.atTime(period.start());
            LocalDateTime closes = (period.overnight() ? day.plusDays(1) : day).atTime(period.end());
            Instant closing = ZonedDateTime.of(closes, zone).toInstant();
            for (LocalDateTime wallClock = opens;
                    wallClock.isBefore(closes);
                    wallClock = wallClock.plusMinutes(service.slotMinutes())) {
                if (zone.getRules().getValidOffsets(wallClock).isEmpty()) {
                    continue; // skipped by a clock change: this time does not exist today
                }
                Instant start = ZonedDateTime.ofLocal(wallClock, zone, null).toInstant(); // earlier offset if repeated
                Instant end = start.plus(duration);
                if (end.isAfter(closing) || !start.isAfter(now)) {
                    continue;
                }
                int remaining = busy.stream().anyMatch(blocked -> blocked.overlaps(start, end))
                        ? 0
                        : capacity() - peakLoad(start, blockedUntil(end), existing);
                slots.add(new Slot(start, end, remaining));
            }
        }
        slots.sort(Comparator.comparing(Slot::start));
        return slots;
    }

    /** When a booking ending at {@code end} frees its unit or table: after the service's buffer. */
    public Instant blockedUntil(Instant end) {
        return end.plus(Duration.ofMinutes(service.bufferMinutes()));
    }

    /** The largest load that existing bookings put on any moment of {@code [from, to)}. */
    static int peakLoad(Instant from, Instant to, List<Occupancy> existing) {
        List<Occupancy> overlapping =
                existing.stream().filter(o -> o.overlaps(from, to)).toList();
        // sweep the starts and ends; at equal instants an end comes first, since [start, end) touching is no overlap
        List<long[]> changes = new ArrayList<>();
        for (Occupancy o : overlapping) {
            Instant start = o.start().isBefore(from) ? from : o.start();
            changes.add(new long[] {start.toEpochMilli(), o.load()});
            changes.add(new long[] {o.end().toEpochMilli(), -o.load()});
        }
        changes.sort(Comparator.<long[]>comparingLong(c -> c[0]).thenComparingLong(c -> c[1]));
        int load = 0;
        int peak = 0;
        for (long[] change : changes) {
            load += (int) change[1];
            peak = Math.max(peak, load);
        }
        return peak;
    }
}
