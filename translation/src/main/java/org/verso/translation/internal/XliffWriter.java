package org.verso.translation.internal;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.verso.translation.OfflineUnitAids.GlossaryEntry;
import org.verso.translation.OfflineUnitAids.MemoryMatch;
import org.verso.translation.OriginalCode;

/**
 * Writes XLIFF 1.2 or 2.0 from units in Verso's inline markup, streaming (StAX), one {@code <file>} per source file of
 * the document. Inline codes: Verso's {@code g}, {@code x}, {@code bx}, {@code ex} become 1.2's {@code g}, {@code x},
 * {@code bx}, {@code ex} and 2.0's {@code pc}, {@code ph}, {@code sc}, {@code ec} with the same ids (an {@code sc}/
 * {@code ec} is {@code isolated="yes"} unless both halves are in the segment). In 2.0 each unit's codes carry their
 * original data (what the source file holds for them, kept at segmentation): {@code <originalData>} with one
 * {@code <data>} per code half ({@code o1}, {@code c1} for the opening and closing halves of code 1, {@code p2} for
 * a standalone one), referred to by {@code dataRefStart}/{@code dataRefEnd}/{@code dataRef} in source and target
 * alike. 1.2's {@code g}, {@code x}, {@code bx}, {@code ex} have no place for it.
 *
 * <p>A unit's memory matches become 1.2 {@code <alt-trans match-quality origin>} and 2.0 {@code <mtc:match>} (the
 * Translation Candidates module, {@code ref} to the unit's segment); its glossary entries 2.0 {@code <gls:glossEntry>}
 * (the Glossary module) and 1.2 {@code <note from="glossary">}. Stateless, thread-safe.
 */
public final class XliffWriter {
    public static final String NS12 = "urn:oasis:names:tc:xliff:document:1.2";
    public static final String NS20 = "urn:oasis:names:tc:xliff:document:2.0";
    /** Verso's own attributes on {@code <file>}: {@code translation}, {@code document}, {@code selection}. */
    public static final String VERSO_NS = "urn:verso:xliff";
    /** XLIFF 2.0's Translation Candidates module ({@code mtc:matches}). */
    public static final String MTC_NS = "urn:oasis:names:tc:xliff:matches:2.0";
    /** XLIFF 2.0's Glossary module ({@code gls:glossary}). */
    public static final String GLS_NS = "urn:oasis:names:tc:xliff:glossary:2.0";
    /** The origin a glossary entry names: where the term comes from. */
    static final String GLOSSARY_ORIGIN = "Verso glossary";
    /** The id of a 2.0 unit's one segment, which its matches refer to. */
    private static final String SEGMENT_ID = "s1";

    private static final String XML_NS = "http://www.w3.org/XML/1998/namespace";
    private static final Pattern TOKEN =
            Pattern.compile("<g id=\"(\\d+)\">|</g>|<(x|bx|ex) id=\"(\\d+)\"/>|&(lt|gt|amp|quot|apos);");
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();

    private XliffWriter() {}

    /**
     * @param files the units of each source file, in document order
     * @param fileNote the coordinator's note on the translation, or null
     */
    public static void write(
            boolean version2, XliffHeader header, List<XliffFile> files, String fileNote, OutputStream out) {
        try {
            XMLStreamWriter w = FACTORY.createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            if (version2) {
                write20(w, header, files, fileNote);
            } else {
                write12(w, header, files, fileNote);
            }
            w.writeEndDocument();
            w.flush();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("XLIFF could not be written: " + e.getMessage(), e);
        }
    }

