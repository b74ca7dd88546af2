package org.verso.memory.internal;

import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.verso.library.InvalidInputException;
import org.verso.library.TooLargeException;

/**
 * Reads TMX (1.1 to 1.4b) with the JDK's StAX parser: external entities and DTDs are never loaded, a document type
 * declaring entities is refused ({@code tmx-entities}), anything not well-formed is {@code tmx-malformed}. Inline
 * elements become Verso's markup: a {@code bpt}/{@code ept} pair {@code <g id>…</g>}, an unpaired one (or {@code it})
 * {@code <bx id/>}/{@code <ex id/>}, {@code ph} and {@code ut} {@code <x id/>}; {@code hi} keeps its text. Not
 * thread-safe (one reader per file).
 */
public final class TmxReader {
    /** One {@code <tuv>}: its language as written, its segment in markup, who and when. */
    public record Variant(String language, String segment, String who, String date) {}

    /** One {@code <tu>}, numbered from 1 in the file. */
    public record Unit(int number, String sourceLanguage, String who, String date, List<Variant> variants) {}

    /** The whole file. */
    public record File(String sourceLanguage, List<Unit> units) {}

    private final int maxUnits;

    public TmxReader(int maxUnits) {
        this.maxUnits = maxUnits;
    }

    public File read(InputStream in) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setXMLResolver((publicId, systemId, base, ns) -> {
            throw new XMLStreamException("external entity refused: " + systemId);
        });
        XMLStreamReader xml = null;
        try {
            xml = factory.createXMLStreamReader(in);
            return document(xml);
        } catch (XMLStreamException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            if (message.contains("entity") || message.contains("Entity")) {
                throw new InvalidInputException(
                        "tmx-entities", "The TMX file uses entities, which are not allowed: " + message, e);
            }
            throw new InvalidInputException("tmx-malformed", "The TMX file is not well-formed XML: " + message, e);
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // nothing left to release
                }
            }
        }
    }

    private File document(XMLStreamReader xml) throws XMLStreamException {
        String headerSource = null;
        boolean root = false;
        List<Unit> units = new ArrayList<>();
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.DTD) {
                String dtd = xml.getText();
                if (dtd != null && (dtd.contains("<!ENTITY") || dtd.contains("<!ELEMENT"))) {
                    throw new InvalidInputException(
                            "tmx-entities", "The TMX file declares entities in its document type, which is refused.");
                }
            } else if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new InvalidInputException(
                        "tmx-entities", "The TMX file refers to an entity (&" + xml.getLocalName() + ";), refused.");
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                String name = xml.getLocalName();
                if (!root) {
                    if (!name.equals("tmx")) {
                        throw new InvalidInputException(
                                "tmx-malformed", "This is not a TMX file: its root element is <" + name + ">.");
                    }
                    root = true;
                } else if (name.equals("header")) {
                    headerSource = xml.getAttributeValue(null, "srclang");
                } else if (name.equals("tu")) {
                    if (units.size() >= maxUnits) {
                        throw new TooLargeException(
                                "tmx-too-large", "The TMX file holds more than " + maxUnits + " translation units.");
                    }
                    units.add(unit(xml, units.size() + 1));
                }
            }
        }
        if (!root) {
            throw new InvalidInputException("tmx-malformed", "This is not a TMX file: it has no <tmx> element.");
        }
        return new File(headerSource, units);
    }

    private Unit unit(XMLStreamReader xml, int number) throws XMLStreamException {
        String source = xml.getAttributeValue(null, "srclang");
        String who = first(xml.getAttributeValue(null, "changeid"), xml.getAttributeValue(null, "creationid"));
        String date = first(xml.getAttributeValue(null, "changedate"), xml.getAttributeValue(null, "creationdate"));
        List<Variant> variants = new ArrayList<>();
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("tuv")) {
                String lang = xml.getAttributeValue("http://www.w3.org/XML/1998/namespace", "lang");
                if (lang == null) {
                    lang = xml.getAttributeValue(null, "lang"); // TMX 1.1
                }
                String tuvWho =
                        first(xml.getAttributeValue(null, "changeid"), xml.getAttributeValue(null, "creationid"));
                String tuvDate =
                        first(xml.getAttributeValue(null, "changedate"), xml.getAttributeValue(null, "creationdate"));
                String segment = null;
                while (xml.hasNext()) {
                    int inner = xml.next();
                    if (inner == XMLStreamConstants.START_ELEMENT
                            && xml.getLocalName().equals("seg")) {
                        segment = segment(xml);
                    } else if (inner == XMLStreamConstants.END_ELEMENT
                            && xml.getLocalName().equals("tuv")) {
                        break;
                    } else if (inner == XMLStreamConstants.ENTITY_REFERENCE) {
                        throw new InvalidInputException("tmx-entities", "The TMX file refers to an entity, refused.");
                    }
                }
                variants.add(new Variant(lang, segment, first(tuvWho, who), first(tuvDate, date)));
            } else if (event == XMLStreamConstants.END_ELEMENT
                    && xml.getLocalName().equals("tu")) {
                break;
            }
        }
        return new Unit(number, source, who, date, variants);
    }

    private record Piece(String kind, String id, StringBuilder text) {}

    /** The content of a {@code <seg>} in markup; the reader stands on its start and ends on its end. */
    private static String segment(XMLStreamReader xml) throws XMLStreamException {
        List<Piece> pieces = new ArrayList<>();
        int depth = 0; // inside a code element whose content (the native code) is dropped
        int counter = 0;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.CHARACTERS
                    || event == XMLStreamConstants.CDATA
                    || event == XMLStreamConstants.SPACE) {
                if (depth == 0) {
                    pieces.add(new Piece("text", null, new StringBuilder(xml.getText())));
                }
            } else if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new InvalidInputException("tmx-entities", "The TMX file refers to an entity, refused.");
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                String name = xml.getLocalName();
                if (depth > 0) {
                    depth++;
                    continue;
                }
                switch (name) {
                    case "bpt", "ept" -> pieces.add(new Piece(name, idOf(xml, "i", ++counter), null));
                    case "it" ->
                        pieces.add(new Piece(
                                "end".equals(xml.getAttributeValue(null, "pos")) ? "ex" : "bx",
                                idOf(xml, "x", ++counter),
                                null));
                    case "ph", "ut" -> pieces.add(new Piece("x", idOf(xml, "x", ++counter), null));
                    default -> {
                        continue; // hi, sub outside a code: keep the text
                    }
                }
                depth = 1;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if (depth > 0) {
                    depth--;
                } else if (xml.getLocalName().equals("seg")) {
                    break;
                }
            }
        }
        return markup(pieces);
    }

    private static String markup(List<Piece> pieces) {
        // a bpt and the ept of the same i, properly nested, become one pair of <g>
        boolean[] paired = new boolean[pieces.size()];
        Deque<Integer> open = new ArrayDeque<>();
        for (int i = 0; i < pieces.size(); i++) {
            Piece p = pieces.get(i);
            if (p.kind().equals("bpt")) {
                open.push(i);
            } else if (p.kind().equals("ept")
                    && !open.isEmpty()
                    && pieces.get(open.peek()).id().equals(p.id())) {
                paired[open.pop()] = true;
                paired[i] = true;
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pieces.size(); i++) {
            Piece p = pieces.get(i);
            switch (p.kind()) {
                case "text" -> out.append(escape(p.text().toString()));
                case "bpt" ->
                    out.append(paired[i] ? "<g id=\"" + attr(p.id()) + "\">" : "<bx id=\"" + attr(p.id()) + "\"/>");
                case "ept" -> out.append(paired[i] ? "</g>" : "<ex id=\"" + attr(p.id()) + "\"/>");
                default ->
                    out.append('<')
                            .append(p.kind())
                            .append(" id=\"")
                            .append(attr(p.id()))
                            .append("\"/>");
            }
        }
        return out.toString();
    }

    private static String idOf(XMLStreamReader xml, String attribute, int counter) {
        String id = xml.getAttributeValue(null, attribute);
        return id == null || id.isBlank() ? Integer.toString(counter) : id.strip();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String attr(String text) {
        return escape(text).replace("\"", "&quot;");
    }

    private static String first(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }
}
