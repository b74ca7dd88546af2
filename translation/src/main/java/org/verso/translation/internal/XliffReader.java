package org.verso.translation.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import net.sf.okapi.lib.xliff2.reader.XLIFFReader;
import org.verso.translation.XliffRefused;

/**
 * Reads an uploaded XLIFF 1.2 or 2.0 file for import, safely: a file with a DTD (and so with entities, external or
 * not) is refused before anything in it is used, and nothing outside the file is ever read. XLIFF 2.0 is then
 * validated by Okapi's {@code lib-xliff2} reader (its schemas and constraints); XLIFF 1.2 has its structural rules
 * checked here (a {@code file} has {@code source-language}, {@code datatype} and {@code original}; a
 * {@code trans-unit} has a unique {@code id} and one {@code source}). Stateless and thread-safe.
 */
public final class XliffReader {
    /** A code id as Verso writes it (compiled once: a file of 10,000 units has 20,000 codes). */
    private static final Pattern CODE_ID = Pattern.compile("\\d{1,9}");

    private static final Pattern OKAPI_LINE = Pattern.compile("lineNumber: (\\d+); columnNumber: (\\d+); (.*)");
    private static final XMLInputFactory FACTORY = factory();

    private XliffReader() {}

    /**
     * @throws XliffRefused {@code xliff-empty}, {@code not-xliff}, {@code xliff-malformed}, {@code xliff-dtd},
     *     {@code xliff-external-entity}, {@code xliff-invalid}
     */
    public static XliffRead read(Path file) throws IOException {
        sniff(file);
        XliffRead read;
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader r = FACTORY.createXMLStreamReader(in);
            try {
                read = new Parse(r).document();
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            Location at = e.getLocation();
            String message = e.getMessage() == null ? "" : e.getMessage();
            int cut = message.indexOf("Message: ");
            throw new XliffRefused(
                    "xliff-malformed",
                    "The file is not well-formed XML: " + (cut >= 0 ? message.substring(cut + 9) : message),
                    at == null ? 0 : at.getLineNumber(),
                    at == null ? 0 : at.getColumnNumber(),
                    null);
        }
        if (read.version2()) {
            validate20(file);
        }
        return read;
    }