    private static void write12(XMLStreamWriter w, XliffHeader h, List<XliffFile> files, String note)
            throws XMLStreamException {
        w.writeStartElement("xliff");
        w.writeDefaultNamespace(NS12);
        w.writeNamespace("verso", VERSO_NS);
        w.writeAttribute("version", "1.2");
        for (XliffFile file : files) {
            w.writeCharacters("\n");
            w.writeStartElement("file");
            w.writeAttribute("original", file.original());
            w.writeAttribute("source-language", h.sourceLanguage());
            w.writeAttribute("target-language", h.targetLanguage());
            w.writeAttribute("datatype", "x-verso");
            w.writeAttribute("tool-id", "verso");
            fileAttributes(w, h);
            w.writeCharacters("\n");
            w.writeStartElement("header");
            w.writeEmptyElement("tool");
            w.writeAttribute("tool-id", "verso");
            w.writeAttribute("tool-name", "Verso");
            if (note != null) {
                element(w, "note", "from", "coordinator", note);
            }
            w.writeEndElement();
            w.writeCharacters("\n");
            w.writeStartElement("body");
            for (XliffUnit u : file.units()) {
                w.writeCharacters("\n");
                w.writeStartElement("trans-unit");
                w.writeAttribute("id", u.id());
                w.writeAttribute("resname", u.name());
                w.writeAttribute("xml", XML_NS, "space", "preserve");
                if (u.approved()) {
                    w.writeAttribute("approved", "yes");
                }
                w.writeStartElement("source");
                w.writeAttribute("xml", XML_NS, "lang", h.sourceLanguage());
                inline(w, u.source(), false);
                w.writeEndElement();
                w.writeStartElement("target");
                w.writeAttribute("xml", XML_NS, "lang", h.targetLanguage());
                w.writeAttribute("state", u.state12());
                inline(w, u.target(), false);
                w.writeEndElement();
                for (XliffUnit.Note n : u.notes()) {
                    element(w, "note", "from", n.from(), n.text());
                }
                for (GlossaryEntry e : u.terms()) {
                    element(w, "note", "from", "glossary", glossaryNote(e));
                }
                for (MemoryMatch m : u.matches()) {
                    altTrans(w, h, m);
                }
                w.writeEndElement();
            }
            w.writeCharacters("\n");
            w.writeEndElement();
            w.writeCharacters("\n");
            w.writeEndElement();
        }
        w.writeCharacters("\n");
        w.writeEndElement();
        w.writeCharacters("\n");
    }

    private static void write20(XMLStreamWriter w, XliffHeader h, List<XliffFile> files, String note)
            throws XMLStreamException {
        w.writeStartElement("xliff");
        w.writeDefaultNamespace(NS20);
        w.writeNamespace("verso", VERSO_NS);
        w.writeAttribute("version", "2.0");
        w.writeAttribute("srcLang", h.sourceLanguage());
        w.writeAttribute("trgLang", h.targetLanguage());
        if (files.stream().flatMap(file -> file.units().stream()).anyMatch(u -> !u.matches()
                .isEmpty())) {
            w.writeNamespace("mtc", MTC_NS);
        }
        if (files.stream().flatMap(file -> file.units().stream()).anyMatch(u -> !u.terms()
                .isEmpty())) {
            w.writeNamespace("gls", GLS_NS);
        }
        int f = 0;
        for (XliffFile file : files) {
            w.writeCharacters("\n");
            w.writeStartElement("file");
            w.writeAttribute("id", "f" + ++f);
            w.writeAttribute("original", file.original());
            fileAttributes(w, h);
            if (note != null) {
                w.writeStartElement("notes");
                element(w, "note", "category", "coordinator", note);
                w.writeEndElement();
            }
            for (XliffUnit u : file.units()) {
                w.writeCharacters("\n");
                w.writeStartElement("unit");
                w.writeAttribute("id", u.id());
                w.writeAttribute("name", u.name());
                matches20(w, u.matches());
                glossary20(w, u.terms());
                if (!u.notes().isEmpty()) {
                    w.writeStartElement("notes");
                    for (XliffUnit.Note n : u.notes()) {
                        element(w, "note", "category", n.from(), n.text());
                    }
                    w.writeEndElement();
                }
                Map<String, String> data = originalData(u);
                if (!data.isEmpty()) {
                    w.writeStartElement("originalData");
                    for (Map.Entry<String, String> d : data.entrySet()) {
                        w.writeStartElement("data");
                        w.writeAttribute("id", d.getKey());
                        w.writeCharacters(d.getValue());
                        w.writeEndElement();
                    }
                    w.writeEndElement();
                }
                w.writeStartElement("segment");
                if (!u.matches().isEmpty()) {
                    w.writeAttribute("id", SEGMENT_ID);
                }
                w.writeAttribute("state", u.state20());
                if (u.subState20() != null) {
                    w.writeAttribute("subState", u.subState20());
                }
                w.writeStartElement("source");
                w.writeAttribute("xml", XML_NS, "space", "preserve");
                inline(w, u.source(), true, data.keySet());
                w.writeEndElement();
                w.writeStartElement("target");
                w.writeAttribute("xml", XML_NS, "space", "preserve");
                inline(w, u.target(), true, data.keySet());
                w.writeEndElement();
                w.writeEndElement();
                w.writeEndElement();
            }
            w.writeCharacters("\n");
            w.writeEndElement();
        }
        w.writeCharacters("\n");
        w.writeEndElement();
        w.writeCharacters("\n");
    }

