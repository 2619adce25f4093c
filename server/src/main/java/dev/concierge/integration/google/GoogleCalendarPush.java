package dev.concierge.integration.google;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.api.client.util.DateTime;
import com.google.api.services.calendar.Calendar;
import com.google.api.services.calendar.model.Event;
import com.google.api.services.calendar.model.EventDateTime;
import dev.concierge.api.BookingView;
import dev.concierge.outbox.Connector;
import dev.concierge.outbox.DeliveryFailure;
import dev.concierge.outbox.OutboxEvent;
import dev.concierge.outbox.Subscription;
import dev.concierge.venue.VenueFile;
import dev.concierge.venue.VenueService;
import java.io.IOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * Each booking as one event in {@code GOOGLE_CALENDAR_ID}: the service or room and the guest as its summary, the
 * reference and the contact in its description, a service slot at its times in the venue's zone, a room stay as
 * all-day events from check-in to check-out (Google's end date is exclusive, like a check-out). The event's id is
 * derived from the reference ({@link CalendarEventIds}), so a repeated insert answers 409 and becomes an update; a
 * cancelled booking's event is deleted. When a guest is erased, the events of their bookings are rewritten without
 * their details.
 */
public final class GoogleCalendarPush implements Connector {
    public static final String NAME = "google-calendar";
    static final String SERVICE = "Google Calendar";
    static final String CONTACT_ERASED = "contact.erased";
    static final Set<String> TYPES = Set.of("booking.created", "booking.changed", "booking.cancelled", CONTACT_ERASED);
    /** What the outbox writer needs to know of this connector before the bookings exist. */
    public static final Subscription SUBSCRIPTION = new Subscription(NAME, TYPES::contains);
    /** The private extended property that marks an event as one of ours, with the booking's reference. */
    static final String REFERENCE_PROPERTY = "conciergeReference";

    private final Calendar calendar;
    private final String calendarId;
    private final VenueService venues;
    private final LongFunction<List<BookingView>> bookingsOfContact;
    private final ObjectMapper json;
    private final Clock wallClock;

    GoogleCalendarPush(
            Calendar calendar,
            String calendarId,
            VenueService venues,
            LongFunction<List<BookingView>> bookingsOfContact,
            ObjectMapper json,
            Clock wallClock) {
        this.calendar = calendar;
        this.calendarId = calendarId;
        this.venues = venues;
        this.bookingsOfContact = bookingsOfContact;
        this.json = json;
        this.wallClock = wallClock;
    }

    /**
     * The connector when {@code GOOGLE_CALENDAR_ID} is set.
     *
     * @param bookingsOfContact a contact's bookings as they are now (after an erasure: without the guest's details)
     */
    public static Optional<GoogleCalendarPush> of(
            GoogleSettings settings,
            VenueService venues,
            LongFunction<List<BookingView>> bookingsOfContact,
            ObjectMapper json,
            Clock wallClock) {
        return settings.calendarId()
                .map(id -> new GoogleCalendarPush(settings.calendar(), id, venues, bookingsOfContact, json, wallClock));
    }

    /** Whether {@code settings} name a calendar, before the bookings (which the connector needs) exist. */
    public static boolean configured(GoogleSettings settings) {
        return settings.calendarId().isPresent();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean wants(String eventType) {
        return TYPES.contains(eventType);
    }

    @Override
    public void deliver(OutboxEvent event) throws DeliveryFailure {
        JsonNode booking;
        try {
            booking = json.readTree(event.payload());
        } catch (IOException e) {
            throw DeliveryFailure.permanent("the " + event.type() + " event is not readable");
        }
        if (event.type().equals(CONTACT_ERASED)) {
            eraseGuest(booking.path("contactId").asLong(-1));
            return;
        }
        String reference = booking.path("reference").asText();
        if (reference.isEmpty()) {
            throw DeliveryFailure.permanent("the booking's event has no reference");
        }
        String eventId = CalendarEventIds.of(reference);
        try {
            if ("cancelled".equals(booking.path("status").asText())) {
                delete(eventId);
            } else if (event.type().equals("booking.created")) {
                insertOrUpdate(eventId, event(booking, eventId));
            } else {
                updateOrInsert(eventId, event(booking, eventId));
            }
        } catch (IOException e) {
            throw GoogleFailures.of(SERVICE, e, wallClock.instant());
        }
    }

    /**
     * Rewrites the events of an erased guest's bookings from the bookings as they are now, which hold no name,
     * e-mail, phone or note any more. An event not made yet is left alone: its booking's events were scrubbed too.
     */
    private void eraseGuest(long contactId) throws DeliveryFailure {
        try {
            for (BookingView booking : bookingsOfContact.apply(contactId)) {
                JsonNode view = json.valueToTree(booking);
                String eventId = CalendarEventIds.of(booking.reference());
                Event scrubbed = event(view, eventId);
                if ("cancelled".equals(booking.status())) {
                    // a deleted event keeps its text in Google: rewritten, and still deleted
                    scrubbed.setStatus("cancelled");
                }
                try {
                    calendar.events().update(calendarId, eventId, scrubbed).execute();
                } catch (IOException e) {
                    if (GoogleFailures.status(e) != 404) {
                        throw e;
                    }
                }
            }
        } catch (IOException e) {
            throw GoogleFailures.of(SERVICE, e, wallClock.instant());
        }
    }

    /** A retried insert (its first answer lost) finds the event there: 409, and the event is brought up to date. */
    private void insertOrUpdate(String eventId, Event body) throws IOException {
        try {
            calendar.events().insert(calendarId, body).execute();
        } catch (IOException e) {
            if (GoogleFailures.status(e) != 409) {
                throw e;
            }
            calendar.events().update(calendarId, eventId, body).execute();
        }
    }

    /** A change of a booking whose event is not there (removed in Google by hand) puts it back. */
    private void updateOrInsert(String eventId, Event body) throws IOException {
        try {
            calendar.events().update(calendarId, eventId, body).execute();
        } catch (IOException e) {
            if (GoogleFailures.status(e) != 404) {
                throw e;
            }
            calendar.events().insert(calendarId, body).execute();
        }
    }

    /** Deleting an event that is gone already (404, or 410 once deleted) is what was wanted. */
    private void delete(String eventId) throws IOException {
        try {
            calendar.events().delete(calendarId, eventId).execute();
        } catch (IOException e) {
            int status = GoogleFailures.status(e);
            if (status != 404 && status != 410) {
                throw e;
            }
        }
    }

    private Event event(JsonNode booking, String eventId) {
        VenueFile venue = venues.venue();
        ZoneId zone = venue.venue().timezone();
        String language = venue.venue().languages().isEmpty()
                ? "en"
                : venue.venue().languages().get(0);
        String reference = booking.path("reference").asText();
        JsonNode contact = booking.path("contact");
        String guest = contact.path("name").asText("");
        int party = booking.path("partySize").asInt(1);
        OffsetDateTime start = OffsetDateTime.parse(booking.path("start").asText());
        OffsetDateTime end = OffsetDateTime.parse(booking.path("end").asText());

        boolean stay = !booking.path("roomTypeId").isMissingNode()
                && !booking.path("roomTypeId").isNull();
        String what = stay
                ? roomName(venue, booking.path("roomTypeId").asText(), language)
                : serviceName(venue, booking.path("serviceId").asText(), language);

        List<String> lines = new ArrayList<>();
        lines.add("Booking " + reference);
        lines.add("Guest: " + guest);
        text(contact, "phone").ifPresent(phone -> lines.add("Phone: " + phone));
        text(contact, "email").ifPresent(email -> lines.add("E-mail: " + email));
        lines.add((stay ? "Guests: " : "Party: ") + party);
        text(booking, "roomNumber").ifPresent(room -> lines.add("Room: " + room));
        lines.add("Status: " + booking.path("status").asText());
        text(booking, "notes").ifPresent(notes -> lines.add("Notes: " + notes));

        Event event = new Event()
                .setId(eventId)
                .setSummary(
                        what + (guest.isBlank() ? "" : " – " + guest) + (party > 1 && !stay ? " (" + party + ")" : ""))
                .setDescription(String.join("\n", lines))
                .setExtendedProperties(
                        new Event.ExtendedProperties().setPrivate(Map.of(REFERENCE_PROPERTY, reference)));
        if (stay) {
            // all-day: the check-in date to the check-out date, which Google treats as exclusive
            event.setStart(new EventDateTime()
                    .setDate(new DateTime(
                            start.atZoneSameInstant(zone).toLocalDate().toString())));
            event.setEnd(new EventDateTime()
                    .setDate(new DateTime(
                            end.atZoneSameInstant(zone).toLocalDate().toString())));
        } else {
            event.setStart(at(start, zone));
            event.setEnd(at(end, zone));
        }
        return event;
    }

    private static EventDateTime at(OffsetDateTime time, ZoneId zone) {
        OffsetDateTime local = time.atZoneSameInstant(zone).toOffsetDateTime();
        return new EventDateTime()
                .setDateTime(new DateTime(
                        false,
                        local.toInstant().toEpochMilli(),
                        local.getOffset().getTotalSeconds() / 60))
                .setTimeZone(zone.getId());
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? Optional.of(value.asText()) : Optional.empty();
    }

    private static String serviceName(VenueFile venue, String id, String language) {
        return venue.services().stream()
                .filter(s -> s.id().equals(id))
                .findFirst()
                .map(s -> s.name().in(language))
                .orElse(id);
    }

    private static String roomName(VenueFile venue, String id, String language) {
        return venue.rooms().stream()
                .filter(r -> r.id().equals(id))
                .findFirst()
                .map(r -> r.name().in(language))
                .orElse(id);
    }
}
