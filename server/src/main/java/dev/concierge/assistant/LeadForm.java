package dev.concierge.assistant;

import dev.concierge.api.Contact;
import dev.concierge.common.DomainException;
import dev.concierge.crm.ContactService;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A guest leaves their details for the team to get back to them (an event, a group, a question the assistant cannot
 * settle): what they want, a name, a phone or e-mail, and their yes to being contacted, which is also the commit.
 */
final class LeadForm implements Form {
    static final String TASK = "lead";

    private final ContactService contacts;

    LeadForm(ContactService contacts) {
        this.contacts = contacts;
    }

    @Override
    public String task() {
        return TASK;
    }

    @Override
    public DialogueState fill(Context c, DialogueState state, @Nullable String asked) {
        DialogueState s = ContactSlots.fill(c, state, asked);
        String intent = Intents.leadIntent(c.plain);
        if (intent != null && (s.slot("intent") == null || "information".equals(s.slot("intent")))) {
            s = s.withSlot("intent", intent);
        }
        boolean onlyDetails = c.entities.name() != null || c.entities.email() != null || c.entities.phone() != null;
        if ("notes".equals(asked) && !onlyDetails) {
            s = s.withSlot("notes", c.text.strip());
        } else if (s.slot("notes") == null
                && intent != null
                && (!"callback".equals(intent) || c.text.strip().length() > 30)) {
            // the first words of the request are its best description, kept for the team as said
            s = s.withSlot("notes", c.text.strip());
        }
        return s;
    }

    @Override
    public @Nullable String asking(Context c, DialogueState state) {
        if (state.slot("notes") == null) {
            return "notes";
        }
        return ContactSlots.asking(state);
    }

    @Override
    public Turn next(Context c, DialogueState state, @Nullable String missing) {
        if ("notes".equals(missing)) {
            return Turn.say(c.say("ask_lead_notes"), state);
        }
        Turn contact = ContactSlots.ask(c, state, missing);
        if (contact != null) {
            return contact;
        }
        return LocalAssistant.confirm(
                c,
                state,
                c.say(
                        "confirm_lead",
                        Objects.requireNonNullElse(state.slot("name"), ""),
                        ContactSlots.reach(state),
                        Objects.requireNonNull(state.slot("notes"))));
    }

    @Override
    public Turn commit(Context c, DialogueState state) {
        try {
            Contact contact = contacts.captureLead(
                    ContactSlots.details(state),
                    Objects.requireNonNullElse(state.slot("intent"), "information"),
                    state.slot("notes"),
                    c.language,
                    c.channel);
            return Turn.lead(c.say("lead_saved", c.venue.venue().name()), state, contact.id());
        } catch (DomainException e) {
            return Turn.say(Objects.requireNonNullElse(e.getMessage(), ""), state.done(), c.say("qr_person"));
        } catch (IllegalArgumentException e) { // a phone or e-mail the contact book cannot take
            return Turn.say(
                    c.say("ask_contact"),
                    state.confirming(false).withSlot("phone", null).withSlot("email", null));
        }
    }
}
