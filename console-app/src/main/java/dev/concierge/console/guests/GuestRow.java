package dev.concierge.console.guests;

import dev.concierge.api.Contact;
import dev.concierge.console.Formats;
import dev.concierge.console.Texts;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
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
    static final String NONE = "—";

    static GuestRow of(Contact contact, ZoneId zone, Texts texts) {
        return new GuestRow(
                contact,
                nameOf(contact, texts),
                orNone(contact.email()),
                orNone(contact.phone()),
                language(contact.language(), texts),
                consentWord(contact, texts),
                texts.word("source", contact.source()),
                when(contact.updatedAt(), zone, texts));
    }

    public long id() {
        return contact.id();
    }

    /** The name, or what stands for it when the guest gave none. */
    static String nameOf(Contact contact, Texts texts) {
        return contact.name() == null || contact.name().isBlank() ? texts.get("guests.noName") : contact.name();
    }

    /** {@code given}, {@code withdrawn} (a yes taken back) or {@code not given}: in words, never by colour alone. */
    static String consentWord(Contact contact, Texts texts) {
        if (contact.consent()) {
            return texts.get("guests.consent.given");
        }
        return texts.get(contact.consentAt() != null ? "guests.consent.withdrawn" : "guests.consent.notGiven");
    }

    /**
     * "Consent given 12 Mar 2026, 14:02 at the desk"; "No consent recorded" when the guest never answered.
     */
    static String consentLine(Contact contact, ZoneId zone, Texts texts) {
        Instant at = contact.consentAt();
        if (at == null) {
            return texts.get(contact.consent() ? "guests.consentLine.given" : "guests.consentLine.none");
        }
        String where = contact.consentSource() == null ? "" : " " + channel(contact.consentSource(), texts);
        return texts.get(
                        contact.consent() ? "guests.consentLine.givenAt" : "guests.consentLine.withdrawnAt",
                        when(at, zone, texts))
                + where;
    }

    /** Where something was said or recorded: "at the desk" for the console's own channel. */
    static String channel(String channel, Texts texts) {
        return switch (channel) {
            case "console", "web", "kiosk", "api", "calendar" -> texts.get("guests.channel." + channel);
            default -> texts.get("guests.channel.other", Formats.words(channel));
        };
    }

    static String language(@Nullable String code, Texts texts) {
        if (code == null) {
            return NONE;
        }
        return switch (code) {
            case "en" -> texts.get("language.en");
            case "es" -> texts.get("language.es");
            default -> code;
        };
    }

    /** "12 Mar 2026, 14:02" in the venue's zone. */
    static String when(Instant at, ZoneId zone, Texts texts) {
        return DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", texts.locale()).format(at.atZone(zone));
    }

    private static String orNone(@Nullable String text) {
        return text == null || text.isBlank() ? NONE : text;
    }
}
