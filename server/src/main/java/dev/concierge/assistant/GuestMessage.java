package dev.concierge.assistant;

import dev.concierge.api.Transcript;
import dev.concierge.common.Channel;
import java.util.List;

/**
 * One message of a guest as an engine receives it: its text, the language to answer in, where it came from, the
 * conversation it belongs to, and the conversation's most recent lines before it (oldest first) for engines that
 * need the context.
 */
public record GuestMessage(
        String text, String language, Channel channel, String conversationId, List<Transcript.Line> recent) {
    public GuestMessage {
        recent = List.copyOf(recent);
    }
}
