package dev.concierge.integration.google;

import com.google.api.client.util.DateTime;
import com.google.api.services.calendar.Calendar;
import com.google.api.services.calendar.model.Event;
import com.google.api.services.calendar.model.EventDateTime;
import com.google.api.services.calendar.model.Events;
import dev.concierge.booking.BusyTimes;
import dev.concierge.venue.VenueService;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Busy times pulled back from {@code GOOGLE_CALENDAR_ID}: an incremental sync ({@code events.list} with the last
 * {@code nextSyncToken}; a full one at first and whenever Google answers 410 Gone) keeps the times of every event
 * that is not one of our bookings, so that a manager who blocks a slot in Google Calendar stops it being offered.
 * Such an event closes every service for its time, or only the one whose id starts its title in brackets
 * ({@code [massage-60] Therapist away}); transparent ("free") and cancelled events block nothing. Titles and guests
 * are never stored.
 */
public final class GoogleBusyTimes implements BusyTimes {
    private static final Logger log = LoggerFactory.getLogger(GoogleBusyTimes.class);
    private static final Pattern SERVICE_TAG = Pattern.compile("^\\s*\\[([A-Za-z0-9_-]{1,64})]");
    private static final int PAGE = 250;

    private final Calendar calendar;
    private final String calendarId;
    private final CalendarBusyRepository busy;
    private final VenueService venues;
    private final Clock wallClock;

    GoogleBusyTimes(
            Calendar calendar, String calendarId, CalendarBusyRepository busy, VenueService venues, Clock wallClock) {
        this.calendar = calendar;
        this.calendarId = calendarId;
        this.busy = busy;
        this.venues = venues;
        this.wallClock = wallClock;
    }

    /** The busy times of {@code GOOGLE_CALENDAR_ID}, when it is set. */
    public static Optional<GoogleBusyTimes> of(
            GoogleSettings settings, DSLContext dsl, VenueService venues, Clock wallClock) {
        return settings.calendarId()
                .map(id -> new GoogleBusyTimes(
                        settings.calendar(), id, new CalendarBusyRepository(dsl), venues, wallClock));
    }

    @Override
    public List<Period> overlapping(String serviceId, Instant from, Instant to) {
        return busy.overlapping(calendarId, serviceId, from, to);
    }

    /**
     * Brings the busy times up to date with the calendar; a failure is logged (without the calendar's data) and the
     * next run tries again from the same point.
     */
    public synchronized void sync() {
        try {
            Optional<String> token = busy.syncToken(calendarId);
            try {
                pull(token.orElse(null));
            } catch (IOException e) {
                if (GoogleFailures.status(e) != 410 || token.isEmpty()) {
                    throw e;
                }
                log.info("Google Calendar expired the sync token; syncing the busy times in full");
                pull(null);
            }
        } catch (IOException e) {
            int status = GoogleFailures.status(e);
            log.warn(
                    "Could not pull busy times from Google Calendar ({}); trying again at the next sync",
                    status > 0
                            ? "HTTP " + status + " " + GoogleFailures.reason(e)
                            : e.getClass().getSimpleName());
        }
    }

    /** One sync, every page of it: in full when {@code syncToken} is null, else the changes since it. */
    private void pull(@Nullable String syncToken) throws IOException {
        ZoneId zone = venues.venue().venue().timezone();
        List<CalendarBusyRepository.Change> changes = new ArrayList<>();
        String pageToken = null;
        String nextSyncToken;
        do {
            Calendar.Events.List list = calendar.events()
                    .list(calendarId)
                    .setSingleEvents(true)
                    .setMaxResults(PAGE)
                    .setPageToken(pageToken);
            if (syncToken != null) {
                list.setSyncToken(syncToken);
            }
            Events page = list.execute();
            if (page.getItems() != null) {
                for (Event event : page.getItems()) {
                    changes.add(change(event, zone));
                }
            }
            pageToken = page.getNextPageToken();
            nextSyncToken = page.getNextSyncToken();
        } while (pageToken != null);
        if (nextSyncToken == null) {
            throw new IOException("Google Calendar's last page carried no nextSyncToken");
        }
        busy.apply(calendarId, syncToken == null, changes, nextSyncToken, wallClock.instant());
    }

    /** What one listed event means: a busy time, or nothing (ours, cancelled, free, or without times). */
    private static CalendarBusyRepository.Change change(Event event, ZoneId zone) {
        String id = event.getId();
        Map<String, String> ours = event.getExtendedProperties() == null
                ? null
                : event.getExtendedProperties().getPrivate();
        boolean booking = ours != null && ours.containsKey(GoogleCalendarPush.REFERENCE_PROPERTY);
        boolean blocks =
                !booking && !"cancelled".equals(event.getStatus()) && !"transparent".equals(event.getTransparency());
        Instant start = blocks ? instant(event.getStart(), zone) : null;
        Instant end = blocks ? instant(event.getEnd(), zone) : null;
        return new CalendarBusyRepository.Change(id, serviceTag(event.getSummary()), start, end);
    }

    private static @Nullable String serviceTag(@Nullable String summary) {
        if (summary == null) {
            return null;
        }
        Matcher tag = SERVICE_TAG.matcher(summary);
        return tag.find() ? tag.group(1) : null;
    }

    /** A timed event's instant, or an all-day event's date at the start of that day in the venue's zone. */
    private static @Nullable Instant instant(@Nullable EventDateTime at, ZoneId zone) {
        if (at == null) {
            return null;
        }
        DateTime dateTime = at.getDateTime();
        if (dateTime != null) {
            return Instant.ofEpochMilli(dateTime.getValue());
        }
        DateTime date = at.getDate();
        return date == null
                ? null
                : LocalDate.parse(date.toStringRfc3339()).atStartOfDay(zone).toInstant();
    }
}
