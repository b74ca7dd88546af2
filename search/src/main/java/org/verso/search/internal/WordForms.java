package org.verso.search.internal;

import java.io.IOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.icu.segmentation.DefaultICUTokenizerConfig;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

/**
 * The words of the texts as they are written, keyed by their folded form: the field {@link Fields#WORD_FORMS} holds,
 * for every word, {@code folded + U+001F + word} ({@code wurde␟Würde}, {@code wurde␟wurde}). Spelling suggestions are
 * found among folded words (so that a word typed without its accents still finds its neighbours) and shown as the
 * index writes them: «Würde», not «wurde». Thread-safe.
 */
final class WordForms {
    static final char SEPARATOR = '\u001f';

    private WordForms() {}

    /** Index-time analysis of the field: ICU word segmentation, each word as {@code folded␟word}. */
    static Analyzer analyzer() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new ICUTokenizer(new DefaultICUTokenizerConfig(false, true));
                return new TokenStreamComponents(source, new KeyedByFolding(source));
            }
        };
    }

    /**
     * Of the ways the index writes a folded word, the one nearest the word typed: fewest edits ignoring case, then
     * fewest with case, then the most documents. The folded word itself if the index has no written form of it.
     */
    static String asWritten(IndexReader reader, String folded, String typed) throws IOException {
        Terms terms = MultiTerms.getTerms(reader, Fields.WORD_FORMS);
        if (terms == null) {
            return folded;
        }
        BytesRef prefix = new BytesRef(folded + SEPARATOR);
        TermsEnum forms = terms.iterator();
        if (forms.seekCeil(prefix) == TermsEnum.SeekStatus.END) {
            return folded;
        }
        String best = folded;
        int bestLoose = Integer.MAX_VALUE;
        int bestStrict = Integer.MAX_VALUE;
        int bestFrequency = -1;
        String lowerTyped = typed.toLowerCase(java.util.Locale.ROOT);
        for (BytesRef term = forms.term(); term != null && StringHelper.startsWith(term, prefix); term = forms.next()) {
            String form = term.utf8ToString().substring(folded.length() + 1);
            int loose = distance(form.toLowerCase(java.util.Locale.ROOT), lowerTyped);
            int strict = distance(form, typed);
            int frequency = forms.docFreq();
            if (loose < bestLoose
                    || (loose == bestLoose
                            && (strict < bestStrict || (strict == bestStrict && frequency > bestFrequency)))) {
                best = form;
                bestLoose = loose;
                bestStrict = strict;
                bestFrequency = frequency;
            }
        }
        return best;
    }

    /** Levenshtein distance between two words (short: a plain table will do). */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** Replaces each word by {@code folded␟word}. */
    private static final class KeyedByFolding extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

        KeyedByFolding(TokenStream input) {
            super(input);
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) {
                return false;
            }
            String word = term.toString();
            term.setEmpty()
                    .append(ICUFoldingFilter.NORMALIZER.normalize(word))
                    .append(SEPARATOR)
                    .append(word);
            return true;
        }
    }
}
