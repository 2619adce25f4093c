package dev.concierge.crm;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;

/**
 * Writes RFC 4180 CSV (CRLF line ends; a field with a comma, quote, CR or LF quoted, its quotes doubled) in UTF-8
 * with a byte order mark, so spreadsheet apps read accents right. Rows go to the output as they come.
 */
final class CsvExportWriter implements ExportWriter {
    static final String CONTENT_TYPE = "text/csv; charset=utf-8";

    private static final CSVFormat FORMAT = CSVFormat.RFC4180;
    private static final int BUFFER_CHARS = 64 * 1024;

    private final List<ExportColumn> columns;
    private final ZoneId zone;
    private final int fractionDigits;
    private final CSVPrinter printer;
    private final String[] fields;

    CsvExportWriter(List<ExportColumn> columns, ZoneId zone, Currency currency, OutputStream out) throws IOException {
        this.columns = List.copyOf(columns);
        this.zone = zone;
        this.fractionDigits = Math.max(0, currency.getDefaultFractionDigits());
        this.fields = new String[columns.size()];
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), BUFFER_CHARS);
        writer.write('\uFEFF');
        this.printer = new CSVPrinter(writer, FORMAT);
        printer.printRecord(columns.stream().map(ExportColumn::header).toList());
    }

    @Override
    public void row(@Nullable Object[] values) throws IOException {
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            fields[i] = value == null ? "" : text(columns.get(i).kind(), value);
        }
        printer.printRecord((Object[]) fields);
    }

    private String text(ExportColumn.Kind kind, Object value) {
        return switch (kind) {
            // A spreadsheet app opening CSV reads a leading + as a formula (+34 612… becomes a sum), so phones
            // are neutralized here too, unlike in XLSX where they are text cells.
            case TEXT, PHONE -> FormulaGuard.neutralize((String) value);
            case BOOLEAN, COUNT -> value.toString();
            case MONEY ->
                BigDecimal.valueOf(((Number) value).longValue(), fractionDigits).toPlainString();
            case DATE_TIME ->
                ((OffsetDateTime) value)
                        .atZoneSameInstant(zone)
                        .toOffsetDateTime()
                        .truncatedTo(ChronoUnit.SECONDS)
                        .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        };
    }

    @Override
    public void finish() throws IOException {
        printer.flush();
    }

    @Override
    public void close() {
        // the response stream belongs to the caller; there is nothing else to release
    }
}
