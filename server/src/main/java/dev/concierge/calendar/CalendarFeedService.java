package dev.concierge.calendar;

import static dev.concierge.jooq.Tables.BOOKING;
import static dev.concierge.jooq.Tables.CALENDAR_FEED;

import dev.concierge.api.CalendarFeed;
import dev.concierge.api.InvalidFieldsException;
import dev.concierge.common.DomainException;
import dev.concierge.jooq.tables.records.BookingRecord;
import dev.concierge.jooq.tables.records.CalendarFeedRecord;
import dev.concierge.staff.Secrets;
import dev.concierge.venue.VenueFile;
import dev.concierge.venue.VenueService;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;

/**
 * Private, revocable iCalendar feeds: a secret URL per service, or one for the room stays, that any calendar app can
 * subscribe to. The token is shown once and stored only as its hash. A feed lists the bookings from two months back
 * to a year ahead that are not cancelled; a booking keeps its UID (its reference) through every change, so apps
 * update their copy instead of adding one. Slots carry UTC times; stays are all-day with the departure day as the
 * exclusive end, as RFC 5545 says. Only the guest's name and the reference are shown: the URL may end up on a phone.
 */
public final class CalendarFeedService {
    private static final String TOKEN_PREFIX = "cal_";
    private static final int DAYS_BACK = 60;
    private static final int DAYS_AHEAD = 400;

    private final DSLContext dsl;
    private final VenueService venues;
    private final Clock clock;
    private final Secrets secrets = new Secrets();

    public CalendarFeedService(DSLContext dsl, VenueService venues, Clock clock) {
        this.dsl = dsl;
        this.venues = venues;
        this.clock = clock;
    }

    /** A new feed; the answer's {@code url} is the only time its token is seen. */
    public CalendarFeed create(CalendarFeed.Request request, @Nullable Long staffId, String baseUrl) {
        VenueFile venue = venues.venue();
        String serviceId =
                request.serviceId() == null ? null : request.serviceId().trim();
        String name;
        if (serviceId != null) {
            VenueFile.Service service = venue.services().stream()
                    .filter(s -> s.id().equals(serviceId))
                    .findFirst()
                    .orElseThrow(() -> InvalidFieldsException.of("serviceId", "is not a service of this venue"));
            name = service.name().in(language(venue));
        } else {
            name = "Room stays";
        }
        if (request.name() != null && !request.name().isBlank()) {
            name = request.name().trim();
        }
        String token = secrets.newSecret(TOKEN_PREFIX);
        CalendarFeedRecord feed = dsl.newRecord(CALENDAR_FEED);
        feed.setId(secrets.newId("feed_"))
                .setName(name)
                .setServiceId(serviceId)
                .setTokenHash(Secrets.hash(token))
                .setCreatedBy(staffId)
                .setCreatedAt(now())
                .store();
        return view(feed, baseUrl.replaceAll("/+$", "") + "/api/calendar/" + token + ".ics");
    }

    public List<CalendarFeed> list() {
        return dsl.selectFrom(CALENDAR_FEED)
                .orderBy(CALENDAR_FEED.CREATED_AT.desc())
                .fetch(feed -> view(feed, null));
    }

    /** Revokes a feed: its URL answers 404 from now on. Revoking twice changes nothing. */
    public void revoke(String id) {
        CalendarFeedRecord feed = dsl.fetchOne(CALENDAR_FEED, CALENDAR_FEED.ID.eq(id));
        if (feed == null) {
            throw DomainException.notFound("feed_not_found", "There is no calendar feed " + id + ".");
        }
        if (feed.getRevokedAt() == null) {
            feed.setRevokedAt(now()).store();
        }
    }

    /** The feed's calendar text for {@code token}; empty for an unknown or revoked token. */
    public Optional<String> render(String token) {
        CalendarFeedRecord feed = dsl.selectFrom(CALENDAR_FEED)
                .where(CALENDAR_FEED.TOKEN_HASH.eq(Secrets.hash(token)))
                .and(CALENDAR_FEED.REVOKED_AT.isNull())
                .fetchOne();
        if (feed == null) {
            return Optional.empty();
        }
        VenueFile venue = venues.venue();
        ZoneId zone = venue.venue().timezone();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Condition subject = feed.getServiceId() == null
                ? BOOKING.KIND.eq("room")
                : BOOKING.KIND.eq("service").and(BOOKING.SERVICE_ID.eq(feed.getServiceId()));
        List<BookingRecord> bookings = dsl.selectFrom(BOOKING)
                .where(subject)
                .and(BOOKING.STATUS.ne("cancelled"))
                .and(BOOKING.END_AT.ge(
                        today.minusDays(DAYS_BACK).atStartOfDay(zone).toOffsetDateTime()))
                .and(BOOKING.START_AT.lt(
                        today.plusDays(DAYS_AHEAD).atStartOfDay(zone).toOffsetDateTime()))
                .orderBy(BOOKING.START_AT, BOOKING.ID)
                .fetch();

        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Concierge//" + venue.venue().name() + "//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(new XProperty("X-WR-CALNAME", venue.venue().name() + ": " + feed.getName()));
        for (BookingRecord booking : bookings) {
            calendar.add(event(booking, venue, zone));
        }
        StringWriter text = new StringWriter();
        try {
            new CalendarOutputter(true).output(calendar, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.of(text.toString());
    }

    private VEvent event(BookingRecord booking, VenueFile venue, ZoneId zone) {
        String language = language(venue);
        String subject;
        VEvent event;
        if (booking.getKind().equals("room")) {
            subject = venue.rooms().stream()
                    .filter(r -> r.id().equals(booking.getRoomTypeId()))
                    .map(r -> r.name().in(language))
                    .findFirst()
                    .orElse(booking.getRoomTypeId());
            // a stay is the nights from arrival to departure: whole days, the departure day excluded
            LocalDate arrival = booking.getStartAt().atZoneSameInstant(zone).toLocalDate();
            LocalDate departure = booking.getEndAt().atZoneSameInstant(zone).toLocalDate();
            event = new VEvent(arrival, departure, booking.getContactName() + " · " + subject);
        } else {
            subject = venue.services().stream()
                    .filter(s -> s.id().equals(booking.getServiceId()))
                    .map(s -> s.name().in(language))
                    .findFirst()
                    .orElse(booking.getServiceId());
            event = new VEvent(
                    booking.getStartAt().toInstant(),
                    booking.getEndAt().toInstant(),
                    booking.getContactName() + " (" + booking.getPartySize() + ") · " + subject);
        }
        // the stamp and last change are the booking's own, so an unchanged feed reads the same at every poll
        event.replace(new DtStamp(booking.getUpdatedAt().toInstant()));
        event.add(new Uid(booking.getReference() + "@concierge"));
        event.add(new LastModified(booking.getUpdatedAt().toInstant()));
        event.add(new Description("Booking " + booking.getReference() + " · "
                + booking.getStatus().replace('_', ' ')));
        event.add(new Status(booking.getStatus().equals("pending") ? Status.VALUE_TENTATIVE : Status.VALUE_CONFIRMED));
        return event;
    }

    private static String language(VenueFile venue) {
        List<String> languages = venue.venue().languages();
        return languages.isEmpty() ? "en" : languages.get(0);
    }

    private static CalendarFeed view(CalendarFeedRecord feed, @Nullable String url) {
        return new CalendarFeed(
                feed.getId(),
                feed.getName(),
                feed.getServiceId(),
                feed.getCreatedAt().toInstant(),
                feed.getRevokedAt() == null ? null : feed.getRevokedAt().toInstant(),
                url);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
