package dev.concierge.console.knowledge;

import dev.concierge.api.Report;
import dev.concierge.console.Formats;
import dev.concierge.console.Texts;
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
    public String spoken(Texts texts) {
        return texts.get(
                hasEntry ? "knowledge.unanswered.spokenAnswered" : "knowledge.unanswered.spoken",
                text,
                EntryDraft.languageName(language, texts),
                when);
    }
}
