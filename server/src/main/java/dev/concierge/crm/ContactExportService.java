package dev.concierge.crm;

import static dev.concierge.jooq.Tables.BOOKING;
import static dev.concierge.jooq.Tables.CONTACT;
import static dev.concierge.jooq.Tables.ORDERS;

import dev.concierge.api.InvalidFieldsException;
import dev.concierge.common.DateParameter;
import dev.concierge.crm.ExportColumn.Kind;
import dev.concierge.venue.VenueFile;
import dev.concierge.venue.VenueService;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exports the CRM's contacts as a spreadsheet (XLSX) or CSV for managers, streamed from one database cursor to the
 * output so that a million contacts fit in a small heap. Each row carries the contact's bookings and spend, counted
 * by the same query.
 */
public final class ContactExportService {
    private static final Logger log = LoggerFactory.getLogger(ContactExportService.class);

    /** Rows the driver fetches at a time; PostgreSQL streams only with a fetch size inside a transaction. */
    static final int FETCH_SIZE = 1_000;

    private static final String BOOKINGS_TABLE = "contact_bookings";
    private static final String SPEND_TABLE = "contact_spend";
    private static final Field<Integer> BOOKINGS = DSL.field(DSL.name(BOOKINGS_TABLE, "bookings"), Integer.class);
    private static final Field<Long> SPENT = DSL.field(DSL.name(SPEND_TABLE, "spent"), Long.class);

    /** The columns of both formats, in order: add a column here and both get it. */
    static final List<ExportColumn> COLUMNS = List.of(
            new ExportColumn("Name", Kind.TEXT, CONTACT.NAME, 24),
            new ExportColumn("Email", Kind.TEXT, CONTACT.EMAIL, 30),
            new ExportColumn("Phone", Kind.PHONE, CONTACT.PHONE, 16),
            new ExportColumn("Language", Kind.TEXT, CONTACT.LANGUAGE, 10),
            new ExportColumn("Intent", Kind.TEXT, CONTACT.INTENT, 30),
            new ExportColumn("Notes", Kind.TEXT, CONTACT.NOTES, 40),
            new ExportColumn("Consent", Kind.BOOLEAN, CONTACT.CONSENT, 10),
            new ExportColumn("Consent given", Kind.DATE_TIME, CONTACT.CONSENT_AT, 17),
            new ExportColumn("Consent source", Kind.TEXT, CONTACT.CONSENT_SOURCE, 15),
            new ExportColumn("Source", Kind.TEXT, CONTACT.SOURCE, 10),
            new ExportColumn("Bookings", Kind.COUNT, DSL.coalesce(BOOKINGS, 0).as("bookings"), 10),
            new ExportColumn("Spent", Kind.MONEY, DSL.coalesce(SPENT, 0L).as("spent"), 14),
            new ExportColumn("Created", Kind.DATE_TIME, CONTACT.CREATED_AT, 17),
            new ExportColumn("Updated", Kind.DATE_TIME, CONTACT.UPDATED_AT, 17));

    private final DSLContext dsl;
    private final VenueService venues;
    private final Clock clock;

    public ContactExportService(DSLContext dsl, VenueService venues, Clock clock) {
        this.dsl = dsl;
        this.venues = venues;
        this.clock = clock;
    }

    /** The two formats, with what an HTTP answer needs to name them. */
    public enum Format {
        XLSX("xlsx", XlsxExportWriter.CONTENT_TYPE),
        CSV("csv", CsvExportWriter.CONTENT_TYPE);

        private final String extension;
        private final String contentType;

        Format(String extension, String contentType) {
            this.extension = extension;
            this.contentType = contentType;
        }

        public String contentType() {
            return contentType;
        }

        ExportWriter open(ZoneId zone, Currency currency, OutputStream out) throws IOException {
            return switch (this) {
                case XLSX -> new XlsxExportWriter(COLUMNS, zone, currency, out);
                case CSV -> new CsvExportWriter(COLUMNS, zone, currency, out);
            };
        }
    }

    /**
     * Which contacts to export: created on {@code from} or later and on {@code to} or earlier (venue-local days,
     * both inclusive, either open), and with {@code consentOnly} only those who gave consent.
     */
    public record Filter(@Nullable LocalDate from, @Nullable LocalDate to, boolean consentOnly) {
        public static final Filter ALL = new Filter(null, null, false);

        public Filter {
            if (from != null && to != null && to.isBefore(from)) {
                throw InvalidFieldsException.of("to", "must not be before from");
            }
        }

        /** The filter of query parameters as given; a 400 naming every bad one. */
        public static Filter parse(@Nullable String from, @Nullable String to, @Nullable String consent) {
            Map<String, String> problems = new LinkedHashMap<>();
            LocalDate fromDay = day("from", from, problems);
            LocalDate toDay = day("to", to, problems);
            boolean consentOnly = false;
            if (consent != null && !consent.isEmpty()) {
                if (consent.equals("true")) {
                    consentOnly = true;
                } else {
                    problems.put("consent", "must be true (leave it out to export everyone)");
                }
            }
            if (!problems.isEmpty()) {
                throw new InvalidFieldsException(problems);
            }
            return new Filter(fromDay, toDay, consentOnly);
        }

