package dev.concierge.bench;

import dev.concierge.api.ApiJson;
import dev.concierge.crm.ContactExportService;
import dev.concierge.crm.ContactExportService.Filter;
import dev.concierge.crm.ContactExportService.Format;
import dev.concierge.storage.Database;
import dev.concierge.testing.BulkContacts;
import dev.concierge.testing.HeapWatch;
import dev.concierge.testing.VenueBuilder;
import dev.concierge.venue.VenueService;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The CRM's XLSX export of 1,000,000 contacts (issue 5, item 6): the export the route runs
 * ({@link ContactExportService#export}, from a real H2 file database through the cursor to a counting stream)
 * against plain POI SXSSF writing the same rows, with the same styles and settings, from a list in memory.
 *
 * <p>A main class rather than JMH: one operation is a whole export of tens of seconds, so a few single shots after a
 * warm-up say what there is to say, and the heap is watched per shot. See docs/benchmarks.md for the commands.
 *
 * <p>Arguments: {@code [contacts] [rounds] [ours|both]}; {@code ours} skips the baseline, whose list of a million
 * rows alone needs ~0.5 GB and cannot fit in a 256 MiB heap.
 */
public final class ContactExportBench {
    static final ZoneId ZONE = ZoneId.of("Europe/Madrid");
    static final OffsetDateTime FIRST_CREATED = OffsetDateTime.of(2025, 6, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    static final OffsetDateTime CONSENT_AT = OffsetDateTime.of(2026, 1, 1, 10, 0, 0, 0, ZoneOffset.ofHours(1));
    static final int SECONDS_APART = BulkContacts.SECONDS_APART;
    static final int WARM_UP_CONTACTS = 100_000;

    private ContactExportBench() {}

    public static void main(String[] args) throws Exception {
        int contacts = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        boolean baseline = args.length <= 2 || args[2].equals("both");

        Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "concierge-export-bench");
        try (Database database = Database.open(dir, null, null, null)) {
            Clock clock =
                    Clock.fixed(LocalDateTime.of(2026, 3, 9, 9, 0).atZone(ZONE).toInstant(), ZONE);
            VenueService venues = new VenueService(database.dsl(), ApiJson.newMapper(), clock);
            venues.importText(VenueBuilder.smallHotel().toYaml());
            long seeding = System.nanoTime();
            seed(database, contacts);
            System.out.printf("seeded %,d contacts in %d ms%n", contacts, millisSince(seeding));
            ContactExportService exports = new ContactExportService(database.dsl(), venues, clock);
            List<Object[]> rows = baseline ? rows(contacts) : List.of();

            // warm-up: the same code paths on the first 100,000 contacts
            LocalDate firstDay = FIRST_CREATED.atZoneSameInstant(ZONE).toLocalDate();
            LocalDate warmUpTo = firstDay.plusDays((long) WARM_UP_CONTACTS * SECONDS_APART / 86_400 - 1);
            shot("warm-up ours", out -> exports.export(Format.XLSX, new Filter(firstDay, warmUpTo, false), out));
            if (baseline) {
                shot("warm-up plain POI", out -> plainPoi(rows.subList(0, WARM_UP_CONTACTS), out, false));
                shot("warm-up tuned POI", out -> plainPoi(rows.subList(0, WARM_UP_CONTACTS), out, true));
            }

            List<Long> ours = new ArrayList<>();
            List<Long> plain = new ArrayList<>();
            List<Long> tuned = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                ours.add(shot("ours #" + round, out -> exports.export(Format.XLSX, Filter.ALL, out)));
                if (baseline) {
                    plain.add(shot("plain POI #" + round, out -> plainPoi(rows, out, false)));
                    tuned.add(shot("tuned POI #" + round, out -> plainPoi(rows, out, true)));
                }
            }
            System.out.printf("ours: median %d ms of %s%n", median(ours), ours);
            if (baseline) {
                System.out.printf("plain POI: median %d ms of %s%n", median(plain), plain);
                System.out.printf("tuned POI: median %d ms of %s%n", median(tuned), tuned);
                System.out.printf(
                        "ratio ours / plain POI: %.2f; ours / tuned POI: %.2f%n",
                        (double) median(ours) / median(plain), (double) median(ours) / median(tuned));
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }

    interface Export {
        /** Writes to {@code out} and answers the rows written. */
        long run(OutputStream out) throws IOException;
    }

    /** Runs one export, prints its time, size and heap, and answers its time in ms. */
    private static long shot(String name, Export export) throws IOException {
        CountingStream out = new CountingStream();
        long rows;
        long ms;
        String heap;
        try (HeapWatch watch = HeapWatch.start()) {
            long started = System.nanoTime();
            rows = export.run(out);
            ms = millisSince(started);
            heap = watch.toString();
        }
        System.out.printf("%-18s %,9d rows %,12d bytes %7d ms  %s%n", name, rows, out.bytes, ms, heap);
        return ms;
    }

    /** The same contacts as the IT's: a booking for every 10th, a 14.50 EUR order for every 20th. */
    static void seed(Database database, int contacts) {
        database.dsl().connection(connection -> BulkContacts.seed(connection, contacts));
    }

    /** The seeded contacts as the cells plain POI writes: venue-local date-times, amounts in euros. */
    static List<Object[]> rows(int contacts) {
        List<Object[]> rows = new ArrayList<>(contacts);
        LocalDateTime consentAt = CONSENT_AT.atZoneSameInstant(ZONE).toLocalDateTime();
        for (int x = 1; x <= contacts; x++) {
            LocalDateTime created = FIRST_CREATED
                    .plusSeconds((long) x * SECONDS_APART)
                    .atZoneSameInstant(ZONE)
                    .toLocalDateTime();
            boolean consent = x % 3 == 0;
            rows.add(new Object[] {
                "Guest " + x,
                "guest" + x + "@bulk.example",
                String.format("+3460%07d", x),
                x % 2 == 0 ? "es" : "en",
                "Spa weekend",
                "Prefers a quiet room, late check-out",
                consent,
                consent ? consentAt : null,
                consent ? "web" : null,
                "web",
                x % 10 == 0 ? 1.0 : 0.0,
                x % 20 == 0 ? 14.50 : 0.0,
                created,
                created
            });
        }
        return rows;
    }

    private static final List<String> HEADERS = List.of(
            "Name",
            "Email",
            "Phone",
            "Language",
            "Intent",
            "Notes",
            "Consent",
            "Consent given",
            "Consent source",
            "Source",
            "Bookings",
            "Spent",
            "Created",
            "Updated");
    private static final int[] WIDTHS = {24, 30, 16, 10, 30, 40, 10, 17, 15, 10, 10, 14, 17, 17};
    private static final int SPENT = 11;

    /**
     * Plain POI: the same workbook settings, styles, sheet and cells as the export, nothing else. {@code tuned} adds
     * the export's two shortcuts (a style set on every cell, date serials computed), so that its ratio shows what
     * the database and the conversions cost on their own.
     */
    @SuppressWarnings("deprecation") // SXSSFWorkbook.dispose()
    static long plainPoi(List<Object[]> rows, OutputStream out, boolean tuned) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(null, 100, true, false);
        try {
            CellStyle plain = workbook.getCellStyleAt(0);
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle header = workbook.createCellStyle();
            header.setFont(bold);
            CellStyle dateTime = workbook.createCellStyle();
            dateTime.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            CellStyle money = workbook.createCellStyle();
            money.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00 \"EUR\""));
            SXSSFSheet sheet = workbook.createSheet("Contacts");
            for (int i = 0; i < WIDTHS.length; i++) {
                sheet.setColumnWidth(i, WIDTHS[i] * 256);
            }
            sheet.createFreezePane(0, 1);
            Row head = sheet.createRow(0);
            for (int i = 0; i < HEADERS.size(); i++) {
                Cell cell = head.createCell(i);
                cell.setCellValue(HEADERS.get(i));
                cell.setCellStyle(header);
            }
            int r = 1;
            for (Object[] values : rows) {
                Row row = sheet.createRow(r++);
                for (int i = 0; i < values.length; i++) {
                    Object value = values[i];
                    if (value == null) {
                        continue;
                    }
                    Cell cell = row.createCell(i);
                    if (tuned) {
                        cell.setCellStyle(plain);
                    }
                    if (value instanceof String text) {
                        cell.setCellValue(text);
                    } else if (value instanceof Boolean flag) {
                        cell.setCellValue(flag);
                    } else if (value instanceof Double number) {
                        cell.setCellValue(number);
                        if (i == SPENT) {
                            cell.setCellStyle(money);
                        }
                    } else {
                        if (tuned) {
                            cell.setCellValue(DateUtil.getExcelDate((LocalDateTime) value));
                        } else {
                            cell.setCellValue((LocalDateTime) value);
                        }
                        cell.setCellStyle(dateTime);
                    }
                }
            }
            sheet.setAutoFilter(new CellRangeAddress(0, r - 1, 0, HEADERS.size() - 1));
            workbook.write(out);
            return rows.size();
        } finally {
            workbook.dispose(); // as the export does (see XlsxExportWriter.close)
            workbook.close();
        }
    }

    private static long median(List<Long> values) {
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        return sorted.length == 0 ? 0 : sorted[sorted.length / 2];
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    /** Counts what is written and keeps nothing. */
    static final class CountingStream extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
