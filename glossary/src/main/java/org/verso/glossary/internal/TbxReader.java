package org.verso.glossary.internal;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.verso.library.InvalidInputException;
import org.verso.library.LanguageTag;

/**
 * Reads TBX (TBX 2 {@code martif}/{@code termEntry}/{@code langSet}/{@code tig} and TBX 3 {@code tbx}/
 * {@code conceptEntry}/{@code langSec}/{@code termSec}) with the JDK's own StAX parser. A document type declaration
 * is never read: no DTD is loaded, no external entity resolved, and a file declaring entities is refused
 * ({@code xml-entities-refused}). Terms whose administrative status is deprecated or superseded are the target's
 * forbidden variants. Not thread-safe; one reader per file.
 */
public final class TbxReader {
    private static final Set<String> ENTRIES = Set.of("termEntry", "conceptEntry");
    private static final Set<String> LANGS = Set.of("langSet", "langSec");
    private static final Set<String> TERM_GROUPS = Set.of("tig", "ntig", "termSec");
    private static final Set<String> FORBIDDEN_STATUS =
            Set.of("deprecatedTerm-admn-sts", "supersededTerm-admn-sts", "deprecatedTerm", "supersededTerm");

    private record TermIn(String text, String partOfSpeech, String note, boolean forbidden) {}

    private TbxReader() {}

