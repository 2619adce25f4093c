package dev.concierge.assistant;

import dev.concierge.api.BookingView;
import dev.concierge.api.InvalidFieldsException;
import dev.concierge.api.ReservationRequest;
import dev.concierge.assistant.local.Entities;
import dev.concierge.booking.BookingService;
import dev.concierge.booking.Slot;
import dev.concierge.common.DomainException;
import dev.concierge.venue.VenueFile;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Booking a service slot (a treatment, a court, a table): service, day, time, party where it counts, name, contact. */
final class ServiceBookingForm implements Form {
    static final String TASK = "book_service";

    private final BookingService bookings;

    ServiceBookingForm(BookingService bookings) {
        this.bookings = bookings;
    }

    @Override
    public String task() {
        return TASK;
    }

    @Override
    public DialogueState fill(Context c, DialogueState state, @Nullable String asked) {
        Entities e = c.entities;
        DialogueState s = ContactSlots.fill(c, state, asked);
        if (!c.services.isEmpty()) {
            s = s.withSlot("service", c.services.get(0).id());
        }
        if (e.date() != null) {
            s = s.withSlot("date", e.date().toString());
        }
        if (e.time() != null) {
            s = s.withSlot("time", e.time().toString());
        }
        if (e.partySize() != null) {
            s = s.withSlot("party", e.partySize().toString());
        } else if ("party".equals(asked) && e.numbers().size() == 1) {
            s = s.withSlot("party", e.numbers().get(0).toString());
        }
        return s;
    }

    @Override
    public @Nullable String asking(Context c, DialogueState state) {
        String serviceId = state.slot("service");
        if (serviceId == null) {
            return "service";
        }
        if (state.slot("date") == null) {
            return "date";
        }
        if (state.slot("time") == null) {
            return "time";
        }
        if (state.slot("party") == null && c.service(serviceId).capacity() instanceof VenueFile.Covers) {
            return "party";
        }
        return ContactSlots.asking(state);
    }

    @Override
    public Turn next(Context c, DialogueState state, @Nullable String missing) {
        if ("service".equals(missing)) {
            List<String> names = c.venue.services().stream()
                    .map(s -> s.name().in(c.language))
                    .toList();
            return Turn.say(
                    c.say("ask_service", String.join(", ", names)),
                    state,
                    names.stream().limit(4).toArray(String[]::new));
        }
        VenueFile.Service service = c.service(Objects.requireNonNull(state.slot("service")));
        int party = party(state);
        if (service.capacity() instanceof VenueFile.Covers covers && party > covers.maxParty()) {
            return Turn.say(
                    c.say("party_too_large", service.name().in(c.language), covers.maxParty()),
                    state.withSlot("party", null));
        }
        if ("date".equals(missing)) {
            return Turn.say(
                    c.say("ask_date"),
                    state,
                    c.day(c.now.toLocalDate()),
                    c.day(c.now.toLocalDate().plusDays(1)));
        }
        LocalDate date = LocalDate.parse(Objects.requireNonNull(state.slot("date")));
        if ("time".equals(missing)) {
            List<Slot> free = freeSlots(service.id(), date, party);
            if (free.isEmpty()) {
                List<String> nearest = nearestFree(c, service.id(), date, LocalTime.NOON, party);
                return Turn.say(c.say("ask_time_none", String.join(", ", nearest)), state.withSlot("date", null));
            }
            List<String> times =
                    free.stream().map(s -> c.time(s.start())).limit(6).toList();
            return Turn.say(c.say("ask_time", String.join(", ", times)), state, times.toArray(String[]::new));
        }
        LocalTime time = LocalTime.parse(Objects.requireNonNull(state.slot("time")));
        if (!isFree(c, service.id(), date, time, party)) {
            List<String> nearest = nearestFree(c, service.id(), date, time, party);
            return Turn.say(
                    c.say("slot_taken", String.join(", ", nearest)),
                    state.withSlot("time", null),
                    nearest.stream().limit(3).toArray(String[]::new));
        }
        if ("party".equals(missing)) {
            return Turn.say(c.say("ask_party"), state, "1", "2", "3", "4");
        }
        Turn contact = ContactSlots.ask(c, state, missing);
        if (contact != null) {
            return contact;
        }
        String summary = c.say(
                "confirm_booking",
                service.name().in(c.language),
                c.day(date),
                time.toString(),
                party,
                Objects.requireNonNullElse(state.slot("name"), ""));
        Long deposit = bookings.depositInChat(c.channel, state.slot("service"), null);
        if (deposit != null) {
            summary = summary + " " + c.say("deposit_due", c.money(deposit));
        }
        return LocalAssistant.confirm(c, state, summary);
    }