    private static void altTrans(XMLStreamWriter w, XliffHeader h, MemoryMatch m) throws XMLStreamException {
        w.writeStartElement("alt-trans");
        w.writeAttribute("match-quality", Integer.toString(m.quality()));
        if (m.origin() != null) {
            w.writeAttribute("origin", m.origin());
        }
        w.writeStartElement("source");
        w.writeAttribute("xml", XML_NS, "lang", h.sourceLanguage());
        inline(w, m.source(), false);
        w.writeEndElement();
        w.writeStartElement("target");
        w.writeAttribute("xml", XML_NS, "lang", h.targetLanguage());
        inline(w, m.target(), false);
        w.writeEndElement();
        w.writeEndElement();
    }

    /** A glossary entry as a 1.2 note: {@code term → translation; other (definition)}. */
    static String glossaryNote(GlossaryEntry e) {
        return e.term() + " \u2192 " + String.join("; ", e.translations())
                + (e.definition() == null || e.definition().isBlank() ? "" : " (" + e.definition() + ")");
    }

    private static void matches20(XMLStreamWriter w, List<MemoryMatch> matches) throws XMLStreamException {
        if (matches.isEmpty()) {
            return;
        }
        w.writeStartElement("mtc", "matches", MTC_NS);
        for (MemoryMatch m : matches) {
            w.writeStartElement("mtc", "match", MTC_NS);
            w.writeAttribute("ref", "#" + SEGMENT_ID);
            w.writeAttribute("matchQuality", Integer.toString(m.quality()));
            if (m.origin() != null) {
                w.writeAttribute("origin", m.origin());
            }
            w.writeAttribute("type", "tm");
            w.writeStartElement("source");
            inline(w, m.source(), true);
            w.writeEndElement();
            w.writeStartElement("target");
            inline(w, m.target(), true);
            w.writeEndElement();
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    private static void glossary20(XMLStreamWriter w, List<GlossaryEntry> terms) throws XMLStreamException {
        if (terms.isEmpty()) {
            return;
        }
        w.writeStartElement("gls", "glossary", GLS_NS);
        for (GlossaryEntry e : terms) {
            w.writeStartElement("gls", "glossEntry", GLS_NS);
            w.writeStartElement("gls", "term", GLS_NS);
            w.writeAttribute("source", GLOSSARY_ORIGIN);
            w.writeCharacters(e.term());
            w.writeEndElement();
            for (String translation : e.translations()) {
                w.writeStartElement("gls", "translation", GLS_NS);
                w.writeAttribute("source", GLOSSARY_ORIGIN);
                w.writeCharacters(translation);
                w.writeEndElement();
            }
            if (e.definition() != null && !e.definition().isBlank()) {
                w.writeStartElement("gls", "definition", GLS_NS);
                w.writeCharacters(e.definition());
                w.writeEndElement();
            }
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    private static void fileAttributes(XMLStreamWriter w, XliffHeader h) throws XMLStreamException {
        w.writeAttribute("verso", VERSO_NS, "translation", h.translation());
        w.writeAttribute("verso", VERSO_NS, "document", h.document());
        w.writeAttribute("verso", VERSO_NS, "selection", h.selection());
    }

    private static void element(XMLStreamWriter w, String name, String attribute, String value, String text)
            throws XMLStreamException {
        w.writeStartElement(name);
        w.writeAttribute(attribute, value);
        w.writeCharacters(text);
        w.writeEndElement();
    }

    /** The data ids of the unit's codes that its source uses, with their data, in the source's order. */
    private static Map<String, String> originalData(XliffUnit u) {
        Map<String, String> byRef = new HashMap<>();
        for (OriginalCode code : u.codes()) {
            byRef.put(dataRef(code.role(), Integer.toString(code.id())), code.data());
        }
        Map<String, String> used = new LinkedHashMap<>();
        if (byRef.isEmpty()) {
            return used;
        }
        Matcher m = TOKEN.matcher(u.source());
        while (m.find()) {
            List<String> refs = new ArrayList<>();
            if (m.group(1) != null) {
                refs.add(dataRef(OriginalCode.Role.OPENING, m.group(1)));
                refs.add(dataRef(OriginalCode.Role.CLOSING, m.group(1)));
            } else if (m.group(2) != null) {
                refs.add(dataRef(role(m.group(2)), m.group(3)));
            }
            for (String ref : refs) {
                if (byRef.containsKey(ref)) {
                    used.putIfAbsent(ref, byRef.get(ref));
                }
            }
        }
        return used;
    }

    private static OriginalCode.Role role(String kind) {
        return switch (kind) {
            case "bx" -> OriginalCode.Role.OPENING;
            case "ex" -> OriginalCode.Role.CLOSING;
            default -> OriginalCode.Role.STANDALONE;
        };
    }

    private static String dataRef(OriginalCode.Role role, String id) {
        return switch (role) {
                    case OPENING -> "o";
                    case CLOSING -> "c";
                    case STANDALONE -> "p";
                }
                + id;
    }

    /** Verso's markup as XLIFF inline content; anything that is not a known element is text (escaped by StAX). */
    static void inline(XMLStreamWriter w, String markup, boolean version2) throws XMLStreamException {
        inline(w, markup, version2, Set.of());
    }

    /** As {@link #inline(XMLStreamWriter, String, boolean)}, 2.0 codes referring to the unit's data {@code refs}. */
    static void inline(XMLStreamWriter w, String markup, boolean version2, Set<String> refs) throws XMLStreamException {
        Set<Integer> pairedHalves = version2 ? pairedHalves(markup) : Set.of();
        Matcher m = TOKEN.matcher(markup);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                w.writeCharacters(markup.substring(at, m.start()));
            }
            at = m.end();
            String token = m.group();
            if (m.group(4) != null) {
                w.writeCharacters(unescape(m.group(4)));
            } else if (m.group(1) != null) {
                w.writeStartElement(version2 ? "pc" : "g");
                w.writeAttribute("id", m.group(1));
                ref(w, "dataRefStart", dataRef(OriginalCode.Role.OPENING, m.group(1)), refs);
                ref(w, "dataRefEnd", dataRef(OriginalCode.Role.CLOSING, m.group(1)), refs);
            } else if (token.equals("</g>")) {
                w.writeEndElement();
            } else {
                String kind = m.group(2);
                String id = m.group(3);
                if (!version2) {
                    w.writeEmptyElement(kind);
                    w.writeAttribute("id", id);
                    if (!kind.equals("x")) {
                        w.writeAttribute("rid", id); // how Okapi (and others) pair a bx with its ex
                    }
                } else if (kind.equals("x")) {
                    w.writeEmptyElement("ph");
                    w.writeAttribute("id", id);
                    ref(w, "dataRef", dataRef(OriginalCode.Role.STANDALONE, id), refs);
                } else if (kind.equals("bx")) {
                    w.writeEmptyElement("sc");
                    w.writeAttribute("id", id);
                    if (!pairedHalves.contains(Integer.valueOf(id))) {
                        w.writeAttribute("isolated", "yes");
                    }
                    ref(w, "dataRef", dataRef(OriginalCode.Role.OPENING, id), refs);
                } else if (pairedHalves.contains(Integer.valueOf(id))) {
                    w.writeEmptyElement("ec");
                    w.writeAttribute("startRef", id);
                    ref(w, "dataRef", dataRef(OriginalCode.Role.CLOSING, id), refs);
                } else {
                    w.writeEmptyElement("ec");
                    w.writeAttribute("id", id);
                    w.writeAttribute("isolated", "yes");
                    ref(w, "dataRef", dataRef(OriginalCode.Role.CLOSING, id), refs);
                }
            }
        }
        if (at < markup.length()) {
            w.writeCharacters(markup.substring(at));
        }
    }

    private static void ref(XMLStreamWriter w, String attribute, String ref, Set<String> refs)
            throws XMLStreamException {
        if (refs.contains(ref)) {
            w.writeAttribute(attribute, ref);
        }
    }

    /** Codes whose {@code bx} and {@code ex} are both in the markup, {@code bx} first: 2.0 pairs them by startRef. */
    private static Set<Integer> pairedHalves(String markup) {
        Set<Integer> opened = new HashSet<>();
        Set<Integer> paired = new HashSet<>();
        Matcher m = TOKEN.matcher(markup);
        while (m.find()) {
            if ("bx".equals(m.group(2))) {
                opened.add(Integer.valueOf(m.group(3)));
            } else if ("ex".equals(m.group(2)) && opened.contains(Integer.valueOf(m.group(3)))) {
                paired.add(Integer.valueOf(m.group(3)));
            }
        }
        return paired;
    }

    private static String unescape(String entity) {
        return switch (entity) {
            case "lt" -> "<";
            case "gt" -> ">";
            case "amp" -> "&";
            case "quot" -> "\"";
            default -> "'";
        };
    }
}
