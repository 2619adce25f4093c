package dev.concierge.assistant;

import dev.concierge.api.BookingUpdate;
import dev.concierge.api.BookingView;
import dev.concierge.assistant.local.Entities;
import dev.concierge.booking.BookingService;
import dev.concierge.common.DomainException;
import dev.concierge.common.Failure;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Changing or cancelling a booking the guest made: they name its reference and prove it is theirs with the e-mail or
 * phone it was made with (a reference alone is not enough: it is printed on confirmations others may see); then a new
 * day or time (a slot) or new dates (a stay), or a cancellation, read back and done only after a yes.
 */
final class BookingChangeForm implements Form {
    static final String TASK = "manage_booking";

    /** Only a booking still ahead can be moved or cancelled by the guest; the rest is for the desk. */
    private static final Set<String> CHANGEABLE = Set.of("pending", "confirmed");

    private final BookingService bookings;
    private final ServiceBookingForm slots;

    BookingChangeForm(BookingService bookings, ServiceBookingForm slots) {
        this.bookings = bookings;
        this.slots = slots;
    }

    @Override
    public String task() {
        return TASK;
    }

    @Override
    public DialogueState fill(Context c, DialogueState state, @Nullable String asked) {
        Entities e = c.entities;
        DialogueState s = state;
        if (e.reference() != null) {
            s = s.withSlot("reference", e.reference());
        }
        if (e.email() != null) {
            s = s.withSlot("email", e.email());
        }
        if (e.phone() != null) {
            s = s.withSlot("phone", e.phone());
        }
        if (!Objects.equals(s.slot("reference"), state.slot("reference"))
                || !Objects.equals(s.slot("email"), state.slot("email"))
                || !Objects.equals(s.slot("phone"), state.slot("phone"))) {
            s = s.withSlot("booking", null); // another booking, or proof to check again
        }
        if (Intents.wantsToCancel(c.plain)) {
            s = s.withSlot("action", "cancel");
        } else if (Intents.wantsToChange(c.plain) || e.date() != null || e.time() != null) {
            s = s.withSlot("action", "change");
        }
        if (e.date() != null) {
            s = s.withSlot("date", e.date().toString());
        }
        if (e.time() != null) {
            s = s.withSlot("time", e.time().toString());
        }
        if (e.checkOut() != null) {
            s = s.withSlot("checkOut", e.checkOut().toString());
        }
        if (e.nights() != null) {
            s = s.withSlot("nights", e.nights().toString());
        }
        return s;
    }

    @Override
    public @Nullable String asking(Context c, DialogueState state) {
        if (state.slot("reference") == null) {
            return "reference";
        }
        if (state.slot("email") == null && state.slot("phone") == null) {
            return "proof";
        }
        if (state.slot("action") == null) {
            return "action";
        }
        if ("change".equals(state.slot("action")) && state.slot("date") == null && state.slot("time") == null) {
            return "when";
        }
        return null;
    }

    @Override
    public Turn next(Context c, DialogueState state, @Nullable String missing) {
        if ("reference".equals(missing)) {
            return Turn.say(c.say("ask_reference"), state);
        }
        if ("proof".equals(missing)) {
            return Turn.say(c.say("ask_booking_contact"), state);
        }
        Optional<BookingView> found = bookings.findForGuest(
                Objects.requireNonNull(state.slot("reference")), state.slot("email"), state.slot("phone"));
        if (found.isEmpty()) {
            // the same words whether the reference or the proof was wrong: nothing to learn by guessing
            return Turn.say(
                    c.say("booking_not_found"),
                    state.withSlot("reference", null).withSlot("email", null).withSlot("phone", null));
        }
        BookingView booking = found.get();
        if (!CHANGEABLE.contains(booking.status())
                || booking.start().toInstant().isBefore(c.now.toInstant())) {
            return Turn.say(c.say("booking_not_changeable", booking.reference()), state.done(), c.say("qr_person"));
        }
        DialogueState known = state.withSlot("booking", Long.toString(booking.id()));
        if ("action".equals(missing)) {
            return Turn.say(
                    c.say("ask_change_or_cancel", describe(c, booking)), known, c.say("qr_change"), c.say("qr_cancel"));
        }
        if ("cancel".equals(state.slot("action"))) {
            return LocalAssistant.confirm(c, known, c.say("confirm_cancel", describe(c, booking)));
        }
        if ("when".equals(missing)) {
            return Turn.say(
                    c.say("service".equals(booking.kind()) ? "ask_new_time" : "ask_new_dates", describe(c, booking)),
                    known);
        }
        if ("service".equals(booking.kind())) {
            LocalDate date = newDate(c, known, booking);
            LocalTime time = newTime(c, known, booking);
            String serviceId = Objects.requireNonNull(booking.serviceId());
            if (!slots.free(c, serviceId, date, time, booking.partySize())) {
                var nearest = slots.nearestFree(c, serviceId, date, time, booking.partySize());
                return Turn.say(
                        c.say("slot_taken", String.join(", ", nearest)),
                        known.withSlot("time", null).withSlot("date", date.toString()),
                        nearest.stream().limit(3).toArray(String[]::new));
            }
            return LocalAssistant.confirm(
                    c, known, c.say("confirm_move", describe(c, booking), c.day(date), time.toString()));
        }
        LocalDate checkIn = newDate(c, known, booking);
        LocalDate checkOut = newCheckOut(c, known, booking, checkIn);
        return LocalAssistant.confirm(
                c, known, c.say("confirm_new_dates", describe(c, booking), c.day(checkIn), c.day(checkOut)));
    }

