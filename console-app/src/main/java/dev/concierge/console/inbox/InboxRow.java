package dev.concierge.console.inbox;

import dev.concierge.api.ConversationSummary;
import java.time.Instant;

/**
 * One conversation in the inbox's list, written for a person.
 *
 * @param waiting "since 10:05 · 12 min" (for a person, or since the last message of an open one)
 * @param summary what the guest wanted, from the assistant's form: "Wanted: book 60-minute massage · …"
 */
public record InboxRow(
        String id,
        String status,
        String channel,
        String language,
        Instant lastMessageAt,
        String lastMessage,
        String waiting,
        String summary,
        ConversationSummary conversation) {

    boolean waitingForAPerson() {
        return status.equals("handoff");
    }

    /** "Waiting · web · es" or "Open · kiosk · en". */
    String title() {
        return title(dev.concierge.console.Texts.english());
    }

    /** The title in the words of {@code texts}: "Esperando · web · es". */
    String title(dev.concierge.console.Texts texts) {
        return texts.get(waitingForAPerson() ? "inbox.row.waiting" : "inbox.row.open") + " · "
                + texts.word("source", channel) + " · " + language;
    }
}
