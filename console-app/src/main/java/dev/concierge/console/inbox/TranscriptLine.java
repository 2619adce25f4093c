package dev.concierge.console.inbox;

import dev.concierge.api.Transcript;
import dev.concierge.console.Formats;
import dev.concierge.console.Texts;
import java.time.ZoneId;

/**
 * One line of a transcript as the inbox shows it.
 *
 * @param role {@code guest}, {@code assistant} or {@code staff}: each has its own look
 * @param who "Guest", "Assistant", "Staff" in the console's language ("Huésped", …); another role in its words
 */
public record TranscriptLine(String role, String who, String time, String text, Transcript.Line line) {

    static TranscriptLine of(Transcript.Line line, ZoneId zone, Texts texts) {
        String who = texts.word("inbox.role", line.role());
        return new TranscriptLine(line.role(), who, Formats.time(line.at(), zone), line.text(), line);
    }

    @Override
    public String toString() {
        return who + " " + time + ": " + text;
    }
}
