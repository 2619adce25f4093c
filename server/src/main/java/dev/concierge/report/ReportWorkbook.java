package dev.concierge.report;

import dev.concierge.api.Report;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A report as a spreadsheet for the managers ({@code GET /api/staff/reports.xlsx}): a summary, the period day by day
 * (conversations by channel, handoffs, occupancy, covers, appointments), the tasks, the questions asked most and those
 * nobody could answer. Numbers are number cells and dates date cells, so the sheet sums and charts as it is; text
 * from guests is written as text, never as a formula.
 */
final class ReportWorkbook {
    private ReportWorkbook() {}

    static void write(Report report, String venueName, OutputStream out) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Styles styles = new Styles(book);
            summary(book.createSheet("Summary"), report, venueName, styles);
            days(book.createSheet("Days"), report, styles);
            tasks(book.createSheet("Tasks"), report, styles);
            questions(book.createSheet("Questions"), report, styles);
            unanswered(book.createSheet("Unanswered"), report, styles);
            book.write(out);
        }
    }

    private record Styles(CellStyle header, CellStyle date, CellStyle percent) {
        Styles(XSSFWorkbook book) {
            this(book.createCellStyle(), book.createCellStyle(), book.createCellStyle());
            Font bold = book.createFont();
            bold.setBold(true);
            header.setFont(bold);
            date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            percent.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("0.0%"));
        }
    }

    private static void summary(Sheet sheet, Report report, String venueName, Styles styles) {
        row(sheet, 0, styles.header(), "Concierge report", venueName);
        Row period = sheet.createRow(1);
        period.createCell(0).setCellValue("Period");
        period.createCell(1).setCellValue(report.from());
        period.getCell(1).setCellStyle(styles.date());
        period.createCell(2).setCellValue(report.to());
        period.getCell(2).setCellStyle(styles.date());
        int r = 3;
        r = figure(sheet, r, "Conversations", report.conversations().total());
        for (Map.Entry<String, Integer> channel :
                report.conversations().byChannel().entrySet()) {
            r = figure(sheet, r, "  on " + channel.getKey(), channel.getValue());
        }
        r = figure(sheet, r, "Handed to staff", report.handoffs().count());
        Row rate = sheet.createRow(r++);
        rate.createCell(0).setCellValue("Handoff rate");
        rate.createCell(1).setCellValue(report.handoffs().rate());
        rate.getCell(1).setCellStyle(styles.percent());
        Long first = report.staff().medianFirstResponseSeconds();
        if (first != null) {
            r = figure(sheet, r, "Median first staff reply (s)", first);
        }
        Long resolved = report.staff().medianResolutionSeconds();
        if (resolved != null) {
            r = figure(sheet, r, "Median resolution (s)", resolved);
        }
        r = figure(sheet, r, "Thumbs up", report.satisfaction().up());
        r = figure(sheet, r, "Thumbs down", report.satisfaction().down());
        Double score = report.satisfaction().score();
        if (score != null) {
            Row csat = sheet.createRow(r);
            csat.createCell(0).setCellValue("Satisfaction (CSAT)");
            csat.createCell(1).setCellValue(score);
            csat.getCell(1).setCellStyle(styles.percent());
        }
        sheet.setColumnWidth(0, 32 * 256);
        sheet.setColumnWidth(1, 14 * 256);
        sheet.setColumnWidth(2, 14 * 256);
    }

    private static void days(Sheet sheet, Report report, Styles styles) {
        TreeSet<String> channels = new TreeSet<>();
        report.days()
                .forEach(day -> channels.addAll(day.conversationsByChannel().keySet()));
        List<String> header = new java.util.ArrayList<>(List.of("Date"));
        channels.forEach(channel -> header.add("Conversations " + channel));
        header.addAll(List.of("Handoffs", "Rooms occupied", "Rooms", "Occupancy", "Covers", "Appointments"));
        row(sheet, 0, styles.header(), header.toArray(String[]::new));
        int r = 1;
        for (Report.Day day : report.days()) {
            Row row = sheet.createRow(r++);
            int c = 0;
            row.createCell(c).setCellValue(day.date());
            row.getCell(c++).setCellStyle(styles.date());
            for (String channel : channels) {
                row.createCell(c++).setCellValue(day.conversationsByChannel().getOrDefault(channel, 0));
            }
            row.createCell(c++).setCellValue(day.handoffs());
            row.createCell(c++).setCellValue(day.roomsOccupied());
            row.createCell(c++).setCellValue(day.roomsTotal());
            row.createCell(c).setCellValue(day.roomsTotal() == 0 ? 0 : (double) day.roomsOccupied() / day.roomsTotal());
            row.getCell(c++).setCellStyle(styles.percent());
            row.createCell(c++).setCellValue(day.covers());
            row.createCell(c).setCellValue(day.appointments());
        }
        finish(sheet, header.size(), r);
    }

    private static void tasks(Sheet sheet, Report report, Styles styles) {
        row(sheet, 0, styles.header(), "Task", "Completed", "Left", "Left while asking for");
        int r = 1;
        for (Report.TaskOutcomes task : report.tasks()) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(task.task());
            row.createCell(1).setCellValue(task.completed());
            row.createCell(2).setCellValue(task.abandoned());
            row.createCell(3)
                    .setCellValue(String.join(
                            ", ",
                            task.abandonedAt().entrySet().stream()
                                    .map(e -> e.getKey() + " " + e.getValue())
                                    .toList()));
        }
        finish(sheet, 4, r);
    }

    private static void questions(Sheet sheet, Report report, Styles styles) {
        row(sheet, 0, styles.header(), "Question", "Entry", "Times asked");
        int r = 1;
        for (Report.AskedQuestion question : report.topQuestions()) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(question.question());
            row.createCell(1).setCellValue(question.entryId());
            row.createCell(2).setCellValue(question.count());
        }
        finish(sheet, 3, r);
    }

    private static void unanswered(Sheet sheet, Report report, Styles styles) {
        row(sheet, 0, styles.header(), "Question nobody could answer", "Language", "Asked at (UTC)");
        int r = 1;
        for (Report.UnansweredQuestion question : report.unanswered()) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(question.text()); // a string cell: "=…" stays text
            row.createCell(1).setCellValue(question.language());
            row.createCell(2).setCellValue(question.at().toString());
        }
        finish(sheet, 3, r);
    }

    private static int figure(Sheet sheet, int r, String label, long value) {
        Row row = sheet.createRow(r);
        row.createCell(0).setCellValue(label);
        row.createCell(1).setCellValue(value);
        return r + 1;
    }

    private static void row(Sheet sheet, int r, CellStyle style, String... values) {
        Row row = sheet.createRow(r);
        for (int c = 0; c < values.length; c++) {
            row.createCell(c).setCellValue(values[c]);
            row.getCell(c).setCellStyle(style);
        }
    }

    /** A frozen header row, a filter over the table, and columns wide enough for their heading. */
    private static void finish(Sheet sheet, int columns, int rows) {
        sheet.createFreezePane(0, 1);
        if (rows > 1) {
            sheet.setAutoFilter(new CellRangeAddress(0, rows - 1, 0, columns - 1));
        }
        for (int c = 0; c < columns; c++) {
            int width = sheet.getRow(0).getCell(c).getStringCellValue().length() + 4;
            sheet.setColumnWidth(c, Math.min(60, Math.max(12, width)) * 256);
        }
    }
}
