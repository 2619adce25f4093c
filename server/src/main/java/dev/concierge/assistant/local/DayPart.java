package dev.concierge.assistant.local;

import java.time.LocalTime;
import org.jspecify.annotations.Nullable;

/**
 * The part of the day a message speaks of, which completes an hour said without am/pm ("at 8", "7:30", "half past
 * seven"). The rules, for hours 1 to 12:
 *
 * <ul>
 *   <li>morning ("in the morning", "de la mañana", breakfast): as said, 8 is 08:00;
 *   <li>afternoon ("this afternoon", "de la tarde", "del mediodía"): 1–11 are pm, 12 is noon;
 *   <li>evening ("evening", "tonight", "esta noche", dinner, cena): 1–11 are pm, 12 is midnight;
 *   <li>night ("at night", "de la noche", "de la madrugada"): 1–4 are the small hours, 5–11 pm, 12 is midnight;
 *   <li>no day part at all ({@link #unqualified}): a hotel's guest means 1–6 pm (nobody books a massage at 3 am),
 *       7–11 am, 12 noon. So "at 8" is 08:00, "at 3" is 15:00, "half past seven" 07:30.
 * </ul>
 *
 * <p>Hours 0 and 13–23 are always read as written.
 */
enum DayPart {
    MORNING,
    AFTERNOON,
    EVENING,
    NIGHT;

    /** The time of {@code hour} (1–12) and {@code minute} in this part of the day. */
    LocalTime at(int hour, int minute) {
        int h = switch (this) {
            case MORNING -> hour;
            case AFTERNOON -> hour == 12 ? 12 : hour + 12;
            case EVENING -> hour == 12 ? 0 : hour + 12;
            case NIGHT -> hour == 12 ? 0 : hour <= 4 ? hour : hour + 12;
        };
        return LocalTime.of(h % 24, minute);
    }

    /** The time of {@code hour} (0–23) and {@code minute} in {@code part}, or by the hotel rule when there is none. */
    static LocalTime resolve(int hour, int minute, @Nullable DayPart part) {
        if (hour == 0 || hour > 12) {
            return LocalTime.of(hour, minute);
        }
        return part != null ? part.at(hour, minute) : unqualified(hour, minute);
    }

    /** Without a day part: 1–6 are pm, 7–12 as said (12 is noon). */
    static LocalTime unqualified(int hour, int minute) {
        return LocalTime.of(hour <= 6 ? hour + 12 : hour, minute);
    }
}
