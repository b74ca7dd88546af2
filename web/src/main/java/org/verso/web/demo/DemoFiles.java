package org.verso.web.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes the demo's documents as DOCX or ODT from the small text format of {@code classpath:demo/*.txt} (one block a
 * line: {@code # } and {@code ## } headings, {@code - } list items, {@code | a | b |} table rows, paragraphs; bold as
 * {@code **…**}). Plain zip and XML: no office library outside the modules that own one.
 */
final class DemoFiles {
    static final String DOCX = "docx";
    static final String ODT = "odt";

    private static final String ODT_TYPE = "application/vnd.oasis.opendocument.text";
    private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*");
    private static final String XML = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>";
    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    private DemoFiles() {}

    /** One block of a document. */
    record Block(Kind kind, List<String> cells) {
        enum Kind {
            HEADING1,
            HEADING2,
            ITEM,
            ROW,
            PARAGRAPH
        }

        String text() {
            return cells.get(0);
        }
    }

    /** The blocks of a resource under {@code demo/}. */
    static List<Block> read(String resource) {
        String text;
        try (InputStream in = DemoFiles.class.getResourceAsStream("/demo/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("no demo resource " + resource);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Block> blocks = new ArrayList<>();
        for (String line : text.split("\n")) {
            String l = line.strip();
            if (l.isEmpty()) {
                continue;
            }
            if (l.startsWith("## ")) {
                blocks.add(new Block(Block.Kind.HEADING2, List.of(l.substring(3))));
            } else if (l.startsWith("# ")) {
                blocks.add(new Block(Block.Kind.HEADING1, List.of(l.substring(2))));
            } else if (l.startsWith("- ")) {
                blocks.add(new Block(Block.Kind.ITEM, List.of(l.substring(2))));
            } else if (l.startsWith("|")) {
                List<String> cells = new ArrayList<>();
                for (String cell : l.substring(1, l.length() - 1).split("\\|")) {
                    cells.add(cell.strip());
                }
                blocks.add(new Block(Block.Kind.ROW, cells));
            } else {
                blocks.add(new Block(Block.Kind.PARAGRAPH, List.of(l)));
            }
        }
        return blocks;
    }

    /** The document in {@code format} ({@link #DOCX} or {@link #ODT}), with {@code title} in its properties. */
    static byte[] write(List<Block> blocks, String format, String title, String language) {
        return format.equals(ODT) ? odt(blocks, title, language) : docx(blocks, title, language);
    }

    private static byte[] docx(List<Block> blocks, String title, String language) {
        StringBuilder body = new StringBuilder();
        List<List<String>> table = new ArrayList<>();
        for (Block block : blocks) {
            if (block.kind() == Block.Kind.ROW) {
                table.add(block.cells());
                continue;
            }
            body.append(docxTable(table));
            switch (block.kind()) {
                case HEADING1 -> body.append(docxParagraph("Heading1", null, block.text()));
                case HEADING2 -> body.append(docxParagraph("Heading2", null, block.text()));
                case ITEM ->
                    body.append(docxParagraph(
                            "ListBullet",
                            "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr>",
                            block.text()));
                default -> body.append(docxParagraph(null, null, block.text()));
            }
        }
        body.append(docxTable(table));
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put(
                "[Content_Types].xml",
                XML + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                        + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
                        + "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
                        + "<Override PartName=\"/word/numbering.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml\"/>"
                        + "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
                        + "</Types>");
        parts.put(
                "_rels/.rels",
                XML + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
                        + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
                        + "</Relationships>");
        parts.put(
                "word/_rels/document.xml.rels",
                XML + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
                        + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering\" Target=\"numbering.xml\"/>"
                        + "</Relationships>");
        parts.put(
                "docProps/core.xml",
                XML
                        + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
                        + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>" + escape(title)
                        + "</dc:title><dc:language>" + language + "</dc:language></cp:coreProperties>");
        parts.put(
                "word/styles.xml",
                XML + "<w:styles xmlns:w=\"" + W + "\">"
                        + "<w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val=\"" + language
                        + "\"/></w:rPr></w:rPrDefault></w:docDefaults>"
                        + docxStyle("Heading1", "heading 1", 0, 32)
                        + docxStyle("Heading2", "heading 2", 1, 26)
                        + "<w:style w:type=\"paragraph\" w:styleId=\"ListBullet\"><w:name w:val=\"List Bullet\"/></w:style>"
                        + "</w:styles>");
        parts.put(
                "word/numbering.xml",
                XML + "<w:numbering xmlns:w=\"" + W + "\">"
                        + "<w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/>"
                        + "<w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"•\"/><w:lvlJc w:val=\"left\"/></w:lvl></w:abstractNum>"
                        + "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>");
        parts.put(
                "word/document.xml",
                XML + "<w:document xmlns:w=\"" + W + "\"><w:body>" + body + "</w:body></w:document>");
        return zip(parts, false);
    }

    private static String docxStyle(String id, String name, int level, int halfPoints) {
        return "<w:style w:type=\"paragraph\" w:styleId=\"" + id + "\"><w:name w:val=\"" + name + "\"/>"
                + "<w:pPr><w:outlineLvl w:val=\"" + level + "\"/></w:pPr>"
                + "<w:rPr><w:b/><w:sz w:val=\"" + halfPoints + "\"/></w:rPr></w:style>";
    }

    private static String docxParagraph(String style, String numbering, String text) {
        StringBuilder p = new StringBuilder("<w:p>");
        if (style != null) {
            p.append("<w:pPr><w:pStyle w:val=\"").append(style).append("\"/>");
            p.append(numbering == null ? "" : numbering).append("</w:pPr>");
        }
        Matcher bold = BOLD.matcher(text);
        int at = 0;
        while (bold.find()) {
            p.append(docxRun(text.substring(at, bold.start()), false));
            p.append(docxRun(bold.group(1), true));
            at = bold.end();
        }
        p.append(docxRun(text.substring(at), false));
        return p.append("</w:p>").toString();
    }

    private static String docxRun(String text, boolean bold) {
        if (text.isEmpty()) {
            return "";
        }
        return "<w:r>" + (bold ? "<w:rPr><w:b/></w:rPr>" : "") + "<w:t xml:space=\"preserve\">" + escape(text)
                + "</w:t></w:r>";
    }

    /** The rows gathered so far as one table (the first row a header), emptying the list; "" when there are none. */
    private static String docxTable(List<List<String>> rows) {
        if (rows.isEmpty()) {
            return "";
        }
        StringBuilder t = new StringBuilder("<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/></w:tblPr>");
        for (int r = 0; r < rows.size(); r++) {
            t.append("<w:tr>");
            for (String cell : rows.get(r)) {
                t.append("<w:tc>").append(docxParagraph(null, null, r == 0 ? "**" + cell + "**" : cell));
                t.append("</w:tc>");
            }
            t.append("</w:tr>");
        }
        rows.clear();
        return t.append("</w:tbl>").toString();
    }

    private static byte[] odt(List<Block> blocks, String title, String language) {
        StringBuilder body = new StringBuilder();
        List<List<String>> table = new ArrayList<>();
        boolean inList = false;
        for (Block block : blocks) {
            if (inList && block.kind() != Block.Kind.ITEM) {
                body.append("</text:list>");
                inList = false;
            }
            if (block.kind() == Block.Kind.ROW) {
                table.add(block.cells());
                continue;
            }
            body.append(odtTable(table));
            switch (block.kind()) {
                case HEADING1 ->
                    body.append("<text:h text:outline-level=\"1\">")
                            .append(odtText(block.text()))
                            .append("</text:h>");
                case HEADING2 ->
                    body.append("<text:h text:outline-level=\"2\">")
                            .append(odtText(block.text()))
                            .append("</text:h>");
                case ITEM -> {
                    if (!inList) {
                        body.append("<text:list>");
                        inList = true;
                    }
                    body.append("<text:list-item><text:p>")
                            .append(odtText(block.text()))
                            .append("</text:p></text:list-item>");
                }
                default -> body.append("<text:p>").append(odtText(block.text())).append("</text:p>");
            }
        }
        if (inList) {
            body.append("</text:list>");
        }
        body.append(odtTable(table));
        String office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("mimetype", ODT_TYPE);
        parts.put(
                "META-INF/manifest.xml",
                XML
                        + "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">"
                        + "<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"" + ODT_TYPE + "\"/>"
                        + "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
                        + "<manifest:file-entry manifest:full-path=\"meta.xml\" manifest:media-type=\"text/xml\"/>"
                        + "</manifest:manifest>");
        parts.put(
                "meta.xml",
                XML + "<office:document-meta xmlns:office=\"" + office
                        + "\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
                        + " office:version=\"1.2\"><office:meta><dc:title>" + escape(title) + "</dc:title><dc:language>"
                        + language + "</dc:language></office:meta></office:document-meta>");
        parts.put(
                "content.xml",
                XML + "<office:document-content xmlns:office=\"" + office + "\""
                        + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
                        + " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""
                        + " xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\""
                        + " xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\" office:version=\"1.2\">"
                        + "<office:automatic-styles>"
                        + "<style:style style:name=\"T1\" style:family=\"text\"><style:text-properties fo:font-weight=\"bold\"/></style:style>"
                        + "</office:automatic-styles>"
                        + "<office:body><office:text>" + body
                        + "</office:text></office:body></office:document-content>");
        return zip(parts, true);
    }

    private static String odtText(String text) {
        StringBuilder out = new StringBuilder();
        Matcher bold = BOLD.matcher(text);
        int at = 0;
        while (bold.find()) {
            out.append(escape(text.substring(at, bold.start())));
            out.append("<text:span text:style-name=\"T1\">")
                    .append(escape(bold.group(1)))
                    .append("</text:span>");
            at = bold.end();
        }
        return out.append(escape(text.substring(at))).toString();
    }

    private static String odtTable(List<List<String>> rows) {
        if (rows.isEmpty()) {
            return "";
        }
        StringBuilder t = new StringBuilder("<table:table table:name=\"Table1\">");
        t.append("<table:table-column table:number-columns-repeated=\"")
                .append(rows.get(0).size())
                .append("\"/>");
        for (int r = 0; r < rows.size(); r++) {
            t.append("<table:table-row>");
            for (String cell : rows.get(r)) {
                t.append("<table:table-cell><text:p>")
                        .append(odtText(r == 0 ? "**" + cell + "**" : cell))
                        .append("</text:p></table:table-cell>");
            }
            t.append("</table:table-row>");
        }
        rows.clear();
        return t.append("</table:table>").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** A zip of the parts in order; the first stored uncompressed when {@code firstStored} (ODT's mimetype). */
    private static byte[] zip(Map<String, String> parts, boolean firstStored) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            boolean first = true;
            for (Map.Entry<String, String> part : parts.entrySet()) {
                byte[] content = part.getValue().getBytes(StandardCharsets.UTF_8);
                ZipEntry entry = new ZipEntry(part.getKey());
                if (first && firstStored) {
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(content.length);
                    CRC32 crc = new CRC32();
                    crc.update(content);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(content);
                zip.closeEntry();
                first = false;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
