package org.verso.translation.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.sf.okapi.common.ISegmenter;
import net.sf.okapi.lib.segmentation.Rule;
import net.sf.okapi.lib.segmentation.SRXDocument;

/**
 * SRX sentence-segmentation rules: Okapi's default rules (which know the abbreviations of English, Russian, German,
 * French and a dozen more languages; we only make a standalone code such as a line break count as white space), or a
 * file of our own, taken as it is. Thread-safe: each call to {@link #segmenter} compiles a new
 * segmenter, because a segmenter keeps the state of the last text it split.
 */
public final class SrxRules {
    private static final String DEFAULT_RULES = "defaultSegmentation.srx";
    /**
     * Abbreviations that legal and official texts put before a number (прил. 3, абз. 2, Art. 5, para. 12), which
     * Okapi's rules do not all know: followed by a number they never end a sentence.
     */
    private static final String RUSSIAN_REFERENCES =
            "\\b(?:[Пп]рил|[Аа]бз|[Рр]азд|[Пп]одп|[Тт]абл|[Пп]п|[Чч]|[Сс]т|[Пп]|[Гг]л|[Рр]ис)\\.";

    private static final String ENGLISH_REFERENCES =
            "\\b(?:Art|art|Arts|arts|No|no|Nos|para|paras|p|pp|ch|Ch|sec|Sec|fig|Fig|vol|Vol)\\.";
    private static final String BEFORE_A_NUMBER = "\\s+[0-9IVXLC]";

    private final SRXDocument document;

    private SrxRules(SRXDocument document) {
        this.document = document;
    }

    /** Okapi's default SRX rules. */
    public static SrxRules defaults() {
        try (InputStream in = SRXDocument.class.getResourceAsStream(DEFAULT_RULES)) {
            if (in == null) {
                throw new IllegalStateException("Okapi's default SRX rules are missing from the class path");
            }
            SrxRules rules = fromStream(in);
            // a line break (<br/>, a soft return) after a full stop ends a sentence as a space would
            rules.document.setTreatIsolatedCodesAsWhitespace(true);
            rules.addNoBreakRules("Russian", RUSSIAN_REFERENCES);
            rules.addNoBreakRules("English", ENGLISH_REFERENCES);
            return rules;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Okapi's default SRX rules", e);
        }
    }

    /** The rules of an SRX 2.0 file; throws {@link IllegalArgumentException} when it cannot be read or parsed. */
    public static SrxRules load(Path srxFile) {
        try (InputStream in = Files.newInputStream(srxFile)) {
            return fromStream(in);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot load the SRX rules in " + srxFile + ": " + e.getMessage(), e);
        }
    }

    private static SrxRules fromStream(InputStream in) {
        SRXDocument document = new SRXDocument();
        document.loadRules(in);
        return new SrxRules(document);
    }

    private void addNoBreakRules(String languageRule, String before) {
        List<Rule> rules = document.getLanguageRules(languageRule);
        if (rules != null) {
            Rule rule = new Rule(before, BEFORE_A_NUMBER, false);
            rule.setComment("Verso: a reference abbreviation before a number does not end a sentence");
            rules.add(0, rule);
        }
    }

    /** A new segmenter for a language (BCP 47; null or unknown uses the rules' default language group). */
    public ISegmenter segmenter(String language) {
        synchronized (document) {
            return document.compileLanguageRules(Locales.of(language), null);
        }
    }

    /** Splits a string into sentences with these rules, trimmed; blank pieces are left out. */
    public List<String> sentences(String text, String language) {
        ISegmenter segmenter = segmenter(language);
        segmenter.computeSegments(text);
        var sentences = new ArrayList<String>();
        int start = 0;
        for (int split : segmenter.getSplitPositions()) {
            addTrimmed(sentences, text.substring(start, split));
            start = split;
        }
        addTrimmed(sentences, text.substring(start));
        return sentences;
    }

    private static void addTrimmed(List<String> sentences, String piece) {
        String trimmed = piece.strip();
        if (!trimmed.isEmpty()) {
            sentences.add(trimmed);
        }
    }
}
