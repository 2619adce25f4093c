package dev.concierge.console.reports;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** The periods a report covers, counted back from the venue's today; {@link #CUSTOM} takes the days given. */
public enum Period {
    LAST_7_DAYS("reports.period.last7"),
    LAST_30_DAYS("reports.period.last30"),
    THIS_MONTH("reports.period.month"),
    CUSTOM("reports.period.custom");

    /** A period's first and last day, both included. */
    public record Days(LocalDate from, LocalDate to) {}

    private final String text;

    Period(String text) {
        this.text = text;
    }

    /**
     * The days of the period up to {@code today}; for {@link #CUSTOM}, {@code from} to {@code to} (a day left out is
     * today).
     */
    public Days days(LocalDate today, @Nullable LocalDate from, @Nullable LocalDate to) {
        return switch (this) {
            case LAST_7_DAYS -> new Days(today.minusDays(6), today);
            case LAST_30_DAYS -> new Days(today.minusDays(29), today);
            case THIS_MONTH -> new Days(today.withDayOfMonth(1), today);
            case CUSTOM -> new Days(from != null ? from : today, to != null ? to : today);
        };
    }

    /** The period as the choice shows it, in the words of {@code texts}. */
    public String text(dev.concierge.console.Texts texts) {
        return texts.get(text);
    }
}
