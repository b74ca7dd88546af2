package org.verso.memory.internal;

import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes TMX 1.4b: a header, then one {@code <tu>} per unit added, then the end. Verso's markup becomes TMX inline
 * elements ({@code <g>} a {@code bpt}/{@code ept} pair, {@code <x/>} a {@code ph}, {@code <bx/>}/{@code <ex/>} an
 * {@code it}), the reverse of {@link TmxReader}. Not thread-safe.
 */
public final class TmxWriter implements AutoCloseable {
    private static final Pattern TAG = Pattern.compile("<(/?)(g|x|bx|ex)(?:\\s+id=\"([^\"]*)\")?\\s*(/?)>");
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final XMLStreamWriter xml;

    /** One unit to write: the source and target in markup; props are written as {@code <prop type>} elements. */
    public record Tu(
            String id,
            String sourceLanguage,
            String source,
            String targetLanguage,
            String target,
            String who,
            Instant date,
            Map<String, String> props) {}

    /** Starts the file; {@code sourceLanguage} is the header's srclang ({@code *all*} for several). */
    public TmxWriter(OutputStream out, String sourceLanguage) {
        try {
            xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("tmx");
            xml.writeAttribute("version", "1.4");
            xml.writeCharacters("\n");
            xml.writeEmptyElement("header");
            xml.writeAttribute("creationtool", "Verso");
            xml.writeAttribute("creationtoolversion", "1");
            xml.writeAttribute("segtype", "sentence");
            xml.writeAttribute("o-tmf", "Verso");
            xml.writeAttribute("adminlang", "en");
            xml.writeAttribute("srclang", sourceLanguage);
            xml.writeAttribute("datatype", "xml");
            xml.writeCharacters("\n");
            xml.writeStartElement("body");
            xml.writeCharacters("\n");
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Writing TMX: " + e.getMessage(), e);
        }
    }

    public void write(Tu tu) {
        try {
            xml.writeStartElement("tu");
            xml.writeAttribute("tuid", tu.id());
            xml.writeAttribute("srclang", tu.sourceLanguage());
            if (tu.date() != null) {
                xml.writeAttribute("creationdate", DATE.format(tu.date()));
            }
            if (tu.who() != null) {
                xml.writeAttribute("creationid", tu.who());
            }
            for (Map.Entry<String, String> prop : tu.props().entrySet()) {
                if (prop.getValue() != null) {
                    xml.writeStartElement("prop");
                    xml.writeAttribute("type", prop.getKey());
                    xml.writeCharacters(prop.getValue());
                    xml.writeEndElement();
                }
            }
            tuv(tu.sourceLanguage(), tu.source());
            tuv(tu.targetLanguage(), tu.target());
            xml.writeEndElement();
            xml.writeCharacters("\n");
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Writing TMX: " + e.getMessage(), e);
        }
    }

    private void tuv(String language, String markup) throws XMLStreamException {
        xml.writeStartElement("tuv");
        xml.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", language);
        xml.writeStartElement("seg");
        Deque<String> open = new ArrayDeque<>();
        Matcher m = TAG.matcher(markup);
        int at = 0;
        while (m.find()) {
            xml.writeCharacters(Tokens.plainText(markup.substring(at, m.start())));
            String id = m.group(3) == null ? "0" : Tokens.plainText(m.group(3));
            boolean closing = !m.group(1).isEmpty();
            switch (m.group(2)) {
                case "g" -> {
                    if (closing) {
                        String i = open.isEmpty() ? id : open.pop();
                        xml.writeEmptyElement("ept");
                        xml.writeAttribute("i", i);
                    } else {
                        open.push(id);
                        xml.writeEmptyElement("bpt");
                        xml.writeAttribute("i", id);
                        xml.writeAttribute("x", id);
                    }
                }
                case "x" -> {
                    xml.writeEmptyElement("ph");
                    xml.writeAttribute("x", id);
                }
                default -> {
                    xml.writeEmptyElement("it");
                    xml.writeAttribute("pos", m.group(2).equals("bx") ? "begin" : "end");
                    xml.writeAttribute("x", id);
                }
            }
            at = m.end();
        }
        xml.writeCharacters(Tokens.plainText(markup.substring(at)));
        xml.writeEndElement();
        xml.writeEndElement();
    }

    /** Ends the file (the stream stays open). */
    @Override
    public void close() {
        try {
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Writing TMX: " + e.getMessage(), e);
        }
    }
}