    /**
     * @param source the source language, or null for the file's own ({@code xml:lang} of its root)
     * @param target the one target language wanted, or null for every other language of the file
     * @throws InvalidInputException {@code malformed-tbx}, {@code xml-entities-refused}, {@code unknown-language},
     *     {@code not-tbx}
     */
    public static List<Entry> read(byte[] file, LanguageTag source, LanguageTag target) {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        List<Entry> entries = new ArrayList<>();
        XMLStreamReader xml = null;
        try {
            xml = factory.createXMLStreamReader(new ByteArrayInputStream(file));
            LanguageTag fileLanguage = null;
            boolean root = true;
            int count = 0;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.DTD && xml.getText().contains("<!ENTITY")) {
                    throw entities();
                }
                if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw entities();
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String name = xml.getLocalName();
                if (root) {
                    if (!name.equals("martif") && !name.equals("tbx")) {
                        throw new InvalidInputException(
                                "not-tbx", "The file is XML but not TBX: its root is <" + name + ">.");
                    }
                    String lang = lang(xml);
                    fileLanguage = lang == null ? null : Languages.of(lang, "the root element");
                    root = false;
                } else if (ENTRIES.contains(name)) {
                    count++;
                    String id = xml.getAttributeValue(null, "id");
                    String at = "entry " + (id == null ? "#" + count : id);
                    LanguageTag from = source != null ? source : fileLanguage;
                    entries.addAll(entry(xml, at, from, target));
                }
            }
            if (root) {
                throw new InvalidInputException("malformed-tbx", "The file has no XML element.");
            }
            return entries;
        } catch (XMLStreamException e) {
            String message = String.valueOf(e.getMessage());
            // an undeclared entity ("The entity \"xxe\" was referenced, but not declared"), not a truncated file
            // ("… must start and end within the same entity")
            if (message.contains("was referenced") || message.matches("(?s).*[Ee]ntity \".*")) {
                throw entities();
            }
            throw new InvalidInputException("malformed-tbx", "The TBX file is not well-formed XML: " + message);
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException e) {
                    // nothing held open: the input is a byte array
                }
            }
        }
    }

    private static List<Entry> entry(XMLStreamReader xml, String at, LanguageTag source, LanguageTag target)
            throws XMLStreamException {
        Map<LanguageTag, List<TermIn>> languages = new LinkedHashMap<>();
        String entryNote = null;
        LanguageTag lang = null;
        String term = null;
        String pos = null;
        String note = null;
        boolean forbidden = false;
        boolean inGroup = false;
        int depth = 1;
        while (depth > 0 && xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw entities();
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                String name = xml.getLocalName();
                if (TERM_GROUPS.contains(name)) {
                    inGroup = false;
                }
                if (TERM_GROUPS.contains(name) && lang != null && term != null) {
                    languages.computeIfAbsent(lang, k -> new ArrayList<>()).add(new TermIn(term, pos, note, forbidden));
                    term = null;
                    pos = null;
                    note = null;
                    forbidden = false;
                }
                continue;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            depth++;
            String name = xml.getLocalName();
            String type = xml.getAttributeValue(null, "type");
            if (TERM_GROUPS.contains(name)) {
                inGroup = true;
            }
            if (LANGS.contains(name)) {
                String value = lang(xml);
                if (value == null) {
                    throw new InvalidInputException("malformed-tbx", "A <" + name + "> without xml:lang (" + at + ").");
                }
                lang = Languages.of(value, at);
            } else if (name.equals("term")) {
                term = text(xml);
                depth--;
            } else if (name.equals("termNote") && "partOfSpeech".equals(type)) {
                pos = text(xml);
                depth--;
            } else if (name.equals("termNote")
                    && ("administrativeStatus".equals(type) || "normativeAuthorization".equals(type))) {
                forbidden = FORBIDDEN_STATUS.contains(text(xml));
                depth--;
            } else if (name.equals("note") || (name.equals("descrip") && "definition".equals(type))) {
                String text = text(xml);
                depth--;
                if (inGroup) {
                    note = text;
                } else if (entryNote == null) {
                    entryNote = text;
                }
            }
        }
        return pairs(at, languages, entryNote, source, target);
    }

    private static List<Entry> pairs(
            String at,
            Map<LanguageTag, List<TermIn>> languages,
            String entryNote,
            LanguageTag source,
            LanguageTag target) {
        LanguageTag from = source != null
                ? source
                : languages.keySet().stream().findFirst().orElse(null);
        List<TermIn> sources = from == null
                ? List.of()
                : languages.getOrDefault(from, List.of()).stream()
                        .filter(t -> !t.forbidden())
                        .toList();
        if (sources.isEmpty()) {
            return List.of(Entry.skipped(at, null, "no " + (from == null ? "source" : from.value()) + " term"));
        }
        List<Entry> entries = new ArrayList<>();
        List<LanguageTag> targets = target != null
                ? List.of(target)
                : languages.keySet().stream().filter(l -> !l.equals(from)).toList();
        for (LanguageTag to : targets) {
            List<TermIn> in = languages.getOrDefault(to, List.of());
            List<String> forbidden =
                    in.stream().filter(TermIn::forbidden).map(TermIn::text).toList();
            List<TermIn> allowed = in.stream().filter(t -> !t.forbidden()).toList();
            for (TermIn s : sources) {
                if (allowed.isEmpty()) {
                    entries.add(Entry.skipped(at, s.text(), "no " + to.value() + " term"));
                }
                for (TermIn t : allowed) {
                    String note = t.note() != null ? t.note() : s.note() != null ? s.note() : entryNote;
                    String pos = s.partOfSpeech() != null ? s.partOfSpeech() : t.partOfSpeech();
                    entries.add(new Entry(at, from, to, s.text(), t.text(), pos, note, forbidden, null));
                }
            }
        }
        if (targets.isEmpty()) {
            entries.add(Entry.skipped(at, sources.get(0).text(), "no term in another language"));
        }
        return entries;
    }

    private static String lang(XMLStreamReader xml) {
        String lang = xml.getAttributeValue("http://www.w3.org/XML/1998/namespace", "lang");
        return lang == null || lang.isBlank() ? null : lang.strip();
    }

    /** The text of the current element, its children's text included; leaves the reader on its end tag. */
    private static String text(XMLStreamReader xml) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                text.append(xml.getText());
            } else if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw entities();
            }
        }
        return text.toString().strip().replaceAll("\\s+", " ");
    }

    private static InvalidInputException entities() {
        return new InvalidInputException(
                "xml-entities-refused",
                "The file declares or uses XML entities; Verso reads no DTD and resolves no entity.");
    }
}
