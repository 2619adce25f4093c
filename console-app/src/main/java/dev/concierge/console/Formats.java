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
        return money(money, java.util.Locale.ENGLISH);
    }

    /** {@code 14.50 EUR} in English, {@code 14,50 EUR} in Spanish: the locale's decimal mark, no grouping. */
    public static String money(Money money, java.util.Locale locale) {
        int digits;
        try {
            digits = Math.max(0, Currency.getInstance(money.currency()).getDefaultFractionDigits());
        } catch (IllegalArgumentException unknownCurrency) {
            digits = 2;
        }
        String amount = BigDecimal.valueOf(money.amount(), digits).toPlainString();
        if (locale.getLanguage().equals("es")) {
            amount = amount.replace('.', ',');
        }
        return amount + " " + money.currency();
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

    /** The venue-local day and time in the console's language: {@code Tue 10 Mar 09:05}, {@code mar 10 mar 09:05}. */
    public static String dayAndTime(Instant at, ZoneId zone, java.util.Locale locale) {
        return DateTimeFormatter.ofPattern("EEE d MMM HH:mm", locale).format(at.atZone(zone));
    }
}
