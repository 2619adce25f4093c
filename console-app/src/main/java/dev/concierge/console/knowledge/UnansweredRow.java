package dev.concierge.console.knowledge;

import dev.concierge.api.Report;
import dev.concierge.console.Formats;
import java.time.ZoneId;

/**
 * A guest's question the assistant could not answer, as the lists show it.
 *
 * @param when venue-local, e.g. "Tue 10 Mar 09:00"
 * @param hasEntry whether an entry now asks exactly this question (an answer was added since)
 */
public record UnansweredRow(
        Report.UnansweredQuestion question, String text, String language, String when, boolean hasEntry) {

    static UnansweredRow of(Report.UnansweredQuestion question, ZoneId zone, boolean hasEntry) {
        return new UnansweredRow(
                question, question.text(), question.language(), Formats.dayAndTime(question.at(), zone), hasEntry);
    }

    /** What a screen reader says for the row. */
    public String spoken() {
        return text + ", asked in " + EntryDraft.languageName(language) + " " + when
                + (hasEntry ? ", has an entry now" : "");
    }
}
