package org.verso.distribution;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Service;
import org.verso.distribution.DonorReport.Count;

/**
 * A donor report as a file: CSV (Commons CSV, UTF-8 with a BOM for spreadsheets), XLSX (Apache POI) or a printable
 * PDF (openhtmltopdf, DejaVu Sans embedded as on the packing slips), labelled in English or Russian. Each carries the
 * same rows: section, name, copies, and the check with whether it holds.
 *
 * <p>Thread-safe.
 */
@Service
public class DonorReportFiles {
    private static final String FONT = Pdfs.FONT;

    /** One row of every format: a section (a figure or a breakdown), a name within it (or blank), copies. */
    record Line(String section, String name, String copies) {}

    /** The report as CSV with a header {@code section,name,copies}. */
    public byte[] csv(DonorReport report, Locale locale) {
        ResourceBundle text = text(locale);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            writer.write('\uFEFF');
            try (CSVPrinter csv = CSVFormat.DEFAULT
                    .builder()
                    .setHeader(text.getString("section"), text.getString("name"), text.getString("copies"))
                    .get()
                    .print(writer)) {
                for (Line line : lines(report, text)) {
                    csv.printRecord(line.section(), line.name(), line.copies());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The report as an XLSX workbook of one sheet, copies as numbers. */
    public byte[] xlsx(DonorReport report, Locale locale) {
        ResourceBundle text = text(locale);
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(text.getString("title"));
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            int r = 0;
            Row title = sheet.createRow(r++);
            title.createCell(0).setCellValue(text.getString("title"));
            title.getCell(0).setCellStyle(bold);
            Row header = sheet.createRow(r++);
            String[] names = {text.getString("section"), text.getString("name"), text.getString("copies")};
            for (int c = 0; c < names.length; c++) {
                Cell cell = header.createCell(c);
                cell.setCellValue(names[c]);
                cell.setCellStyle(bold);
            }
            for (Line line : lines(report, text)) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(line.section());
                row.createCell(1).setCellValue(line.name());
                if (line.copies().matches("-?\\d+")) {
                    row.createCell(2).setCellValue(Integer.parseInt(line.copies()));
                } else {
                    row.createCell(2).setCellValue(line.copies());
                }
            }
            sheet.setColumnWidth(0, 60 * 256);
            sheet.setColumnWidth(1, 40 * 256);
            sheet.setColumnWidth(2, 14 * 256);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The report as a printable A4 PDF. */
    public byte[] pdf(DonorReport report, Locale locale) {
        ResourceBundle text = text(locale);
        StringBuilder html = new StringBuilder();
        html.append("<html lang=\"")
                .append(language(locale))
                .append("\"><head><meta charset=\"utf-8\"/><style>")
                .append("@page { size: A4; margin: 18mm; }")
                .append("body { font-family: '" + FONT + "'; font-size: 10pt; }")
                .append("h1 { font-size: 16pt; margin: 0 0 3mm 0; }")
                .append("table { width: 100%; border-collapse: collapse; margin-top: 3mm; }")
                .append("th, td { border: 0.5pt solid #444; padding: 1.2mm; text-align: left; }")
                .append("td.n { text-align: right; } tr.s td { background: #eee; font-weight: bold; }")
                .append(".ok { color: #1a6b1a; } .bad { color: #a11; }")
                .append("</style></head><body>");
        html.append("<h1>").append(e(text.getString("title"))).append("</h1>");
        html.append("<p>")
                .append(e(text.getString("funder")))
                .append(": <b>")
                .append(e(report.funderName()))
                .append("</b><br/>")
                .append(e(text.getString("period")))
                .append(": ")
                .append(report.from())
                .append(" – ")
                .append(report.to())
                .append("</p>");
        if (report.empty()) {
            html.append("<p>").append(e(text.getString("empty"))).append("</p>");
        }
        DonorReport.Check check = report.check();
        html.append("<p class=\"")
                .append(check.holds() ? "ok" : "bad")
                .append("\"><b>")
                .append(e(text.getString("check")))
                .append("</b><br/>")
                .append(check.printed())
                .append(" = ")
                .append(check.accounted())
                .append(" · ")
                .append(e(text.getString("holds")))
                .append(": ")
                .append(e(text.getString(check.holds() ? "holdsYes" : "holdsNo")))
                .append(check.holds() ? "" : " (" + e(text.getString("difference")) + " " + check.difference() + ")")
                .append("</p>");
        html.append("<table><tr><th>")
                .append(e(text.getString("section")))
                .append("</th><th>")
                .append(e(text.getString("name")))
                .append("</th><th>")
                .append(e(text.getString("copies")))
                .append("</th></tr>");
        for (Line line : lines(report, text)) {
            html.append(line.name().isEmpty() ? "<tr class=\"s\">" : "<tr>")
                    .append("<td>")
                    .append(line.name().isEmpty() ? e(line.section()) : "")
                    .append("</td><td>")
                    .append(e(line.name()))
                    .append("</td><td class=\"n\">")
                    .append(e(line.copies()))
                    .append("</td></tr>");
        }
        html.append("</table></body></html>");
        return pdf(html.toString());
    }

    /** The rows every format carries, labelled in {@code text}'s language. */
    static List<Line> lines(DonorReport report, ResourceBundle text) {
        List<Line> lines = new ArrayList<>();
        lines.add(new Line(text.getString("funder"), report.funderName(), ""));
        lines.add(new Line(text.getString("period"), report.from() + " – " + report.to(), ""));
        figure(lines, text, "printed", report.printed());
        figure(lines, text, "received", report.received());
        figure(lines, text, "inStock", report.inStock());
        figure(lines, text, "inTransit", report.inTransit());
        figure(lines, text, "delivered", report.delivered());
        figure(lines, text, "damaged", report.damaged());
        figure(lines, text, "lost", report.lost());
        figure(lines, text, "returned", report.returned());
        if (report.adjusted() != 0) {
            figure(lines, text, "adjusted", report.adjusted());
        }
        DonorReport.Check check = report.check();
        lines.add(new Line(text.getString("check"), text.getString("printed"), Integer.toString(check.printed())));
        lines.add(new Line(text.getString("check"), text.getString("accounted"), Integer.toString(check.accounted())));
        lines.add(new Line(
                text.getString("check"),
                text.getString("holds"),
                text.getString(check.holds() ? "holdsYes" : "holdsNo")));
        lines.add(
                new Line(text.getString("check"), text.getString("difference"), Integer.toString(check.difference())));
        breakdown(lines, text.getString("byLocation"), report.inStockByLocation(), null);
        breakdown(lines, text.getString("byKind"), report.deliveredByKind(), text);
        breakdown(lines, text.getString("byRegion"), report.deliveredByRegion(), null);
        breakdown(lines, text.getString("byCity"), report.deliveredByCity(), null);
        breakdown(lines, text.getString("byMonth"), report.deliveredByMonth(), null);
        return lines;
    }

    private static void figure(List<Line> lines, ResourceBundle text, String key, int copies) {
        lines.add(new Line(text.getString(key), "", Integer.toString(copies)));
    }

    private static void breakdown(List<Line> lines, String section, List<Count> counts, ResourceBundle kinds) {
        for (Count count : counts) {
            String name = count.name();
            if (kinds != null && kinds.containsKey("kind." + name)) {
                name = kinds.getString("kind." + name);
            }
            lines.add(new Line(section, name, Integer.toString(count.copies())));
        }
    }

    static ResourceBundle text(Locale locale) {
        return ResourceBundle.getBundle(
                "org.verso.distribution.donor-report",
                Locale.forLanguageTag(language(locale)),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private static String language(Locale locale) {
        return locale != null && locale.getLanguage().equals("ru") ? "ru" : "en";
    }

    private static byte[] pdf(String html) {
        return Pdfs.render(html);
    }

    private static String e(String text) {
        return Pdfs.escape(text);
    }
}
