package org.verso.search.internal;

import java.io.Reader;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.icu.segmentation.DefaultICUTokenizerConfig;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.uk.UkrainianMorfologikAnalyzer;
import org.tartarus.snowball.ext.RussianStemmer;

/**
 * The analysis of every field. Each analysed language has a stemming analyzer of its own; everything else goes
 * through the language-neutral analysis: ICU word segmentation (Thai, Khmer, Lao… by dictionary), CJK bigrams and
 * ICU folding (case, width, diacritics), without stemming, so that whole word forms match and nothing matches a mere
 * substring (a query for «пытки» never finds «попыток»).
 */
public final class Analyzers {
    private Analyzers() {}

    /**
     * The index-time and query-time analyzer of all fields, chosen by field name: {@code text_<lang>} and {@code
     * title_<lang>} by their language, the {@code *_any} and metadata fields neutral, the title-suggestion field with
     * edge n-grams.
     */
    public static Analyzer perField() {
        Analyzer neutral = neutral();
        Map<String, Analyzer> byField = new HashMap<>();
        for (String language : Languages.ANALYZED) {
            Analyzer analyzer = forLanguage(language);
            byField.put(Fields.text(language), analyzer);
            byField.put(Fields.title(language), analyzer);
        }
        byField.put(Fields.TITLE_PREFIX, titlePrefixes());
        byField.put(Fields.WORD_FORMS, WordForms.analyzer());
        return new PerFieldAnalyzerWrapper(neutral, byField);
    }

    /**
     * The analyzer of the translation-memory index: {@code source_<lang>} and {@code target_<lang>} by their language,
     * everything else neutral.
     */
    public static Analyzer concordance() {
        Map<String, Analyzer> byField = new HashMap<>();
        for (String language : Languages.ANALYZED) {
            Analyzer analyzer = forLanguage(language);
            byField.put("source_" + language, analyzer);
            byField.put("target_" + language, analyzer);
        }
        return new PerFieldAnalyzerWrapper(neutral(), byField);
    }

    /** The stemming analyzer of an analysed language. */
    static Analyzer forLanguage(String language) {
        return switch (language) {
            case "en" -> new EnglishAnalyzer();
            case "ru" -> russian();
            case "uk" -> new UkrainianMorfologikAnalyzer();
            case "fr" -> new FrenchAnalyzer();
            case "de" -> new GermanAnalyzer();
            case "es" -> new SpanishAnalyzer();
            case "nl" -> new DutchAnalyzer();
            default -> throw new IllegalArgumentException("no analysis of its own for " + language);
        };
    }

    /** Language-neutral: ICU segmentation, CJK bigrams, ICU folding; no stop words, no stemming. */
    public static Analyzer neutral() {
        return of(
                () -> new ICUTokenizer(new DefaultICUTokenizerConfig(false, true)),
                tokens -> new ICUFoldingFilter(new CJKBigramFilter(tokens)),
                ICUFoldingFilter::new,
                Function.identity());
    }

    /** Edge n-grams (1–20 characters) of each neutral-analysed word of a title, for search-as-you-type. */
    static Analyzer titlePrefixes() {
        return of(
                () -> new ICUTokenizer(new DefaultICUTokenizerConfig(false, true)),
                tokens -> new EdgeNGramTokenFilter(new ICUFoldingFilter(new CJKBigramFilter(tokens)), 1, 20, true),
                ICUFoldingFilter::new,
                Function.identity());
    }

    /**
     * Russian: ё is folded to е before anything else (texts and people write both), then the Snowball stemmer. The
     * Snowball stemmer only strips endings, so «попыток» (attempts) keeps a stem of its own and never meets «пытки»
     * (torture).
     */
    static Analyzer russian() {
        NormalizeCharMap.Builder map = new NormalizeCharMap.Builder();
        map.add("ё", "е");
        map.add("Ё", "Е");
        NormalizeCharMap yo = map.build();
        return of(
                StandardTokenizer::new,
                tokens -> new SnowballFilter(
                        new StopFilter(new LowerCaseFilter(tokens), RussianAnalyzer.getDefaultStopSet()),
                        new RussianStemmer()),
                LowerCaseFilter::new,
                reader -> new MappingCharFilter(yo, reader));
    }

    private static Analyzer of(
            java.util.function.Supplier<Tokenizer> tokenizer,
            Function<TokenStream, TokenStream> filters,
            Function<TokenStream, TokenStream> normalizer,
            Function<Reader, Reader> charFilter) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = tokenizer.get();
                return new TokenStreamComponents(source, filters.apply(source));
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return normalizer.apply(in);
            }

            @Override
            protected Reader initReader(String fieldName, Reader reader) {
                return charFilter.apply(reader);
            }

            @Override
            protected Reader initReaderForNormalization(String fieldName, Reader reader) {
                return charFilter.apply(reader);
            }
        };
    }
}
