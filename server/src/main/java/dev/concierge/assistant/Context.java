package dev.concierge.assistant;

import dev.concierge.assistant.local.CatalogMatcher;
import dev.concierge.assistant.local.Entities;
import dev.concierge.common.Channel;
import dev.concierge.venue.VenueFile;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What one guest message brings to the dialogue: its words, what it mentions (dates, names, catalogue items…), the
 * venue and its clock, and the sentences to answer with in the guest's language.
 */
final class Context {
    private static final Pattern EMAIL = Pattern.compile("\\S+@\\S+");

    final String text;
    /** The text lower-cased without accents, for word patterns. */
    final String plain;

    final String language;
    final Channel channel;
    final String conversationId;
    final Replies replies;
    final Entities entities;
    final VenueFile venue;
    final ZonedDateTime now;
    final List<CatalogMatcher.Match> services;
    final List<CatalogMatcher.Match> menu;
    final List<CatalogMatcher.Match> rooms;

    Context(
            String text,
            String language,
            Channel channel,
            String conversationId,
            Catalogue catalogue,
            ZonedDateTime now) {
        this.text = text;
        // an address like "julia.suite@example.com" says nothing about what the guest wants
        this.plain = Intents.plain(EMAIL.matcher(text).replaceAll(" "));
        this.language = language;
        this.channel = channel;
        this.conversationId = conversationId;
        this.replies = Replies.in(language);
        this.venue = catalogue.venue();
        this.now = now;
        this.entities = catalogue.entities().extract(text, language, now);
        this.services = catalogue.services().find(text);
        this.menu = catalogue.menu().find(text);
        this.rooms = catalogue.rooms().find(text);
    }

    String say(String key, Object... arguments) {
        return replies.text(key, arguments);
    }

    ZoneId zone() {
        return venue.venue().timezone();
    }

    VenueFile.Service service(String id) {
        return venue.services().stream()
                .filter(s -> s.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    VenueFile.MenuItem menuItem(String id) {
        return venue.menu().stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
    }

    VenueFile.RoomType roomType(String id) {
        return venue.rooms().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    /** A day as a guest reads it: "Friday 13 March", "viernes 13 de marzo". */
    String day(LocalDate date) {
        String pattern = "es".equals(language) ? "EEEE d 'de' MMMM" : "EEEE d MMMM";
        return DateTimeFormatter.ofPattern(pattern, replies.locale()).format(date);
    }

    String time(Instant start) {
        return LocalTime.ofInstant(start, zone()).toString();
    }

    String money(long minorUnits) {
        NumberFormat format = NumberFormat.getCurrencyInstance(replies.locale());
        Currency currency = Currency.getInstance(venue.venue().currency());
        format.setCurrency(currency);
        format.setMinimumFractionDigits(currency.getDefaultFractionDigits());
        return format.format(minorUnits / Math.pow(10, currency.getDefaultFractionDigits()));
    }
}