        private static @Nullable LocalDate day(String name, @Nullable String text, Map<String, String> problems) {
            return DateParameter.optional(name, text, problems);
        }
    }

    /** The download's file name, with the venue's date today: {@code contacts-2026-03-10.xlsx}. */
    public String fileName(Format format) {
        ZoneId zone = venues.venue().venue().timezone();
        return "contacts-" + LocalDate.now(clock.withZone(zone)) + "." + format.extension;
    }

    /**
     * Writes the contacts that pass {@code filter} to {@code out} in {@code format}, oldest first, and answers how
     * many were written. {@code out} is flushed, not closed.
     */
    public long export(Format format, Filter filter, OutputStream out) throws IOException {
        VenueFile.Info venue = venues.venue().venue();
        ZoneId zone = venue.timezone();
        Currency currency = Currency.getInstance(venue.currency());
        long started = System.nanoTime();
        try (ExportWriter writer = format.open(zone, currency, out)) {
            long rows = writeRows(writer, filter, zone, venue.currency());
            writer.finish(); // XLSX: the workbook goes out now, after the cursor and its connection are released
            log.info(
                    "Exported {} contacts as {} in {} ms",
                    rows,
                    format.extension,
                    (System.nanoTime() - started) / 1_000_000);
            return rows;
        }
    }

    private long writeRows(ExportWriter writer, Filter filter, ZoneId zone, String currency) throws IOException {
        try {
            // a transaction: PostgreSQL keeps a cursor (and honours the fetch size) only with auto-commit off
            return dsl.transactionResult(configuration -> {
                DSLContext tx = DSL.using(configuration);
                boolean h2 = tx.dialect().family() == SQLDialect.H2;
                if (h2) {
                    // H2 otherwise runs the whole query first and spills the result to a temp file; lazily it
                    // hands over each row as it is read (twice as fast for a million contacts, first row at once)
                    tx.execute("SET LAZY_QUERY_EXECUTION TRUE");
                }
                long rows = 0;
                try (Cursor<Record> cursor = query(tx, filter, zone, currency).fetchLazy()) {
                    for (Record record : cursor) {
                        writer.row(record.intoArray());
                        rows++;
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } finally {
                    if (h2) {
                        tx.execute("SET LAZY_QUERY_EXECUTION FALSE"); // a session setting: the pool reuses it
                    }
                }
                return rows;
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** One query for all rows: bookings and spend come from grouped subqueries joined by contact. */
    static ResultQuery<Record> query(DSLContext dsl, Filter filter, ZoneId zone, String currency) {
        Table<?> bookings = DSL.select(BOOKING.CONTACT_ID, DSL.count().as("bookings"))
                .from(BOOKING)
                .where(BOOKING.CONTACT_ID.isNotNull())
                .groupBy(BOOKING.CONTACT_ID)
                .asTable(BOOKINGS_TABLE);
        // the venue's currency only: amounts in two currencies cannot be added up
        Table<?> spend = DSL.select(
                        ORDERS.CONTACT_ID,
                        DSL.sum(ORDERS.TOTAL).cast(SQLDataType.BIGINT).as("spent"))
                .from(ORDERS)
                .where(ORDERS.CONTACT_ID.isNotNull())
                .and(ORDERS.STATUS.ne("cancelled"))
                .and(ORDERS.CURRENCY.eq(currency))
                .groupBy(ORDERS.CONTACT_ID)
                .asTable(SPEND_TABLE);
        List<Field<?>> fields = new ArrayList<>();
        COLUMNS.forEach(column -> fields.add(column.value()));
        return dsl.select(fields)
                .from(CONTACT)
                .leftJoin(bookings)
                .on(bookings.field(BOOKING.CONTACT_ID).eq(CONTACT.ID))
                .leftJoin(spend)
                .on(spend.field(ORDERS.CONTACT_ID).eq(CONTACT.ID))
                .where(conditions(filter, zone))
                // the created_at index gives this order without a sort, so rows can stream (ties: any order)
                .orderBy(CONTACT.CREATED_AT)
                .fetchSize(FETCH_SIZE);
    }

    private static List<Condition> conditions(Filter filter, ZoneId zone) {
        List<Condition> conditions = new ArrayList<>();
        // an erased or merged contact has nobody left in it: a blank line in the spreadsheet would only puzzle
        conditions.add(CONTACT.ERASED_AT.isNull());
        LocalDate from = filter.from();
        LocalDate to = filter.to();
        if (from != null) {
            conditions.add(CONTACT.CREATED_AT.ge(from.atStartOfDay(zone).toOffsetDateTime()));
        }
        if (to != null) {
            conditions.add(
                    CONTACT.CREATED_AT.lt(to.plusDays(1).atStartOfDay(zone).toOffsetDateTime()));
        }
        if (filter.consentOnly()) {
            conditions.add(CONTACT.CONSENT.isTrue());
        }
        return conditions;
    }
}
