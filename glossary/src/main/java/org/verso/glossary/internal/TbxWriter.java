package org.verso.glossary.internal;

import java.io.OutputStream;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.verso.library.LanguageTag;

/**
 * Writes TBX-Basic (TBX 2, {@code martif}), one {@code termEntry} per term: the source term, the target term with its
 * part of speech and note, and the forbidden variants as deprecated target terms. What {@link TbxReader} reads back
 * unchanged. Uses the JDK's StAX writer.
 */
public final class TbxWriter {
    private static final String XML_NS = "http://www.w3.org/XML/1998/namespace";

    /** A term to write (the glossary's own type stays out of this package). */
    public record Row(
            String id,
            LanguageTag sourceLanguage,
            LanguageTag targetLanguage,
            String sourceTerm,
            String targetTerm,
            String partOfSpeech,
            String note,
            List<String> forbidden) {}

    private TbxWriter() {}

    /** Writes the rows as one TBX document; {@code language} is the document's (the source's) language. */
    public static void write(List<Row> rows, LanguageTag language, OutputStream out) {
        try {
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("martif");
            xml.writeAttribute("type", "TBX-Basic");
            if (language != null) {
                xml.writeAttribute("xml", XML_NS, "lang", language.value());
            }
            xml.writeStartElement("martifHeader");
            xml.writeStartElement("fileDesc");
            xml.writeStartElement("sourceDesc");
            element(xml, "p", "Exported from the Verso glossary");
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeStartElement("text");
            xml.writeStartElement("body");
            for (Row row : rows) {
                xml.writeCharacters("\n");
                xml.writeStartElement("termEntry");
                xml.writeAttribute("id", "t-" + row.id());
                langSet(xml, row.sourceLanguage(), row.sourceTerm(), row.partOfSpeech(), null, false);
                langSet(xml, row.targetLanguage(), row.targetTerm(), row.partOfSpeech(), row.note(), false);
                for (String variant : row.forbidden()) {
                    langSet(xml, row.targetLanguage(), variant, null, null, true);
                }
                xml.writeEndElement();
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write TBX", e);
        }
    }

    private static void langSet(
            XMLStreamWriter xml, LanguageTag lang, String term, String pos, String note, boolean deprecated)
            throws XMLStreamException {
        xml.writeStartElement("langSet");
        xml.writeAttribute("xml", XML_NS, "lang", lang.value());
        xml.writeStartElement("tig");
        element(xml, "term", term);
        if (pos != null) {
            xml.writeStartElement("termNote");
            xml.writeAttribute("type", "partOfSpeech");
            xml.writeCharacters(pos);
            xml.writeEndElement();
        }
        if (deprecated) {
            xml.writeStartElement("termNote");
            xml.writeAttribute("type", "administrativeStatus");
            xml.writeCharacters("deprecatedTerm-admn-sts");
            xml.writeEndElement();
        }
        if (note != null) {
            element(xml, "note", note);
        }
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }
}
