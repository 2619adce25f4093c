package dev.concierge.assistant;

/**
 * An engine that answers a guest's message: the offline {@link LocalAssistant} (the default) or one backed by a
 * language model. Every engine commits through the same domain services and the same confirm-before-commit rule.
 */
public interface Assistant {
    /** The reply to {@code message} in a conversation whose dialogue stood at {@code before}. */
    Turn respond(DialogueState before, GuestMessage message);

    /**
     * Whether this engine reads {@link GuestMessage#recent()}; when it does not, the conversation's earlier lines are
     * not loaded for it (a query per turn saved) and the message carries none.
     */
    default boolean wantsRecentLines() {
        return true;
    }
}
