package dev.concierge.console.guests;

import dev.concierge.api.Contact;
import dev.concierge.console.Formats;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One guest as the table shows them, every column written for a person; {@code contact} is the guest as the server
 * answered.
 */
public record GuestRow(
        Contact contact,
        String name,
        String email,
        String phone,
        String language,
        String consent,
        String source,
        String updated) {
    static final String NO_NAME = "(no name)";
    static final String NONE = "—";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

    static GuestRow of(Contact contact, ZoneId zone) {
        return new GuestRow(
                contact,
                nameOf(contact),
                orNone(contact.email()),
                orNone(contact.phone()),
                language(contact.language()),
                consentWord(contact),
                Formats.words(contact.source()),
                when(contact.updatedAt(), zone));
    }

    public long id() {
        return contact.id();
    }

    /** The name, or what stands for it when the guest gave none. */
    static String nameOf(Contact contact) {
        return contact.name() == null || contact.name().isBlank() ? NO_NAME : contact.name();
    }

    /** {@code given}, {@code withdrawn} (a yes taken back) or {@code not given}: in words, never by colour alone. */
    static String consentWord(Contact contact) {
        if (contact.consent()) {
            return "given";
        }
        return contact.consentAt() != null ? "withdrawn" : "not given";
    }

    /**
     * "Consent given 12 Mar 2026, 14:02 at the desk"; "No consent recorded" when the guest never answered.
     */
    static String consentLine(Contact contact, ZoneId zone) {
        Instant at = contact.consentAt();
        if (at == null) {
            return contact.consent() ? "Consent given" : "No consent recorded";
        }
        String where = contact.consentSource() == null ? "" : " " + channel(contact.consentSource());
        return (contact.consent() ? "Consent given " : "Consent withdrawn ") + when(at, zone) + where;
    }

    /** Where something was said or recorded: "at the desk" for the console's own channel. */
    static String channel(String channel) {
        return switch (channel) {
            case "console" -> "at the desk";
            case "web" -> "on the website";
            case "kiosk" -> "at the lobby kiosk";
            case "api" -> "through the API";
            case "calendar" -> "from the calendar";
            default -> "through " + Formats.words(channel);
        };
    }

    static String language(@Nullable String code) {
        if (code == null) {
            return NONE;
        }
        return switch (code) {
            case "en" -> "English";
            case "es" -> "Spanish";
            default -> code;
        };
    }

    /** "12 Mar 2026, 14:02" in the venue's zone. */
    static String when(Instant at, ZoneId zone) {
        return WHEN.format(at.atZone(zone));
    }

    private static String orNone(@Nullable String text) {
        return text == null || text.isBlank() ? NONE : text;
    }
}
