package dev.concierge.assistant;

import dev.concierge.api.BookingView;
import dev.concierge.api.InvalidFieldsException;
import dev.concierge.api.ReservationRequest;
import dev.concierge.api.RoomAvailability;
import dev.concierge.assistant.local.Entities;
import dev.concierge.booking.BookingService;
import dev.concierge.common.DomainException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Booking a room stay: arrival, departure (or nights), guests, a room type that is free every night, name, contact. */
final class RoomStayForm implements Form {
    static final String TASK = "book_room";

    private final BookingService bookings;

    RoomStayForm(BookingService bookings) {
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
        if (!c.rooms.isEmpty()) {
            s = s.withSlot("room", c.rooms.get(0).id());
        }
        if (e.date() != null) {
            // a lone date answers the question asked: the departure when that was asked, else the arrival
            boolean departure = "checkOut".equals(asked) && e.checkOut() == null;
            s = s.withSlot(departure ? "checkOut" : "checkIn", e.date().toString());
        }
        if (e.checkOut() != null) {
            s = s.withSlot("checkOut", e.checkOut().toString());
        } else if (e.nights() != null && s.slot("checkIn") != null) {
            s = s.withSlot(
                    "checkOut",
                    LocalDate.parse(s.slot("checkIn")).plusDays(e.nights()).toString());
        } else if ("checkOut".equals(asked) && e.numbers().size() == 1 && e.date() == null) {
            // "3" when asked how many nights
            s = s.withSlot(
                    "checkOut",
                    LocalDate.parse(Objects.requireNonNull(s.slot("checkIn")))
                            .plusDays(e.numbers().get(0))
                            .toString());
        }
        if (e.partySize() != null) {
            s = s.withSlot("guests", e.partySize().toString());
        } else if ("guests".equals(asked) && e.numbers().size() == 1) {
            s = s.withSlot("guests", e.numbers().get(0).toString());
        }
        return s;
    }

    @Override
    public @Nullable String asking(Context c, DialogueState state) {
        if (state.slot("checkIn") == null) {
            return "checkIn";
        }
        if (state.slot("checkOut") == null) {
            return "checkOut";
        }
        if (state.slot("guests") == null) {
            return "guests";
        }
        if (state.slot("room") == null) {
            return "room";
        }
        return ContactSlots.asking(state);
    }

    @Override
    public Turn next(Context c, DialogueState state, @Nullable String missing) {
        if ("checkIn".equals(missing)) {
            return Turn.say(
                    c.say("ask_check_in"),
                    state,
                    c.day(c.now.toLocalDate()),
                    c.day(c.now.toLocalDate().plusDays(1)));
        }
        LocalDate checkIn = LocalDate.parse(Objects.requireNonNull(state.slot("checkIn")));
        if ("checkOut".equals(missing)) {
            return Turn.say(c.say("ask_check_out", c.day(checkIn)), state, "1", "2", "3", "7");
        }
        LocalDate checkOut = LocalDate.parse(Objects.requireNonNull(state.slot("checkOut")));
        if (!checkOut.isAfter(checkIn)) {
            return Turn.say(c.say("check_out_before", c.day(checkIn)), state.withSlot("checkOut", null));
        }
        if ("guests".equals(missing)) {
            return Turn.say(c.say("ask_guests"), state, "1", "2", "3", "4");
        }
        int guests = Integer.parseInt(Objects.requireNonNull(state.slot("guests")));
        List<RoomAvailability.RoomOffer> free;
        try {
            free = bookings.roomOffers(checkIn, checkOut, guests, c.language).rooms().stream()
                    .filter(o -> o.available() > 0)
                    .toList();
        } catch (DomainException e) {
            // closed, too long a stay, in the past: the venue's own reason, and the dates asked again
            return Turn.say(
                    Objects.requireNonNullElse(e.getMessage(), ""),
                    state.withSlot("checkIn", null).withSlot("checkOut", null));
        }
        if (free.isEmpty()) {
            return Turn.say(
                    c.say("no_rooms", guests, c.day(checkIn), c.day(checkOut)),
                    state.withSlot("checkIn", null).withSlot("checkOut", null));
        }
        String room = state.slot("room");
        if (room == null || free.stream().noneMatch(o -> o.roomTypeId().equals(room))) {
            String offers = free.stream().map(o -> offerText(c, o)).collect(Collectors.joining("; "));
            String reply;
            if (room == null) {
                reply = c.say("ask_room", offers);
            } else if (c.roomType(room).maxGuests() < guests) {
                reply = c.say(
                        "room_too_small",
                        offers,
                        c.roomType(room).name().in(c.language),
                        c.roomType(room).maxGuests());
            } else {
                reply = c.say("room_not_free", offers, c.roomType(room).name().in(c.language));
            }
            return Turn.say(
                    reply,
                    state.withSlot("room", null),
                    free.stream().map(RoomAvailability.RoomOffer::name).limit(4).toArray(String[]::new));
        }
        Turn contact = ContactSlots.ask(c, state, missing);
        if (contact != null) {
            return contact;
        }
        RoomAvailability.RoomOffer offer = free.stream()
                .filter(o -> o.roomTypeId().equals(room))
                .findFirst()
                .orElseThrow();
        String summary = c.say(
                "confirm_stay",
                offer.name(),
                c.day(checkIn),
                c.day(checkOut),
                ChronoUnit.DAYS.between(checkIn, checkOut),
                c.money(offer.total().amount()),
                guests,
                Objects.requireNonNullElse(state.slot("name"), ""));
        Long deposit = bookings.depositInChat(c.channel, null, state.slot("room"));
        if (deposit != null) {
            summary = summary + " " + c.say("deposit_due", c.money(deposit));
        }
        return LocalAssistant.confirm(c, state, summary);
    }

    private static String offerText(Context c, RoomAvailability.RoomOffer offer) {
        return c.say(
                "room_offer",
                offer.name(),
                c.money(offer.nightlyRate().amount()),
                c.money(offer.total().amount()));
    }

    @Override
    public Turn commit(Context c, DialogueState state) {
        LocalDate checkIn = LocalDate.parse(Objects.requireNonNull(state.slot("checkIn")));
        LocalDate checkOut = LocalDate.parse(Objects.requireNonNull(state.slot("checkOut")));
        try {
            BookingView booking = bookings.bookFromChat(
                    new ReservationRequest(
                            null,
                            null,
                            null,
                            state.slot("room"),
                            checkIn,
                            checkOut,
                            Integer.parseInt(Objects.requireNonNull(state.slot("guests"))),
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
                    : c.say("booked_stay", booking.reference(), c.day(checkIn));
            return Turn.done(reply, state, booking, null, TASK);
        } catch (DomainException e) {
            // taken meanwhile: offer what is still free
            return next(c, state.confirming(false).withSlot("room", null), "room");
        } catch (InvalidFieldsException e) {
            return Turn.say(
                    c.say("ask_contact"),
                    state.confirming(false).withSlot("phone", null).withSlot("email", null));
        }
    }
}
