package dev.concierge.integration.google;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.api.services.sheets.v4.Sheets;
import com.google.api.services.sheets.v4.model.BatchUpdateValuesRequest;
import com.google.api.services.sheets.v4.model.ValueRange;
import dev.concierge.api.Contact;
import dev.concierge.common.DomainException;
import dev.concierge.crm.ContactService;
import dev.concierge.outbox.Connector;
import dev.concierge.outbox.DeliveryFailure;
import dev.concierge.outbox.OutboxEvent;
import dev.concierge.outbox.Subscription;
import dev.concierge.venue.VenueService;
import io.github.bucket4j.Bucket;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The CRM in the spreadsheet {@code GOOGLE_SHEETS_ID}: one row per contact (name, phone, email, intent, notes,
 * consent, source, created) at a fixed row the contact gets once ({@link ContactService#sheetRow}), so writing it
 * again is the same write and nothing is ever appended twice; an erased contact's row is blanked. The event says
 * only which contact changed: the row is read at delivery, so an erased guest is never sent again.
 *
 * <p>Deliveries that arrive together (the outbox runs several at once) go out as one {@code values.batchUpdate},
 * paced under Sheets' per-minute write quota by a token bucket; a 429 holds every write back for as long as Google
 * asks.
 */
public final class GoogleSheetsPush implements Connector {
    public static final String NAME = "google-sheets";
    static final String SERVICE = "Google Sheets";
    /** What the outbox writer needs to know of this connector before the contacts exist. */
    public static final Subscription SUBSCRIPTION = new Subscription(NAME, ContactService.CONTACT_CHANGED::equals);

    static final List<Object> HEADER =
            List.of("name", "phone", "email", "intent", "notes", "consent", "source", "created");
    private static final String LAST_COLUMN = "H";
    /** Sheets allows 60 write requests a minute per user; a few are left for people editing the sheet. */
    static final int WRITES_PER_MINUTE = 50;
    /** How long a delivery waits for the bucket before it is tried again later instead. */
    private static final Duration LONGEST_PACING = Duration.ofSeconds(20);
    /** How long writes hold back after a 429 that did not say. */
    private static final Duration PAUSE_WITHOUT_RETRY_AFTER = Duration.ofSeconds(5);

    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Sheets sheets;
    private final String spreadsheetId;
    private final ContactService contacts;
    private final VenueService venues;
    private final ObjectMapper json;
    private final Clock wallClock;
    private final Bucket writes;

    private final Object lock = new Object();
    /** Rows waiting for the next batch; guarded by {@link #lock}. */
    private final List<Pending> queue = new ArrayList<>();
    /** Whether a delivery thread is writing a batch; guarded by {@link #lock}. */
    private boolean flushing;
    /** Whether this process has written the header row; guarded by {@link #lock} (only the flusher changes it). */
    private boolean headerWritten;
    /** Until when Google asked for no more writes; guarded by {@link #lock}. */
    private Instant pausedUntil = Instant.MIN;

    /** One contact's row on its way, and how its batch went. */
    private static final class Pending {
        final int row;
        final List<Object> cells;
        boolean done;

        @Nullable
        DeliveryFailure failure;

        Pending(int row, List<Object> cells) {
            this.row = row;
            this.cells = cells;
        }
    }

    GoogleSheetsPush(
            Sheets sheets,
            String spreadsheetId,
            ContactService contacts,
            VenueService venues,
            ObjectMapper json,
            Clock wallClock,
            int writesPerMinute) {
        this.sheets = sheets;
        this.spreadsheetId = spreadsheetId;
        this.contacts = contacts;
        this.venues = venues;
        this.json = json;
        this.wallClock = wallClock;
        this.writes = Bucket.builder()
                .addLimit(limit -> limit.capacity(writesPerMinute).refillGreedy(writesPerMinute, Duration.ofMinutes(1)))
                .build();
    }

    /** The connector when {@code GOOGLE_SHEETS_ID} is set. */
    public static Optional<GoogleSheetsPush> of(
            GoogleSettings settings, ContactService contacts, VenueService venues, ObjectMapper json, Clock wallClock) {
        return settings.sheetsId()
                .map(id -> new GoogleSheetsPush(
                        settings.sheets(), id, contacts, venues, json, wallClock, WRITES_PER_MINUTE));
    }

    /** Whether {@code settings} name a spreadsheet, before the contacts (which the connector needs) exist. */
    public static boolean configured(GoogleSettings settings) {
        return settings.sheetsId().isPresent();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean wants(String eventType) {
        return ContactService.CONTACT_CHANGED.equals(eventType);
    }

    @Override
    public void deliver(OutboxEvent event) throws DeliveryFailure {
        long contactId;
        try {
            JsonNode payload = json.readTree(event.payload());
            contactId = payload.path("contactId").asLong(-1);
        } catch (IOException e) {
            throw DeliveryFailure.permanent("the contact's event is not readable");
        }
        ContactService.SheetRow row;
        try {
            row = contacts.sheetRow(contactId);
        } catch (DomainException notFound) {
            throw DeliveryFailure.permanent("there is no contact " + contactId);
        }
        write(new Pending(row.row(), cells(row)));
    }

    private List<Object> cells(ContactService.SheetRow row) {
        if (row.erased()) {
            return Collections.nCopies(HEADER.size(), "");
        }
        Contact contact = row.contact();
        return List.of(
                text(contact.name()),
                text(contact.phone()),
                text(contact.email()),
                text(contact.intent()),
                text(contact.notes()),
                contact.consent(),
                contact.source(),
                CREATED.format(contact.createdAt().atZone(venues.venue().venue().timezone())));
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }

    /**
     * Queues {@code mine} and waits until a batch holding it is written: the first waiting thread to find no batch
     * under way writes everything queued so far, the others wait for it (group commit).
     */
    private void write(Pending mine) throws DeliveryFailure {
        try {
            synchronized (lock) {
                queue.add(mine);
            }
            while (true) {
                List<Pending> batch;
                boolean header;
                synchronized (lock) {
                    while (flushing && !mine.done) {
                        lock.wait();
                    }
                    if (mine.done) {
                        break;
                    }
                    flushing = true;
                    batch = new ArrayList<>(queue);
                    queue.clear();
                    header = !headerWritten;
                }
                DeliveryFailure failure = flush(batch, header);
                synchronized (lock) {
                    if (failure == null && header) {
                        headerWritten = true;
                    }
                    for (Pending pending : batch) {
                        pending.failure = failure;
                        pending.done = true;
                    }
                    flushing = false;
                    lock.notifyAll();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DeliveryFailure.retryable("stopped while writing to Google Sheets", null);
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
    }

    /** Writes one batch; answers why it was not written, or null. */
    private @Nullable DeliveryFailure flush(List<Pending> batch, boolean header) throws InterruptedException {
        Instant now = wallClock.instant();
        Instant paused;
        synchronized (lock) {
            paused = pausedUntil;
        }
        if (now.isBefore(paused)) {
            return DeliveryFailure.retryable("Google Sheets asked to wait (HTTP 429)", Duration.between(now, paused));
        }
        if (!writes.asBlocking().tryConsume(1, LONGEST_PACING)) {
            return DeliveryFailure.retryable("paced under Google Sheets' per-minute write quota", null);
        }
        List<ValueRange> data = new ArrayList<>();
        if (header) {
            data.add(range(1, HEADER));
        }
        for (Pending pending : batch) {
            data.add(range(pending.row, pending.cells));
        }
        try {
            sheets.spreadsheets()
                    .values()
                    .batchUpdate(
                            spreadsheetId,
                            // RAW: a guest's "=HYPERLINK(…)" is stored as text, never run as a formula
                            new BatchUpdateValuesRequest()
                                    .setValueInputOption("RAW")
                                    .setData(data))
                    .execute();
            return null;
        } catch (IOException e) {
            DeliveryFailure failure = GoogleFailures.of(SERVICE, e, wallClock.instant());
            if (GoogleFailures.status(e) == 429) {
                Instant until = wallClock.instant().plus(failure.retryAfter().orElse(PAUSE_WITHOUT_RETRY_AFTER));
                synchronized (lock) {
                    pausedUntil = until;
                }
            }
            return failure;
        } catch (RuntimeException e) {
            return DeliveryFailure.retryable(
                    "unexpected error writing to Google Sheets: " + e.getClass().getSimpleName(), null);
        }
    }

    /** Row {@code row}, columns A to H, of the first sheet (a range without a sheet's name is the first one). */
    private static ValueRange range(int row, List<Object> cells) {
        return new ValueRange()
                .setRange("A" + row + ":" + LAST_COLUMN + row)
                .setMajorDimension("ROWS")
                .setValues(List.of(cells));
    }
}
