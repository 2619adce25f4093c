package dev.concierge.crm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.crm.ExportColumn.Kind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/** The XLSX writer on its own, for what the HTTP tests cannot reach cheaply. */
class XlsxExportWriterTest {
    private static final List<ExportColumn> COLUMNS = List.of(
            new ExportColumn("Name", Kind.TEXT, DSL.field("name"), 20),
            new ExportColumn("Phone", Kind.PHONE, DSL.field("phone"), 16),
            new ExportColumn("Spent", Kind.MONEY, DSL.field("spent"), 12));

    @Test
    void rowsBeyondASheetsLimitGoOnTheNextSheetUnderTheirOwnHeader() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XlsxExportWriter writer =
                new XlsxExportWriter(COLUMNS, ZoneId.of("UTC"), Currency.getInstance("EUR"), out, 2)) {
            for (int i = 1; i <= 5; i++) {
                writer.row(new Object[] {"Guest " + i, null, 100L * i});
            }
            writer.finish();
        }

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertEquals(3, workbook.getNumberOfSheets());
            assertEquals("Contacts", workbook.getSheetName(0));
            assertEquals("Contacts (2)", workbook.getSheetName(1));
            assertEquals("Contacts (3)", workbook.getSheetName(2));
            XSSFSheet second = workbook.getSheetAt(1);
            assertEquals("Name", second.getRow(0).getCell(0).getStringCellValue());
            assertEquals("Guest 3", second.getRow(1).getCell(0).getStringCellValue());
            assertEquals("Guest 4", second.getRow(2).getCell(0).getStringCellValue());
            assertEquals("A1:C3", second.getCTWorksheet().getAutoFilter().getRef());
            assertEquals(1, second.getPaneInformation().getHorizontalSplitPosition());
            XSSFSheet third = workbook.getSheetAt(2);
            assertEquals(2, third.getPhysicalNumberOfRows());
            assertEquals(5.00, third.getRow(1).getCell(2).getNumericCellValue());
            assertNull(third.getRow(1).getCell(1));
        }
    }

    @Test
    void controlCharactersAndNonE164PhonesStillMakeAFileThatOpens() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XlsxExportWriter writer =
                new XlsxExportWriter(COLUMNS, ZoneId.of("UTC"), Currency.getInstance("EUR"), out)) {
            writer.row(new Object[] {"bell\u0007 and emoji \uD83D\uDE00", "=1+1", 0L});
            writer.finish();
        }

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            var row = workbook.getSheetAt(0).getRow(1);
            assertEquals("bell? and emoji \uD83D\uDE00", row.getCell(0).getStringCellValue());
            assertEquals("'=1+1", row.getCell(1).getStringCellValue(), "not a phone number: neutralized");
        }
    }

    @Test
    void noTempFileOutlivesTheWriterWhetherTheWorkbookWasWrittenOrNot() throws IOException {
        Path poiFiles = Path.of(System.getProperty("java.io.tmpdir"), "poifiles");
        Set<Path> before = files(poiFiles);
        for (boolean written : new boolean[] {true, false}) {
            try (XlsxExportWriter writer = new XlsxExportWriter(
                    COLUMNS, ZoneId.of("UTC"), Currency.getInstance("EUR"), OutputStream.nullOutputStream())) {
                for (int i = 0; i < 500; i++) {
                    writer.row(new Object[] {"Guest " + i, "+34612000300", 100L});
                }
                assertTrue(files(poiFiles).size() > before.size(), "rows beyond the window are in a temp file");
                if (written) {
                    writer.finish();
                }
            }
            assertEquals(before, files(poiFiles), written ? "written" : "failed before it was written");
        }
    }

    private static Set<Path> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.collect(Collectors.toSet());
        }
    }

    @Test
    void theMoneyFormatHasTheCurrencysDecimals() {
        assertEquals("#,##0.00 \"EUR\"", XlsxExportWriter.moneyFormat(Currency.getInstance("EUR")));
        assertEquals("#,##0 \"JPY\"", XlsxExportWriter.moneyFormat(Currency.getInstance("JPY")));
        assertEquals("#,##0.000 \"BHD\"", XlsxExportWriter.moneyFormat(Currency.getInstance("BHD")));
    }
}