    @Override
    public Turn commit(Context c, DialogueState state) {
        long id = Long.parseLong(Objects.requireNonNull(state.slot("booking")));
        BookingView booking = bookings.find(id);
        try {
            if ("cancel".equals(state.slot("action"))) {
                BookingView cancelled = bookings.update(id, BookingUpdate.status("cancelled"), c.channel, null);
                return Turn.done(c.say("cancelled", cancelled.reference()), state, cancelled, null, TASK);
            }
            if ("service".equals(booking.kind())) {
                LocalDate date = newDate(c, state, booking);
                LocalTime time = newTime(c, state, booking);
                BookingView moved = bookings.update(
                        id,
                        new BookingUpdate(null, null, date.atTime(time).toString(), null, null, null, null, null),
                        c.channel,
                        null);
                return Turn.done(
                        c.say("moved", moved.reference(), c.day(date), time.toString()), state, moved, null, TASK);
            }
            LocalDate checkIn = newDate(c, state, booking);
            LocalDate checkOut = newCheckOut(c, state, booking, checkIn);
            BookingView changed = bookings.update(
                    id, new BookingUpdate(null, null, null, checkIn, checkOut, null, null, null), c.channel, null);
            return Turn.done(
                    c.say("dates_changed", changed.reference(), c.day(checkIn), c.day(checkOut)),
                    state,
                    changed,
                    null,
                    TASK);
        } catch (DomainException e) {
            if (e.failure() == Failure.CONFLICT) { // taken meanwhile
                return Turn.say(
                        c.say("change_not_possible"),
                        state.confirming(false)
                                .withSlot("date", null)
                                .withSlot("time", null)
                                .withSlot("checkOut", null)
                                .withSlot("nights", null));
            }
            return Turn.say(Objects.requireNonNullElse(e.getMessage(), ""), state.done(), c.say("qr_person"));
        }
    }

    /** What the guest has booked, as the read-back names it. */
    private static String describe(Context c, BookingView booking) {
        LocalDate day = booking.start().atZoneSameInstant(c.zone()).toLocalDate();
        if ("service".equals(booking.kind())) {
            return c.say(
                    "describe_slot",
                    booking.reference(),
                    c.service(Objects.requireNonNull(booking.serviceId()))
                            .name()
                            .in(c.language),
                    c.day(day),
                    c.time(booking.start().toInstant()));
        }
        LocalDate leaving = booking.end().atZoneSameInstant(c.zone()).toLocalDate();
        return c.say(
                "describe_stay",
                booking.reference(),
                c.roomType(Objects.requireNonNull(booking.roomTypeId())).name().in(c.language),
                c.day(day),
                c.day(leaving));
    }

    private static LocalDate newDate(Context c, DialogueState state, BookingView booking) {
        String date = state.slot("date");
        return date != null
                ? LocalDate.parse(date)
                : booking.start().atZoneSameInstant(c.zone()).toLocalDate();
    }

    private static LocalTime newTime(Context c, DialogueState state, BookingView booking) {
        String time = state.slot("time");
        return time != null
                ? LocalTime.parse(time)
                : booking.start().atZoneSameInstant(c.zone()).toLocalTime();
    }

    /** The new departure: said, or as many nights after the new arrival as were booked (or said). */
    private static LocalDate newCheckOut(Context c, DialogueState state, BookingView booking, LocalDate checkIn) {
        String checkOut = state.slot("checkOut");
        if (checkOut != null && LocalDate.parse(checkOut).isAfter(checkIn)) {
            return LocalDate.parse(checkOut);
        }
        String nights = state.slot("nights");
        long booked = ChronoUnit.DAYS.between(
                booking.start().atZoneSameInstant(c.zone()).toLocalDate(),
                booking.end().atZoneSameInstant(c.zone()).toLocalDate());
        return checkIn.plusDays(nights != null ? Long.parseLong(nights) : Math.max(1, booked));
    }
}
