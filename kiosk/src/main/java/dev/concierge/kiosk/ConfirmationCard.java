package dev.concierge.kiosk;

import dev.concierge.api.BookingView;
import dev.concierge.api.Money;
import dev.concierge.api.OrderView;
import dev.concierge.api.VenueProfile;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * What a guest just booked or ordered, as the kiosk shows it on a card: the reference to give at the desk, what, when
 * (or where it is brought) and the total, in the guest's language.
 */
record ConfirmationCard(
        String title,
        String reference,
        String what,
        String whenLabel,
        String when,
        @Nullable String total) {

    static ConfirmationCard of(BookingView booking, VenueProfile venue, Texts texts) {
        Language language = texts.language();
        String party = texts.get("card.party", booking.partySize());
        // held for its deposit until paid at the reader: not confirmed yet, and the card must not say so
        String title = booking.status().equals("pending") && booking.deposit() != null
                ? texts.get("card.held", money(booking.deposit().amount(), language))
                : texts.get("card.booking");
        if ("room".equals(booking.kind())) {
            String room = venue.rooms().stream()
                    .filter(type -> type.id().equals(booking.roomTypeId()))
                    .findFirst()
                    .map(type -> named(type.name(), language, type.id()))
                    .orElse(Objects.requireNonNullElse(booking.roomTypeId(), ""));
            DateTimeFormatter day = DateTimeFormatter.ofPattern("EEE d MMM", language.locale());
            long nights = ChronoUnit.DAYS.between(
                    booking.start().toLocalDate(), booking.end().toLocalDate());
            @Nullable
            String total = venue.rooms().stream()
                    .filter(type -> type.id().equals(booking.roomTypeId()))
                    .findFirst()
                    .map(type -> money(new Money(type.nightlyRate() * nights, venue.currency()), language))
                    .orElse(null);
            return new ConfirmationCard(
                    title,
                    booking.reference(),
                    room + " · " + party,
                    texts.get("card.when"),
                    day.format(booking.start()) + " – " + day.format(booking.end()),
                    total);
        }
        VenueProfile.@Nullable Service service = venue.services().stream()
                .filter(candidate -> candidate.id().equals(booking.serviceId()))
                .findFirst()
                .orElse(null);
        String name = service == null
                ? Objects.requireNonNullElse(booking.serviceId(), "")
                : named(service.name(), language, service.id());
        @Nullable
        String total = service == null || service.price() == null
                ? null
                : money(new Money(service.price(), venue.currency()), language);
        String when = DateTimeFormatter.ofPattern(texts.get("card.dateTime"), language.locale())
                .format(booking.start());
        return new ConfirmationCard(
                title, booking.reference(), name + " · " + party, texts.get("card.when"), when, total);
    }

    static ConfirmationCard of(OrderView order, Texts texts) {
        String items = order.items().stream()
                .map(item -> item.quantity() + " × " + item.name())
                .collect(Collectors.joining(", "));
        String where = order.roomNumber() != null
                ? texts.get("card.room", order.roomNumber())
                : order.table() != null ? texts.get("card.table", order.table()) : texts.get("card.desk");
        return new ConfirmationCard(
                texts.get("card.order"),
                order.reference(),
                items,
                texts.get("card.where"),
                where,
                money(order.total(), texts.language()));
    }

    private static String named(Map<String, String> names, Language language, String fallback) {
        String name = names.get(language.code());
        if (name == null) {
            name = names.get("en");
        }
        return name == null ? fallback : name;
    }

    static String money(Money money, Language language) {
        NumberFormat format = NumberFormat.getCurrencyInstance(language.locale());
        Currency currency = Currency.getInstance(money.currency());
        format.setCurrency(currency);
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(BigDecimal.valueOf(money.amount(), digits));
    }
}
