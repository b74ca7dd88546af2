package org.verso.translation.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import net.sf.okapi.common.filters.IFilter;
import net.sf.okapi.filters.html.HtmlFilter;
import net.sf.okapi.filters.markdown.MarkdownFilter;
import net.sf.okapi.filters.openoffice.OpenOfficeFilter;
import net.sf.okapi.filters.openxml.OpenXMLFilter;
import net.sf.okapi.filters.plaintext.paragraphs.ParaPlainTextFilter;
import net.sf.okapi.filters.po.POFilter;
import net.sf.okapi.filters.xliff.XLIFFFilter;
import net.sf.okapi.filters.xliff2.XLIFF2Filter;

/**
 * The file formats Okapi extracts from and merges back into (round-trips), each with the Okapi filter that does it.
 * Chosen by the media type detected from the bytes; the file name only settles generic types ({@code text/plain}
 * that is a PO file, {@code application/xml} that is XLIFF).
 */
public enum OkapiFormat {
    DOCX("DOCX", OpenXMLFilter::new),
    ODF("OpenDocument", OpenOfficeFilter::new),
    HTML("HTML", HtmlFilter::new),
    /** XLIFF 1.2; {@link #XLIFF2} is told apart by the version in the file itself. */
    XLIFF("XLIFF 1.2", OkapiFormat::xliff12),
    XLIFF2("XLIFF 2", XLIFF2Filter::new),
    PO("PO", POFilter::new),
    MARKDOWN("Markdown", OkapiFormat::markdown),
    PLAIN_TEXT("plain text", OkapiFormat::plainTextByParagraph);

    private static final Map<String, OkapiFormat> BY_MEDIA_TYPE = Map.ofEntries(
            Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", DOCX),
            Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.template", DOCX),
            Map.entry("application/vnd.ms-word.document.macroenabled.12", DOCX),
            Map.entry("application/vnd.oasis.opendocument.text", ODF),
            Map.entry("application/vnd.oasis.opendocument.text-template", ODF),
            Map.entry("text/html", HTML),
            Map.entry("application/xhtml+xml", HTML),
            Map.entry("application/x-xliff+xml", XLIFF),
            Map.entry("application/xliff+xml", XLIFF),
            Map.entry("text/x-gettext-translation", PO),
            Map.entry("text/x-gettext-translation-template", PO),
            Map.entry("application/x-gettext-translation", PO),
            Map.entry("application/x-gettext", PO),
            Map.entry("text/x-po", PO),
            Map.entry("text/markdown", MARKDOWN),
            Map.entry("text/x-web-markdown", MARKDOWN),
            Map.entry("text/x-markdown", MARKDOWN),
            Map.entry("text/plain", PLAIN_TEXT));

    private static final Set<String> GENERIC_XML = Set.of("application/xml", "text/xml");

    private final String displayName;
    private final Supplier<IFilter> filter;

    OkapiFormat(String displayName, Supplier<IFilter> filter) {
        this.displayName = displayName;
        this.filter = filter;
    }

    /** A human name of the format, for messages. */
    public String displayName() {
        return displayName;
    }

    /** A new filter for this format; filters are not thread-safe, so each extraction or merge makes its own. */
    public IFilter newFilter() {
        return filter.get();
    }

    /** Whether this format may be XLIFF 2 rather than 1.2, to be decided from the file's content. */
    public boolean isXliff() {
        return this == XLIFF || this == XLIFF2;
    }

    /**
     * The format of a file, if Okapi can round-trip it.
     *
     * @param mediaType the type detected from the bytes, parameters such as {@code ;charset=} allowed; may be null
     * @param fileName the original file name, or null
     */
    public static Optional<OkapiFormat> of(String mediaType, String fileName) {
        String type = baseType(mediaType);
        String extension = extension(fileName);
        if ((type.equals("text/plain") || type.equals("application/octet-stream"))
                && (extension.equals("po") || extension.equals("pot"))) {
            return Optional.of(PO);
        }
        if ((type.equals("text/plain") || type.equals("application/octet-stream") || type.isEmpty())
                && (extension.equals("md") || extension.equals("markdown"))) {
            return Optional.of(MARKDOWN);
        }
        if (GENERIC_XML.contains(type) && (extension.equals("xlf") || extension.equals("xliff"))) {
            return Optional.of(XLIFF);
        }
        return Optional.ofNullable(BY_MEDIA_TYPE.get(type));
    }

    private static String baseType(String mediaType) {
        if (mediaType == null) {
            return "";
        }
        int semicolon = mediaType.indexOf(';');
        String base = semicolon < 0 ? mediaType : mediaType.substring(0, semicolon);
        return base.strip().toLowerCase(Locale.ROOT);
    }

    private static String extension(String fileName) {
        if (fileName == null) {
            return "";
        }
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static IFilter xliff12() {
        XLIFFFilter filter = new XLIFFFilter();
        // ITS stand-off references name other files (even URLs) that the filter would load: never follow them
        ((net.sf.okapi.filters.xliff.Parameters) filter.getParameters()).setIncludeIts(false);
        return filter;
    }

    /** Link URLs, inline code, code blocks and front matter stay out of the segments (codes or skeleton). */
    private static IFilter markdown() {
        MarkdownFilter filter = new MarkdownFilter();
        var parameters = (net.sf.okapi.filters.markdown.Parameters) filter.getParameters();
        parameters.setTranslateUrls(false);
        parameters.setTranslateInlineCodeBlocks(false);
        parameters.setTranslateFencedCodeBlocks(false);
        parameters.setTranslateIndentedCodeBlocks(false);
        parameters.setTranslateHeaderMetadata(false);
        return filter;
    }

    private static IFilter plainTextByParagraph() {
        ParaPlainTextFilter filter = new ParaPlainTextFilter();
        var parameters = (net.sf.okapi.filters.plaintext.paragraphs.Parameters) filter.getParameters();
        parameters.extractParagraphs = true;
        parameters.unescapeSource = false; // a backslash in a text file is a backslash, not an escape
        // the lines of a paragraph are one text: a sentence may wrap; the merged paragraph is written on one line
        parameters.wrapMode = net.sf.okapi.common.filters.WrapMode.SPACES;
        return filter;
    }
}
