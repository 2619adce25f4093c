package dev.concierge.console.reports;

import java.util.List;

/**
 * What one chart draws, before it is drawn: the categories along the axis (days, tasks) and a series of values for
 * each, every value with the words a tooltip and a screen reader give it.
 */
public record Plot(List<String> categories, List<Series> series) {
    public Plot {
        categories = List.copyOf(categories);
        series = List.copyOf(series);
        for (Series one : series) {
            if (one.values().size() != categories.size()) {
                throw new IllegalArgumentException(one.name() + " has a value for each category");
            }
        }
    }

    public static Plot empty() {
        return new Plot(List.of(), List.of());
    }

    /** @param notes one per value: "Tue 10 Mar: 2 on the website" */
    public record Series(String name, List<Double> values, List<String> notes) {
        public Series {
            values = List.copyOf(values);
            notes = List.copyOf(notes);
            if (notes.size() != values.size()) {
                throw new IllegalArgumentException("a note for each value of " + name);
            }
        }

        public double total() {
            return values.stream().mapToDouble(Double::doubleValue).sum();
        }
    }

    /** Whether there is nothing to draw: no categories, or every value zero. */
    public boolean isBlank() {
        return series.stream().allMatch(one -> one.total() == 0);
    }
}
