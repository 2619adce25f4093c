package dev.concierge.console.reports;

import java.util.function.Consumer;

/** Saves a spreadsheet the server makes where the person chooses, without holding up the FX thread. */
@FunctionalInterface
public interface SpreadsheetExport {

    /**
     * @param path the server's path of the file, e.g. {@code /api/staff/reports.xlsx?from=…&to=…}
     * @param fileName the name to suggest
     * @param outcome called once on the FX thread with a sentence for the person: where it was saved, that it was not
     *     (cancelled), or why it failed
     */
    void save(String path, String fileName, Consumer<String> outcome);
}
