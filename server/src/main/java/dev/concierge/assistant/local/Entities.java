package dev.concierge.assistant.local;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What one guest message mentions; every field absent when not mentioned. */
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
