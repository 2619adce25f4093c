package dev.concierge.assistant.openai;

import dev.concierge.assistant.DialogueState;
import dev.concierge.venue.VenueFile;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the model is told before the conversation: where it works and when (the venue's own clock and zone), the
 * guest's language, the catalogue it may name, the task under way, and the rules that keep it from inventing.
 */
final class SystemPrompt {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE yyyy-MM-dd", Locale.ENGLISH);

    private SystemPrompt() {}

    static String of(VenueFile venue, ZonedDateTime now, String language, DialogueState state) {
        VenueFile.Info info = venue.venue();
        StringBuilder prompt = new StringBuilder();
        prompt.append("You are the guest assistant of ")
                .append(info.name())
                .append(", answering guests in its website chat, kiosk and messaging.\n")
                .append("Now it is ")
                .append(DAY.format(now))
                .append(", ")
                .append(now.toLocalTime().withSecond(0).withNano(0))
                .append(" local time (")
                .append(info.timezone().getId())
                .append("). Dates are YYYY-MM-DD and times HH:mm, in that zone.\n")
                .append("Reply in ")
                .append(Locale.forLanguageTag(language).getDisplayLanguage(Locale.ENGLISH))
                .append(" (")
                .append(language)
                .append("), briefly and warmly.\n")
                .append("Rules:\n")
                .append("- Never invent prices, times, availability or policies. They come only from the tools:"
                        + " check_availability, check_rooms and search_knowledge. If the tools do not say it, say you"
                        + " do not know and offer a person (hand_off) or to leave details (save_contact_details).\n")
                .append("- To book, change, cancel, order or leave details, call that tool with everything the guest"
                        + " said (null for what they did not). The venue's system then asks the guest for what is"
                        + " missing and reads it back for their yes; never say yourself that something is booked,"
                        + " ordered, cancelled or saved.\n")
                .append("- While a task is under way, call its tool again with each new detail the guest gives.\n")
                .append("- Call hand_off when the guest asks for a person.\n");
        prompt.append("Services (id: name): ")
                .append(venue.services().stream()
                        .map(s -> s.id() + ": " + s.name().in(language))
                        .collect(Collectors.joining("; ")))
                .append('\n');
        prompt.append("Room types (id: name, most guests): ")
                .append(venue.rooms().stream()
                        .map(r -> r.id() + ": " + r.name().in(language) + ", " + r.maxGuests())
                        .collect(Collectors.joining("; ")))
                .append('\n');
        prompt.append("Menu (id: name): ")
                .append(venue.menu().stream()
                        .map(m -> m.id() + ": " + m.name().in(language))
                        .collect(Collectors.joining("; ")))
                .append('\n');
        String task = state.task();
        if (task != null) {
            prompt.append("Under way: ")
                    .append(task)
                    .append(" with ")
                    .append(known(state.slots()))
                    .append('\n');
        }
        return prompt.toString();
    }

    /** The slots said so far, without the request key (it means nothing to the model). */
    private static String known(Map<String, String> slots) {
        String said = slots.entrySet().stream()
                .filter(slot -> !slot.getKey().equals("key") && !slot.getKey().equals("booking"))
                .map(slot -> slot.getKey() + "=" + slot.getValue())
                .collect(Collectors.joining(", "));
        return said.isEmpty() ? "nothing said yet" : said;
    }
}