    @Override
    public Turn commit(Context c, DialogueState state) {
        LocalDate date = LocalDate.parse(Objects.requireNonNull(state.slot("date")));
        LocalTime time = LocalTime.parse(Objects.requireNonNull(state.slot("time")));
        try {
            BookingView booking = bookings.bookFromChat(
                    new ReservationRequest(
                            state.slot("service"),
                            date.atTime(time).toString(),
                            party(state),
                            null,
                            null,
                            null,
                            null,
                            ContactSlots.details(state),
                            null,
                            null),
                    c.channel,
                    state.slot("key"));
            String reply = booking.deposit() != null
                    ? c.say(
                            "booked_deposit",
                            booking.reference(),
                            c.money(booking.deposit().amount().amount()))
                    : c.say("booked", booking.reference(), c.day(date), time.toString());
            return Turn.done(reply, state, booking, null, TASK);
        } catch (DomainException e) {
            if ("slot_taken".equals(e.code())) {
                return next(c, state.confirming(false).withSlot("time", null), "time");
            }
            return Turn.say(
                    Objects.requireNonNullElse(e.getMessage(), ""),
                    state.confirming(false).withSlot("time", null));
        } catch (InvalidFieldsException e) {
            return Turn.say(
                    c.say("ask_contact"),
                    state.confirming(false).withSlot("phone", null).withSlot("email", null));
        }
    }

    private static int party(DialogueState state) {
        String party = state.slot("party");
        return party == null ? 1 : Integer.parseInt(party);
    }

    private boolean isFree(Context c, String serviceId, LocalDate date, LocalTime time, int party) {
        return freeSlots(serviceId, date, party).stream()
                .anyMatch(
                        s -> s.start().equals(date.atTime(time).atZone(c.zone()).toInstant()));
    }

    private List<Slot> freeSlots(String serviceId, LocalDate date, int party) {
        try {
            return bookings.freeSlots(serviceId, date, party);
        } catch (DomainException e) {
            return List.of();
        }
    }

    /** Free starts nearest to the wanted time: that day first, then the next days, as "Thu 12 Mar 10:00". */
    List<String> nearestFree(Context c, String serviceId, LocalDate date, LocalTime wanted, int party) {
        List<Slot> found = new ArrayList<>(freeSlots(serviceId, date, party));
        found.sort(Comparator.comparing((Slot s) -> Duration.between(
                        s.start(), date.atTime(wanted).atZone(c.zone()).toInstant())
                .abs()));
        for (int ahead = 1; found.size() < 3 && ahead <= 14; ahead++) {
            found.addAll(freeSlots(serviceId, date.plusDays(ahead), party));
        }
        return found.stream()
                .limit(3)
                .map(s -> {
                    LocalDateTime at = LocalDateTime.ofInstant(s.start(), c.zone());
                    return at.toLocalDate().equals(date)
                            ? c.time(s.start())
                            : c.day(at.toLocalDate()) + " " + c.time(s.start());
                })
                .toList();
    }

    /** Whether {@code time} on {@code date} is free for the party (the change form asks the same question). */
    boolean free(Context c, String serviceId, LocalDate date, LocalTime time, int party) {
        return isFree(c, serviceId, date, time, party);
    }
}
