package dev.concierge.console;

import dev.concierge.api.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Currency;

/** How the console writes amounts and times: the same everywhere. */
public final class Formats {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY_AND_TIME =
            DateTimeFormatter.ofPattern("EEE d MMM HH:mm", java.util.Locale.ENGLISH);

    private Formats() {}

    /** {@code 14.50 EUR}: minor units by the currency's own digits. */
    public static String money(Money money) {
        int digits;
        try {
            digits = Math.max(0, Currency.getInstance(money.currency()).getDefaultFractionDigits());
        } catch (IllegalArgumentException unknownCurrency) {
            digits = 2;
        }
        return BigDecimal.valueOf(money.amount(), digits).toPlainString() + " " + money.currency();
    }

    /** The venue-local time of day, {@code 09:05}. */
    public static String time(Instant at, ZoneId zone) {
        return TIME.format(at.atZone(zone));
    }

    public static String time(java.time.temporal.TemporalAccessor localTime) {
        return TIME.format(localTime);
    }

    /** An API word as a person reads it: {@code checked_in} → "checked in". */
    public static String words(String apiName) {
        return apiName.replace('_', ' ').replace('-', ' ');
    }

    /** The venue-local day and time, {@code Tue 10 Mar 09:05}. */
    public static String dayAndTime(Instant at, ZoneId zone) {
        return DAY_AND_TIME.format(at.atZone(zone));
    }
}
