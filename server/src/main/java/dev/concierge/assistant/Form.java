package dev.concierge.assistant;

import org.jspecify.annotations.Nullable;

/**
 * One task of the assistant as a form: which slot it needs next, what a message fills in, what to say next, and
 * the commit that follows the guest's yes to the summary read back.
 */
interface Form {
    String task();

    /**
     * The state with whatever the message says for this form's slots; a correction replaces the old value.
     * {@code asked} is the slot the previous reply asked for (a bare "4" answers it), or null.
     */
    DialogueState fill(Context c, DialogueState state, @Nullable String asked);

    /** The slot the form asks for next, or null when it is complete. */
    @Nullable
    String asking(Context c, DialogueState state);

    /** The question for {@code missing}, or, with nothing missing, the summary awaiting a yes. */
    Turn next(Context c, DialogueState state, @Nullable String missing);

    /** The guest said yes to the summary: do it, through the same services the desk uses. */
    Turn commit(Context c, DialogueState state);
}
