package org.verso.translation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Small documents the tests generate: DOCX, ODT, XLIFF… with exactly the content a test needs. */
final class Fixtures {
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String ODT = "application/vnd.oasis.opendocument.text";
    static final String XLIFF = "application/x-xliff+xml";
    static final String PO = "text/x-gettext-translation";

    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    private Fixtures() {}

    /** A DOCX whose body holds the given paragraphs ({@code <w:p>} elements); see {@link #run}, {@link #bold}. */
    static byte[] docx(String... paragraphs) {
        return docxWithDocumentXml(
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n", String.join("", paragraphs));
    }

    /** A DOCX with a prolog of our choice before the document element (a DOCTYPE, say). */
    static byte[] docxWithDocumentXml(String prolog, String body) {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put(
                "[Content_Types].xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                        + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                        + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
                        + "</Types>");
        parts.put(
                "_rels/.rels",
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
                        + "</Relationships>");
        parts.put(
                "word/document.xml",
                prolog + "<w:document xmlns:w=\"" + W + "\"><w:body>" + body + "</w:body></w:document>");
        return zip(parts, false);
    }

    static String paragraph(String... runs) {
        return "<w:p>" + String.join("", runs) + "</w:p>";
    }

    static String run(String text) {
        return "<w:r><w:t xml:space=\"preserve\">" + xml(text) + "</w:t></w:r>";
    }

    static String bold(String text) {
        return "<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">" + xml(text) + "</w:t></w:r>";
    }

    static String italic(String text) {
        return "<w:r><w:rPr><w:i/></w:rPr><w:t xml:space=\"preserve\">" + xml(text) + "</w:t></w:r>";
    }

    /** An ODT whose text holds the given paragraphs ({@code <text:p>}); style T1 is bold, T2 italic. */
    static byte[] odt(String... paragraphs) {
        return odtWithContentXml("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", String.join("", paragraphs));
    }

    static byte[] odtWithContentXml(String prolog, String body) {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("mimetype", ODT);
        parts.put(
                "META-INF/manifest.xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                        + "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">"
                        + "<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"" + ODT + "\"/>"
                        + "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
                        + "</manifest:manifest>");
        parts.put(
                "content.xml",
                prolog
                        + "<office:document-content"
                        + " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
                        + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
                        + " xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\""
                        + " xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\" office:version=\"1.2\">"
                        + "<office:automatic-styles>"
                        + "<style:style style:name=\"T1\" style:family=\"text\"><style:text-properties fo:font-weight=\"bold\"/></style:style>"
                        + "<style:style style:name=\"T2\" style:family=\"text\"><style:text-properties fo:font-style=\"italic\"/></style:style>"
                        + "</office:automatic-styles>"
                        + "<office:body><office:text>" + body
                        + "</office:text></office:body></office:document-content>");
        return zip(parts, true);
    }

    static String odtParagraph(String content) {
        return "<text:p>" + content + "</text:p>";
    }

    /** An XLIFF 1.2 file, one trans-unit per source (already XML). */
    static byte[] xliff12(String prolog, String sourceLanguage, String... sources) {
        StringBuilder units = new StringBuilder();
        for (int i = 0; i < sources.length; i++) {
            units.append("<trans-unit id=\"u")
                    .append(i + 1)
                    .append("\"><source>")
                    .append(sources[i])
                    .append("</source></trans-unit>");
        }
        return (prolog + "<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">"
                        + "<file original=\"test.txt\" source-language=\"" + sourceLanguage
                        + "\" datatype=\"plaintext\"><body>" + units + "</body></file></xliff>")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** An XLIFF 2.0 file, one unit per source (already XML). */
    static byte[] xliff2(String prolog, String sourceLanguage, String... sources) {
        StringBuilder units = new StringBuilder();
        for (int i = 0; i < sources.length; i++) {
            units.append("<unit id=\"u")
                    .append(i + 1)
                    .append("\"><segment><source>")
                    .append(sources[i])
                    .append("</source></segment></unit>");
        }
        return (prolog + "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\""
                        + sourceLanguage + "\"><file id=\"f1\">" + units + "</file></xliff>")
                .getBytes(StandardCharsets.UTF_8);
    }

    static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

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
