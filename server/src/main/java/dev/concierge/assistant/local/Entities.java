package dev.concierge.assistant.local;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one guest message mentions; every field is absent (null, empty, false) when the message does not mention it.
 *
 * @param date the day, resolved against the venue's "now" (relative words never mean a past day)
 * @param time the time of day, an hour without am/pm completed as {@link DayPart} explains
 * @param partySize how many people the guest speaks for
 * @param checkOut for a stay: the second date of a range ("from Friday to Sunday"), or the date plus the nights
 * @param nights for a stay: the nights said, or those between date and check-out
 * @param name the name the guest gives, proper-cased
 * @param email lower-cased
 * @param phone in E.164
 * @param roomNumber the room the guest names, as digits
 * @param reference a booking or order reference such as {@code MR-7K3Q}, upper-cased
 * @param numbers every other number mentioned, in digits or words, in order
 * @param affirmative the guest says yes, ok, sure, sí, vale, de acuerdo…
 * @param negative the guest says no, nope, cancel that, no gracias, mejor no…
 */
public record Entities(
        @Nullable LocalDate date,
        @Nullable LocalTime time,
        @Nullable Integer partySize,
        @Nullable LocalDate checkOut,
        @Nullable Integer nights,
        @Nullable String name,
        @Nullable String email,
        @Nullable String phone,
        @Nullable String roomNumber,
        @Nullable String reference,
        List<Integer> numbers,
        boolean affirmative,
        boolean negative) {

    public Entities {
        numbers = List.copyOf(numbers);
    }
}
