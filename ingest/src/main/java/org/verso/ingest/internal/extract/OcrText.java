package org.verso.ingest.internal.extract;

import org.apache.tika.sax.ContentHandlerDecorator;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Passes a parse's text on and notes whether some of it came from OCR: Tika's Tesseract parser writes what it read
 * inside {@code <div class="ocr">}, for a PDF page it rendered as for an image.
 */
final class OcrText extends ContentHandlerDecorator {
    private int depth; // elements open inside an OCR block, or 0 outside one
    private boolean read;

    OcrText(ContentHandler text) {
        super(text);
    }

    /** Whether OCR produced some text (not only white space). */
    boolean read() {
        return read;
    }

    @Override
    public void startElement(String uri, String localName, String name, Attributes atts) throws SAXException {
        if (depth > 0) {
            depth++;
        } else if ("div".equals(localName) && "ocr".equals(atts.getValue("class"))) {
            depth = 1;
        }
        super.startElement(uri, localName, name, atts);
    }

    @Override
    public void endElement(String uri, String localName, String name) throws SAXException {
        if (depth > 0) {
            depth--;
        }
        super.endElement(uri, localName, name);
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        if (depth > 0 && !read) {
            for (int i = start; i < start + length && !read; i++) {
                read = !Character.isWhitespace(ch[i]);
            }
        }
        super.characters(ch, start, length);
    }
}
