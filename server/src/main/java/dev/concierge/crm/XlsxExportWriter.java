package dev.concierge.crm;

import java.io.IOException;
import java.io.OutputStream;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jspecify.annotations.Nullable;

/**
 * Writes an XLSX workbook with POI's streaming SXSSF: only the last {@value #WINDOW} rows stay in memory, the rest
 * goes to a compressed temp file until {@link #finish()} writes the workbook to the output.
 *
 * <p>Cells are typed (numbers, booleans, date-times with a date format); the styles are made once per workbook, as
 * a workbook holds at most 64,000 of them. Column widths are fixed: autosizing would need every row kept.
 */
final class XlsxExportWriter implements ExportWriter {
    static final String SHEET = "Contacts";
    static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String DATE_TIME_FORMAT = "yyyy-mm-dd hh:mm";

    /** Rows kept in memory; SXSSF flushes older ones to the temp file. */
    static final int WINDOW = 100;

    private final List<ExportColumn> columns;
    private final ZoneId zone;
    private final int fractionDigits;
    private final int rowsPerSheet;
    private final OutputStream out;
    private final SXSSFWorkbook workbook;
    private final CellStyle plainStyle;
    private final CellStyle headerStyle;
    private final CellStyle dateTimeStyle;
    private final CellStyle moneyStyle;
    private @Nullable SXSSFSheet sheet;
    private int sheets;
    private int nextRow;

    XlsxExportWriter(List<ExportColumn> columns, ZoneId zone, Currency currency, OutputStream out) {
        // the header row takes one of Excel's 1,048,576 rows
        this(columns, zone, currency, out, SpreadsheetVersion.EXCEL2007.getMaxRows() - 1);
    }

    /** {@code rowsPerSheet}: rows after the header before the next sheet starts (Excel's limit; smaller in tests). */
    XlsxExportWriter(List<ExportColumn> columns, ZoneId zone, Currency currency, OutputStream out, int rowsPerSheet) {
        this.columns = List.copyOf(columns);
        this.zone = zone;
        this.fractionDigits = Math.max(0, currency.getDefaultFractionDigits());
        this.rowsPerSheet = rowsPerSheet;
        this.out = out;
        // no shared strings table: inline strings keep memory flat however many distinct texts there are
        this.workbook = new SXSSFWorkbook(null, WINDOW, true, false);
        plainStyle = workbook.getCellStyleAt(0); // the workbook's default; cells with it carry no style attribute
        Font bold = workbook.createFont();
        bold.setBold(true);
        headerStyle = workbook.createCellStyle();
        headerStyle.setFont(bold);
        dateTimeStyle = workbook.createCellStyle();
        dateTimeStyle.setDataFormat(workbook.createDataFormat().getFormat(DATE_TIME_FORMAT));
        moneyStyle = workbook.createCellStyle();
        moneyStyle.setDataFormat(workbook.createDataFormat().getFormat(moneyFormat(currency)));
    }

    /** An Excel number format for amounts in {@code currency}, e.g. {@code #,##0.00 "EUR"} or {@code #,##0 "JPY"}. */
    static String moneyFormat(Currency currency) {
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        return "#,##0" + (digits == 0 ? "" : "." + "0".repeat(digits)) + " \"" + currency.getCurrencyCode() + "\"";
    }

    @Override
    public void row(@Nullable Object[] values) {
        SXSSFSheet current = sheet;
        if (current == null || nextRow > rowsPerSheet) {
            current = startSheet();
        }
        Row row = current.createRow(nextRow++);
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value != null) {
                write(row.createCell(i), columns.get(i).kind(), value);
            }
        }
    }

    private void write(Cell cell, ExportColumn.Kind kind, Object value) {
        CellStyle style = plainStyle;
        switch (kind) {
            case TEXT -> cell.setCellValue(FormulaGuard.neutralize((String) value));
            case PHONE -> {
                // a text cell never runs as a formula, so a well-formed +34… stays as it is, readable
                String phone = (String) value;
                cell.setCellValue(FormulaGuard.isE164(phone) ? phone : FormulaGuard.neutralize(phone));
            }
            case BOOLEAN -> cell.setCellValue((Boolean) value);
            case COUNT -> cell.setCellValue(((Number) value).doubleValue());
            case MONEY -> {
                cell.setCellValue(majorUnits((Number) value, fractionDigits));
                style = moneyStyle;
            }
            case DATE_TIME -> {
                // what setCellValue(LocalDateTime) stores, without it asking the workbook's XML for its date
                // system (1900, as every new workbook) at each cell
                cell.setCellValue(DateUtil.getExcelDate(
                        ((OffsetDateTime) value).atZoneSameInstant(zone).toLocalDateTime()));
                style = dateTimeStyle;
            }
        }
        // set even when plain: POI would otherwise look up the column's default style in the sheet's XML for each
        // unstyled cell as it writes it out, about a third of the cost of a text cell
        cell.setCellStyle(style);
    }

    static double majorUnits(Number minorUnits, int fractionDigits) {
        return minorUnits.longValue() / Math.pow(10, fractionDigits);
    }

    private SXSSFSheet startSheet() {
        if (sheet != null) {
            addAutoFilter(sheet);
        }
        sheets++;
        // Excel's row limit: a larger export goes on "Contacts (2)", … rather than failing half-way
        SXSSFSheet next = workbook.createSheet(sheets == 1 ? SHEET : SHEET + " (" + sheets + ")");
        for (int i = 0; i < columns.size(); i++) {
            next.setColumnWidth(i, columns.get(i).width() * 256);
        }
        next.createFreezePane(0, 1);
        Row header = next.createRow(0);
        for (int i = 0; i < columns.size(); i++) {
            Cell cell = header.createCell(i);
            cell.setCellValue(columns.get(i).header());
            cell.setCellStyle(headerStyle);
        }
        sheet = next;
        nextRow = 1;
        return next;
    }

    /** The filter covers the header and the rows under it, so it is known only when the sheet is full. */
    private void addAutoFilter(SXSSFSheet full) {
        full.setAutoFilter(new CellRangeAddress(0, Math.max(0, nextRow - 1), 0, columns.size() - 1));
    }

    @Override
    public void finish() throws IOException {
        SXSSFSheet last = sheet != null ? sheet : startSheet(); // no contacts: still a sheet with its header
        addAutoFilter(last);
        workbook.write(out);
        out.flush();
    }

    /**
     * Deletes the temp files, written or not. {@code dispose()} is deprecated in POI 5.5.1 because {@code close()}
     * now deletes them too, but {@code close()} alone logs a spurious "Failed to dispose sheet" warning for a
     * workbook that was never written (an export that failed); disposing first keeps that quiet.
     */
    @Override
    @SuppressWarnings("deprecation")
    public void close() {
        try {
            workbook.dispose();
        } finally {
            try {
                workbook.close();
            } catch (IOException e) {
                // the temp files are gone already; nothing of ours is left open
            }
        }
    }
}
