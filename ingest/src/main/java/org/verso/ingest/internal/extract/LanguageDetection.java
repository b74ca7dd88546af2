package org.verso.ingest.internal.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.util.normalizer.AggregateCharSequenceNormalizer;
import opennlp.tools.util.normalizer.CharSequenceNormalizer;
import opennlp.tools.util.normalizer.EmojiCharSequenceNormalizer;
import opennlp.tools.util.normalizer.NumberCharSequenceNormalizer;
import opennlp.tools.util.normalizer.ShrinkCharSequenceNormalizer;
import opennlp.tools.util.normalizer.TwitterCharSequenceNormalizer;
import org.apache.tika.langdetect.opennlp.OpenNLPDetector;

/**
 * Tika's OpenNLP language detection — its model, its normalisers, its character n-grams and its probing (a prediction
 * every 110 n-grams until the best language leads by 0.2 and has held, with a rising score, for two predictions) —
 * with each prediction computed from the previous one. Tika's detector evaluates the model afresh over every n-gram
 * seen so far at each of up to a few dozen predictions per text, which made it a third of a parser worker's CPU; the
 * model's score of a language is a sum over the distinct n-grams, so adding the new n-grams' weights to the running
 * sums gives the same prediction for about half the CPU. Its answers are Tika's (same best language, scores equal
 * but for the order of floating-point additions: {@code LanguageDetectionTest} compares them on every corpus text).
 * The model is read once per JVM; thread-safe.
 */
final class LanguageDetection {
    /** Tika's model, in the tika-langdetect-opennlp jar (what {@link OpenNLPDetector} loads). */
    private static final String MODEL = "/opennlp-langdetect-20210413.bin";

    private static final int CHUNK = 300;
    private static final int PREDICT_EVERY = 110;
    private static final int HELD_FOR = 2;
    private static final double LEAD = 0.20;
    /** Tika's detector reads at most this many code points. */
    private static final int MAX_LENGTH = 10_000;

    private static volatile LanguageDetection instance;

    private final Map<String, Context> weights;
    private final String[] languages;
    private final double logPrior;
    private final CharSequenceNormalizer normalizer = new AggregateCharSequenceNormalizer(
            new UrlAndMail(),
            new LettersAndIdeographs(),
            EmojiCharSequenceNormalizer.getInstance(),
            TwitterCharSequenceNormalizer.getInstance(),
            NumberCharSequenceNormalizer.getInstance(),
            ShrinkCharSequenceNormalizer.getInstance());

    /** One language's score. */
    record Scored(String language, double score) {}

    @SuppressWarnings("unchecked")
    private LanguageDetection(LanguageDetectorModel model) {
        Object[] parts = ((AbstractModel) model.getMaxentModel()).getDataStructures();
        this.weights = (Map<String, Context>) parts[1];
        this.languages = ((String[]) parts[2]).clone();
        this.logPrior = StrictMath.log(1.0 / languages.length); // the model's uniform prior
    }

    /** The detector, its model read on first use (about 90 MB of heap). */
    static LanguageDetection get() {
        LanguageDetection detection = instance;
        if (detection == null) {
            synchronized (LanguageDetection.class) {
                detection = instance;
                if (detection == null) {
                    try (InputStream in = OpenNLPDetector.class.getResourceAsStream(MODEL)) {
                        if (in == null) {
                            throw new IllegalStateException("Tika's language model " + MODEL + " is missing");
                        }
                        detection = new LanguageDetection(new LanguageDetectorModel(in));
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot read Tika's language model", e);
                    }
                    instance = detection;
                }
            }
        }
        return detection;
    }