    /** XLIFF 2.0 through lib-xliff2's reader with its full validation; its first error, with line and column. */
    static void validate20(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file);
                XLIFFReader reader = new XLIFFReader(XLIFFReader.VALIDATION_MAXIMAL)) {
            reader.open(in);
            while (reader.hasNext()) {
                reader.next();
            }
        } catch (RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            Matcher m = OKAPI_LINE.matcher(message);
            if (m.find()) {
                throw new XliffRefused(
                        "xliff-invalid",
                        "The file is not valid XLIFF 2.0: " + m.group(3),
                        Integer.parseInt(m.group(1)),
                        Integer.parseInt(m.group(2)),
                        null);
            }
            throw new XliffRefused("xliff-invalid", "The file is not valid XLIFF 2.0: " + message);
        }
    }

    private static void sniff(Path file) throws IOException {
        byte[] head = new byte[512];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        int i = 0;
        if (n >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
            i = 3;
        }
        while (i < n && Character.isWhitespace(head[i])) {
            i++;
        }
        if (i == n && Files.size(file) <= n) {
            throw new XliffRefused("xliff-empty", "The file is empty.");
        }
        if (n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            throw new XliffRefused(
                    "not-xliff", "The file is a ZIP archive, not an XLIFF file; upload the .xlf file itself.");
        }
        for (int k = 0; k < n; k++) {
            if (head[k] == 0) {
                throw new XliffRefused("not-xliff", "The file is binary, not an XLIFF (XML) file.");
            }
        }
        if (i < n && head[i] != '<') {
            throw new XliffRefused("not-xliff", "The file is not XML, so not XLIFF.");
        }
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setXMLResolver((publicId, systemId, base, namespace) -> {
            throw new XMLStreamException("external resources are never loaded: " + systemId);
        });
        return f;
    }

    /** One pass over the file. */
    private static final class Parse {
        private final XMLStreamReader r;
        private boolean version2;
        private String sourceLanguage;
        private String targetLanguage;
        private final List<XliffRead.File> files = new ArrayList<>();
        private final List<XliffRead.Unit> units = new ArrayList<>();
        private Set<String> fileIds = new HashSet<>();

        Parse(XMLStreamReader r) {
            this.r = r;
        }

        XliffRead document() throws XMLStreamException {
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.DTD) {
                    refuseDtd();
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    root();
                    element(0);
                    break;
                }
            }
            while (r.hasNext()) {
                r.next(); // whatever follows the root must still be well-formed
            }
            return new XliffRead(version2, sourceLanguage, targetLanguage, files, units);
        }

        private void refuseDtd() {
            String dtd = r.getText() == null ? "" : r.getText();
            int line = r.getLocation().getLineNumber();
            if (dtd.contains("<!ENTITY")) {
                throw new XliffRefused(
                        "xliff-external-entity",
                        "The file declares entities in a DTD; Verso never resolves or expands them. Export it again"
                                + " without a DOCTYPE.",
                        line,
                        0,
                        null);
            }
            throw new XliffRefused(
                    "xliff-dtd",
                    "The file has a DOCTYPE (a DTD); XLIFF needs none and Verso never loads one.",
                    line,
                    0,
                    null);
        }

        private void root() {
            String ns = r.getNamespaceURI();
            String version = r.getAttributeValue(null, "version");
            if (!r.getLocalName().equals("xliff")) {
                throw new XliffRefused(
                        "not-xliff", "The root element is <" + r.getLocalName() + ">, not <xliff>.", line(), 0, null);
            }
            if (XliffWriter.NS12.equals(ns) && "1.2".equals(version)) {
                version2 = false;
            } else if (XliffWriter.NS20.equals(ns) && version != null && version.startsWith("2.")) {
                version2 = true;
                sourceLanguage = r.getAttributeValue(null, "srcLang");
                targetLanguage = r.getAttributeValue(null, "trgLang");
            } else {
                throw new XliffRefused(
                        "not-xliff",
                        "Only XLIFF 1.2 and 2.0 can be imported; this is version " + version + " in namespace " + ns
                                + ".",
                        line(),
                        0,
                        null);
            }
        }

        /** Walks the children of the current element; {@code depth} 0 is the root. */
        private void element(int depth) throws XMLStreamException {
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.END_ELEMENT) {
                    return;
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String name = r.getLocalName();
                boolean ours = (version2 ? XliffWriter.NS20 : XliffWriter.NS12).equals(r.getNamespaceURI());
                if (ours && name.equals("file")) {
                    file();
                    element(depth + 1);
                } else if (ours && !version2 && name.equals("trans-unit")) {
                    unit12();
                } else if (ours && version2 && name.equals("unit")) {
                    unit20();
                } else if (ours && (name.equals("body") || name.equals("group"))) {
                    element(depth + 1);
                } else {
                    skip();
                }
            }
        }

        private void file() {
            String translation = r.getAttributeValue(XliffWriter.VERSO_NS, "translation");
            String document = r.getAttributeValue(XliffWriter.VERSO_NS, "document");
            String original = r.getAttributeValue(null, "original");
            String target = version2 ? targetLanguage : r.getAttributeValue(null, "target-language");
            if (!version2) {
                for (String required : List.of("original", "source-language", "datatype")) {
                    if (r.getAttributeValue(null, required) == null) {
                        throw invalid("a <file> lacks its required attribute " + required, null);
                    }
                }
                if (sourceLanguage == null) {
                    sourceLanguage = r.getAttributeValue(null, "source-language");
                    targetLanguage = target;
                }
                fileIds = new HashSet<>();
            }
            files.add(new XliffRead.File(line(), original, translation, document, target));
        }

        private void unit12() throws XMLStreamException {
            int line = line();
            String id = r.getAttributeValue(null, "id");
            if (id == null || id.isBlank()) {
                throw invalid("a <trans-unit> has no id", null);
            }
            if (!fileIds.add(id)) {
                throw invalid("two units have the id " + id, id);
            }
            boolean approved = "yes".equals(r.getAttributeValue(null, "approved"));
            String source = null;
            String target = null;
            String state = null;
            Inline problem = new Inline();
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.END_ELEMENT) {
                    break;
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                boolean ours = XliffWriter.NS12.equals(r.getNamespaceURI());
                if (ours && r.getLocalName().equals("source")) {
                    if (source != null) {
                        throw invalid("a <trans-unit> has two <source> elements", id);
                    }
                    source = inline(problem);
                } else if (ours && r.getLocalName().equals("target")) {
                    if (target != null) {
                        throw invalid("a <trans-unit> has two <target> elements", id);
                    }
                    state = r.getAttributeValue(null, "state");
                    target = inline(problem);
                } else {
                    skip();
                }
            }
            if (source == null) {
                throw new XliffRefused(
                        "xliff-invalid",
                        "The file is not valid XLIFF 1.2: a <trans-unit> has no <source>",
                        line,
                        0,
                        id);
            }
            units.add(new XliffRead.Unit(
                    id,
                    line,
                    source,
                    target == null || target.isEmpty() ? null : target,
                    state,
                    approved,
                    problem.problem));
        }

        private void unit20() throws XMLStreamException {
            int line = line();
            String id = r.getAttributeValue(null, "id");
            StringBuilder source = new StringBuilder();
            StringBuilder target = new StringBuilder();
            boolean hasTarget = false;
            String state = null;
            Inline problem = new Inline();
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.END_ELEMENT) {
                    break;
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String name = r.getLocalName();
                if (XliffWriter.NS20.equals(r.getNamespaceURI())
                        && (name.equals("segment") || name.equals("ignorable"))) {
                    if (state == null && name.equals("segment")) {
                        state = r.getAttributeValue(null, "state");
                        state = state == null ? "initial" : state;
                    }
                    String segmentSource = "";
                    String segmentTarget = null;
                    while (r.hasNext()) {
                        int inner = r.next();
                        if (inner == XMLStreamConstants.END_ELEMENT) {
                            break;
                        }
                        if (inner != XMLStreamConstants.START_ELEMENT) {
                            continue;
                        }
                        if (r.getLocalName().equals("source")) {
                            segmentSource = inline(problem);
                        } else if (r.getLocalName().equals("target")) {
                            segmentTarget = inline(problem);
                        } else {
                            skip();
                        }
                    }
                    source.append(segmentSource);
                    if (segmentTarget != null) {
                        hasTarget |= name.equals("segment");
                        target.append(segmentTarget);
                    } else {
                        target.append(segmentSource);
                    }
                } else {
                    skip();
                }
            }
            String t = hasTarget && !target.isEmpty() ? target.toString() : null;
            units.add(new XliffRead.Unit(id, line, source.toString(), t, state, false, problem.problem));
        }

        /** Why a unit's inline content is not Verso's, the first reason found. */
        private static final class Inline {
            String problem;

            void found(String why) {
                if (problem == null) {
                    problem = why;
                }
            }
        }

        /** The inline content of the current element as Verso's markup; the reader ends on its end tag. */
        private String inline(Inline problem) throws XMLStreamException {
            StringBuilder out = new StringBuilder();
            content(out, problem);
            return out.toString();
        }

        private void content(StringBuilder out, Inline problem) throws XMLStreamException {
            while (r.hasNext()) {
                int event = r.next();
                switch (event) {
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        escape(out, r.getText());
                    case XMLStreamConstants.END_ELEMENT -> {
                        return;
                    }
                    case XMLStreamConstants.START_ELEMENT -> code(out, problem);
                    default -> {}
                }
            }
        }

        private void code(StringBuilder out, Inline problem) throws XMLStreamException {
            String name = r.getLocalName();
            String id = r.getAttributeValue(null, "id");
            if (name.equals("mrk") || name.equals("sm") || name.equals("em")) {
                content(out, problem); // annotations carry no code of the source: their text is kept
                return;
            }
            if (version2 && name.equals("cp")) {
                String hex = r.getAttributeValue(null, "hex");
                try {
                    escape(out, new String(Character.toChars(Integer.parseInt(hex, 16))));
                } catch (RuntimeException e) {
                    problem.found("a <cp> with hex " + hex);
                }
                skip();
                return;
            }
            String kind = version2
                    ? switch (name) {
                        case "pc" -> "g";
                        case "ph" -> "x";
                        case "sc" -> "bx";
                        case "ec" -> "ex";
                        default -> null;
                    }
                    : switch (name) {
                        case "g", "x", "bx", "ex" -> name;
                        default -> null;
                    };
            if (kind != null && kind.equals("ex") && id == null) {
                id = r.getAttributeValue(null, version2 ? "startRef" : "rid");
            }
            if (kind == null) {
                problem.found("an inline <" + name + "> that Verso did not export");
                skip();
                return;
            }
            if (id == null || !CODE_ID.matcher(id).matches()) {
                problem.found("an inline <" + name + "> whose id " + id + " is not one of Verso's codes");
                skip();
                return;
            }
            int code = Integer.parseInt(id);
            if (kind.equals("g")) {
                out.append("<g id=\"").append(code).append("\">");
                content(out, problem);
                out.append("</g>");
            } else {
                out.append('<').append(kind).append(" id=\"").append(code).append("\"/>");
                skip();
            }
        }

        /** Skips the current element and everything in it. */
        private void skip() throws XMLStreamException {
            int depth = 1;
            while (depth > 0 && r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
        }

        private XliffRefused invalid(String why, String unit) {
            return new XliffRefused("xliff-invalid", "The file is not valid XLIFF 1.2: " + why, line(), 0, unit);
        }

        private int line() {
            return r.getLocation().getLineNumber();
        }

        private static void escape(StringBuilder out, String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '&' -> out.append("&amp;");
                    case '<' -> out.append("&lt;");
                    case '>' -> out.append("&gt;");
                    default -> out.append(c);
                }
            }
        }
    }
}
