package org.verso.web.story;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * The story's documents, made here: a brochure of the police kit (a heading, a paragraph with a bold phrase, a bulleted
 * list of two items and a table of one row) as DOCX (POI) or ODT (a zip with {@code content.xml}), and the charter.
 * Each paragraph is one sentence, so each is one segment, and each English sentence has its Russian one here.
 */
record StoryFiles(String heading, String bold, List<String> items, List<String> cells) {
    /** An English sentence and its Russian translation; {@code <b>…</b>} marks a bold phrase in both. */
    record Pair(String en, String ru) {}

    static final List<String> TOPICS = List.of("arrest", "detention", "questioning", "use of force");
    static final List<String> TOPICS_RU = List.of("задержание", "содержание под стражей", "допрос", "применение силы");

    /** Brochure {@code n} (1–4) of the kit, in English, with the Russian of each of its sentences. */
    static List<Pair> brochure(int n) {
        String topic = TOPICS.get(n - 1);
        String ru = TOPICS_RU.get(n - 1);
        return List.of(
                new Pair(
                        "Police training kit, brochure " + n + ": " + topic,
                        "Учебный комплект для полиции, брошюра " + n + ": " + ru),
                new Pair(
                        "During " + topic + ", officers must respect <b>human dignity</b> at all times.",
                        "Тема «" + ru + "»: сотрудники всегда должны уважать <b>человеческое достоинство</b>."),
                new Pair(
                        "Before " + topic + ", give your name and your badge number.",
                        "Тема «" + ru + "»: назовите своё имя и номер жетона."),
                new Pair(
                        "Explain the reason for " + topic + " in plain words.",
                        "Тема «" + ru + "»: объясните причину простыми словами."),
                new Pair("Record of " + topic, "Протокол: " + ru),
                new Pair("Kept for " + (n + 1) + " years", "Хранится " + (n + 1) + " лет"));
    }

    static StoryFiles of(List<Pair> pairs) {
        return new StoryFiles(
                pairs.get(0).en(),
                pairs.get(1).en(),
                List.of(pairs.get(2).en(), pairs.get(3).en()),
                List.of(pairs.get(4).en(), pairs.get(5).en()));
    }

    /** The brochure as a Word document: a Heading 1, a bold run, a bulleted list and a table. */
    byte[] docx() {
        try (XWPFDocument doc = new XWPFDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CTStyle style = CTStyle.Factory.newInstance();
            style.setStyleId("Heading1");
            style.setType(STStyleType.PARAGRAPH);
            style.addNewName().setVal("heading 1");
            style.addNewPPr().addNewOutlineLvl().setVal(BigInteger.ZERO);
            style.addNewRPr().addNewB();
            doc.createStyles().addStyle(new XWPFStyle(style));
            XWPFParagraph title = doc.createParagraph();
            title.setStyle("Heading1");
            title.createRun().setText(heading);

            XWPFParagraph paragraph = doc.createParagraph();
            String[] parts = bold.split("</?b>");
            paragraph.createRun().setText(parts[0]);
            var strong = paragraph.createRun();
            strong.setBold(true);
            strong.setText(parts[1]);
            paragraph.createRun().setText(parts[2]);

            CTAbstractNum bullets = CTAbstractNum.Factory.newInstance();
            bullets.setAbstractNumId(BigInteger.ZERO);
            CTLvl level = bullets.addNewLvl();
            level.setIlvl(BigInteger.ZERO);
            level.addNewNumFmt().setVal(STNumberFormat.BULLET);
            level.addNewLvlText().setVal("•");
            var numbering = doc.createNumbering();
            BigInteger list = numbering.addNum(numbering.addAbstractNum(new XWPFAbstractNum(bullets)));
            for (String item : items) {
                XWPFParagraph li = doc.createParagraph();
                li.setNumID(list);
                li.createRun().setText(item);
            }

            XWPFTable table = doc.createTable(1, 2);
            for (int i = 0; i < 2; i++) {
                table.getRow(0).getCell(i).getParagraphs().get(0).createRun().setText(cells.get(i));
            }
            noCreator(doc);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The brochure as an OpenDocument text: a level-1 heading, a bold span, a list and a table. */
    byte[] odt() {
        String[] parts = bold.split("</?b>");
        StringBuilder body = new StringBuilder()
                .append("<text:h text:outline-level=\"1\">")
                .append(xml(heading))
                .append("</text:h>")
                .append("<text:p>")
                .append(xml(parts[0]))
                .append("<text:span text:style-name=\"Strong\">")
                .append(xml(parts[1]))
                .append("</text:span>")
                .append(xml(parts[2]))
                .append("</text:p><text:list>");
        items.forEach(
                i -> body.append("<text:list-item><text:p>").append(xml(i)).append("</text:p></text:list-item>"));
        body.append("</text:list><table:table table:name=\"Records\">"
                + "<table:table-column table:number-columns-repeated=\"2\"/><table:table-row>");
        cells.forEach(c -> body.append("<table:table-cell office:value-type=\"string\"><text:p>")
                .append(xml(c))
                .append("</text:p></table:table-cell>"));
        body.append("</table:table-row></table:table>");
        String content = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
                + " xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\""
                + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
                + " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""
                + " xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\" office:version=\"1.2\">"
                + "<office:automatic-styles><style:style style:name=\"Strong\" style:family=\"text\">"
                + "<style:text-properties fo:font-weight=\"bold\"/></style:style></office:automatic-styles>"
                + "<office:body><office:text>" + body + "</office:text></office:body></office:document-content>";
        String manifest = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\""
                + " manifest:version=\"1.2\">"
                + "<manifest:file-entry manifest:full-path=\"/\""
                + " manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>"
                + "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
                + "</manifest:manifest>";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            byte[] mimetype = "application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII);
            ZipEntry first = new ZipEntry("mimetype"); // stored and first, as the format asks
            first.setMethod(ZipEntry.STORED);
            first.setSize(mimetype.length);
            CRC32 crc = new CRC32();
            crc.update(mimetype);
            first.setCrc(crc.getValue());
            zip.putNextEntry(first);
            zip.write(mimetype);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("META-INF/manifest.xml"));
            zip.write(manifest.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("content.xml"));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The charter: a heading and two paragraphs, as a Word document. */
    static byte[] charter(List<Pair> pairs) {
        try (XWPFDocument doc = new XWPFDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (Pair pair : pairs) {
                doc.createParagraph().createRun().setText(pair.en());
            }
            noCreator(doc);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** POI names itself the author, a property a translation filter offers as a segment of its own: none here. */
    private static void noCreator(XWPFDocument doc) {
        doc.getProperties()
                .getCoreProperties()
                .getUnderlyingProperties()
                .setCreatorProperty(java.util.Optional.empty());
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