    /** Every language of the model, best first, as Tika's {@code OpenNLPDetector.detectAll} scores them. */
    Scored[] detect(CharSequence text) {
        double[] sums = new double[languages.length];
        Arrays.fill(sums, logPrior);
        Set<String> seen = new HashSet<>();
        ArrayDeque<Top> recent = new ArrayDeque<>();
        double[] predicted = null; // the sums at the last prediction: what Tika answers when the text runs out
        int grams = 0;
        int start = 0;
        while (true) {
            int size = start + CHUNK > MAX_LENGTH ? MAX_LENGTH - start : CHUNK;
            int[] chunk;
            int length;
            if (start == 0 && size > text.length()) {
                length = (int) text.codePoints().count();
                chunk = normalizer.normalize(text).codePoints().toArray();
            } else {
                int[] points = text.codePoints().skip(start).limit(size).toArray();
                length = points.length;
                chunk = normalizer
                        .normalize(new String(points, 0, points.length))
                        .codePoints()
                        .toArray();
            }
            if (length == 0) {
                return scores(predicted != null ? predicted : sums);
            }
            start += length;
            for (int i = 0; i < chunk.length; i++) {
                if (i != 3) { // Tika's n-grammer lower-cases every code point of a chunk but its fourth
                    chunk[i] = Character.toLowerCase(chunk[i]);
                }
            }
            // the n-grams of 1 to 3 code points starting at each position but the last (only one, a single one)
            int positions = Math.max(1, chunk.length - 1);
            for (int at = 0; at < positions && at < chunk.length; at++) {
                for (int n = 1; n <= 3 && at + n <= chunk.length; n++) {
                    String gram = new String(chunk, at, n);
                    if (gram.equals(" ")) {
                        continue;
                    }
                    if (seen.add(gram)) {
                        add(gram, sums);
                    }
                    if (++grams % PREDICT_EVERY == 0) {
                        predicted = sums.clone();
                        if (settled(recent, top(predicted))) {
                            return scores(predicted);
                        }
                    }
                }
            }
        }
    }

    /** The best two languages of a prediction: all the probing looks at before the answer. */
    private record Top(int best, double bestScore, double secondScore) {}

    private static Top top(double[] sums) {
        double total = 0;
        int best = -1;
        int second = -1;
        for (int i = 0; i < sums.length; i++) {
            total += Math.exp(sums[i]);
            if (best < 0 || sums[i] > sums[best]) { // the first of equals wins, as in Tika's stable sort
                second = best;
                best = i;
            } else if (second < 0 || sums[i] > sums[second]) {
                second = i;
            }
        }
        return new Top(best, Math.exp(sums[best]) / total, second < 0 ? 0 : Math.exp(sums[second]) / total);
    }

    private void add(String gram, double[] sums) {
        Context weight = weights.get(gram);
        if (weight != null) {
            int[] outcomes = weight.getOutcomes();
            double[] parameters = weight.getParameters();
            for (int i = 0; i < outcomes.length; i++) {
                sums[outcomes[i]] += parameters[i];
            }
        }
    }

    private Scored[] scores(double[] sums) {
        double[] exp = new double[sums.length];
        double total = 0;
        for (int i = 0; i < sums.length; i++) {
            exp[i] = Math.exp(sums[i]);
            total += exp[i];
        }
        Scored[] scored = new Scored[sums.length];
        for (int i = 0; i < sums.length; i++) {
            scored[i] = new Scored(languages[i], exp[i] / total);
        }
        Arrays.sort(scored, Comparator.comparingDouble(Scored::score).reversed());
        return scored;
    }

    /** Tika's rule: the last predictions agree on the best language, its score never fell, and it leads clearly. */
    private static boolean settled(ArrayDeque<Top> recent, Top latest) {
        if (recent.size() < HELD_FOR) {
            recent.addLast(latest);
            return false;
        }
        if (recent.size() > HELD_FOR) {
            recent.removeFirst();
        }
        recent.addLast(latest);
        if (latest.bestScore() - latest.secondScore() < LEAD) {
            return false;
        }
        Top previous = null;
        for (Top prediction : recent) {
            if (previous != null
                    && (previous.best() != prediction.best() || previous.bestScore() > prediction.bestScore())) {
                return false;
            }
            previous = prediction;
        }
        return true;
    }

    /** Web and mail addresses become spaces (Tika's bounded patterns, which never hang). */
    private static final class UrlAndMail implements CharSequenceNormalizer {
        private static final Pattern URL = Pattern.compile("https?://[-_.?&~;+=/#0-9A-Za-z]{10,10000}");
        private static final Pattern MAIL =
                Pattern.compile("[-_.0-9A-Za-z]{1,100}@[-_0-9A-Za-z]{1,100}[-_.0-9A-Za-z]{1,100}");

        @Override
        public CharSequence normalize(CharSequence text) {
            return MAIL.matcher(URL.matcher(text).replaceAll(" ")).replaceAll(" ");
        }
    }

    /** Anything but letters and ideographs becomes a space. */
    private static final class LettersAndIdeographs implements CharSequenceNormalizer {
        private static final Pattern OTHER = Pattern.compile("[^\\p{IsAlphabetic}\\p{IsIdeographic}]+");

        @Override
        public CharSequence normalize(CharSequence text) {
            return OTHER.matcher(text).replaceAll(" ");
        }
    }
}
