package org.verso.bench.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.verso.library.DocumentId;
import org.verso.library.Sha256;
import org.verso.search.LibraryIndex;
import org.verso.search.SearchableDocument;
import org.verso.search.SearchableFile;
import org.verso.search.SearchableTranslation;
import org.verso.search.TranslationStatus;

/**
 * A synthetic library recombined from the corpus: paragraphs of the Universal Declaration in ~98 languages (parallel,
 * so translations are real translations) and of the legal texts, drawn into documents of 2–6 paragraphs, a third of
 * them with a translation. Deterministic for a given seed.
 */
final class BenchLibrary {
    private static final Pattern PARA = Pattern.compile("<para>(.*?)</para>", Pattern.DOTALL);
    private static final Pattern LANG = Pattern.compile("xml:lang='([^']+)'");
    private static final Pattern TAG = Pattern.compile("<[^>]+>");
    static final String[] KINDS = {"kit", "charter", "convention", "manual", "report", "other"};
    private static final String[] BODIES = {
        "UN",
        "Council of Europe",
        "OSCE",
        "Ministry of the Interior",
        "Ministry of Justice",
        "UNESCO",
        "UNHCR",
        "European Union"
    };
    /** The languages of most documents, by their share. */
    static final String[] MAIN = {"en", "ru", "fr", "de", "es", "nl", "uk"};

    private static final double[] SHARE = {0.30, 0.20, 0.10, 0.10, 0.06, 0.06, 0.05};

    /** Parallel UDHR paragraphs by language; legal paragraphs added to their language. */
    private final Map<String, List<String>> udhr = new HashMap<>();

    private final Map<String, List<String>> legal = new HashMap<>();
    private final List<String> others = new ArrayList<>();

    BenchLibrary(Path corpus) throws IOException {
        try (Stream<Path> files = Files.list(corpus.resolve("udhr/xml"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("udhr_"))
                    .toList()) {
                String xml = Files.readString(file);
                Matcher lang = LANG.matcher(xml);
                if (!lang.find()) {
                    continue;
                }
                String language = lang.group(1);
                List<String> paragraphs = new ArrayList<>();
                Matcher para = PARA.matcher(xml);
                while (para.find()) {
                    String text = TAG.matcher(para.group(1)).replaceAll("").strip();
                    if (!text.isEmpty()) {
                        paragraphs.add(text);
                    }
                }
                if (paragraphs.size() > 20 && !udhr.containsKey(language)) {
                    udhr.put(language, paragraphs);
                    if (!List.of(MAIN).contains(language)) {
                        others.add(language);
                    }
                }
            }
        }
        addLegal(corpus.resolve("legal/treaties-en-nl"), "en");
        addLegal(corpus.resolve("legal/police-fr"), "fr");
        addLegal(corpus.resolve("legal/germany"), "de");
        addLegal(corpus.resolve("legal/netherlands"), "nl");
        addLegal(corpus.resolve("legal/police-nl"), "nl");
    }

    private void addLegal(Path dir, String language) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".md")).toList()) {
                for (String block : Files.readString(file).split("\\n\\s*\\n")) {
                    String text = TAG.matcher(block)
                            .replaceAll("")
                            .replaceAll("[#*_>|]", " ")
                            .strip();
                    if (text.length() > 80) {
                        legal.computeIfAbsent(language, l -> new ArrayList<>()).add(text);
                    }
                }
            }
        }
    }

    int languages() {
        return udhr.size();
    }

    /** One document with its translations. */
    record Entry(SearchableDocument document, List<SearchableTranslation> translations) {}

    Entry entry(long n, Random random) {
        String language = language(random);
        List<String> source = udhr.get(language);
        int count = 2 + random.nextInt(5);
        int start = random.nextInt(Math.max(1, source.size() - count));
        StringBuilder text = new StringBuilder();
        List<String> legalPool = legal.get(language);
        boolean fromLegal = legalPool != null && random.nextInt(3) == 0;
        for (int i = 0; i < count; i++) {
            String paragraph = fromLegal
                    ? legalPool.get(random.nextInt(legalPool.size()))
                    : source.get((start + i) % source.size());
            text.append(paragraph).append("\n\n");
        }
        String first = text.toString().strip();
        String title = words(first, 3 + random.nextInt(5)) + " (" + n + ")";
        DocumentId id = new DocumentId(new java.util.UUID(0x5e4c4L, n));
        Sha256 sha = new Sha256(String.format("%064x", n));
        SearchableDocument document = new SearchableDocument(
                id,
                title,
                KINDS[random.nextInt(KINDS.length)],
                BODIES[random.nextInt(BODIES.length)],
                language,
                1948 + random.nextInt(77),
                List.of("bench"),
                List.of(new SearchableFile("document-" + n + ".pdf", sha)),
                text.toString());
        List<SearchableTranslation> translations = new ArrayList<>();
        if (!fromLegal && random.nextInt(3) == 0) {
            String target = "en".equals(language) ? (random.nextBoolean() ? "ru" : "uk") : "en";
            List<String> parallel = udhr.get(target);
            StringBuilder translated = new StringBuilder();
            for (int i = 0; i < count; i++) {
                translated.append(parallel.get((start + i) % parallel.size())).append("\n\n");
            }
            TranslationStatus status = TranslationStatus.values()[random.nextInt(TranslationStatus.values().length)];
            translations.add(new SearchableTranslation(
                    id, target, status, words(translated.toString(), 5), translated.toString()));
        }
        return new Entry(document, translations);
    }

    /**
     * A query someone could type about this library: one to three consecutive words of one of its paragraphs (in the
     * languages' shares of the library), sometimes quoted as a phrase, sometimes cut into a prefix; null when the
     * chosen place has no usable word.
     */
    String topic(Random random) {
        String language = language(random);
        List<String> pool =
                random.nextInt(4) == 0 && legal.containsKey(language) ? legal.get(language) : udhr.get(language);
        String[] words = pool.get(random.nextInt(pool.size())).split("[^\\p{L}\\p{N}'’-]+");
        int at = random.nextInt(words.length);
        while (at < words.length && words[at].codePointCount(0, words[at].length()) < 4) {
            at++;
        }
        if (at >= words.length) {
            return null;
        }
        int count = 1 + random.nextInt(3);
        List<String> chosen = new ArrayList<>();
        for (int i = at; i < Math.min(words.length, at + count); i++) {
            if (!words[i].isBlank() && !words[i].startsWith("-") && !words[i].startsWith("'")) {
                chosen.add(words[i].toLowerCase(java.util.Locale.ROOT));
            }
        }
        if (chosen.isEmpty()) {
            return null;
        }
        double form = random.nextDouble();
        if (chosen.size() >= 2 && form < 0.15) {
            return "\"" + String.join(" ", chosen) + "\"";
        }
        if (chosen.size() == 1 && form < 0.1 && chosen.get(0).length() > 5) {
            return chosen.get(0).substring(0, 5) + "*";
        }
        return String.join(" ", chosen);
    }

    private String language(Random random) {
        double r = random.nextDouble();
        for (int i = 0; i < MAIN.length; i++) {
            r -= SHARE[i];
            if (r < 0 && udhr.containsKey(MAIN[i])) {
                return MAIN[i];
            }
        }
        return others.get(random.nextInt(others.size()));
    }

    private static String words(String text, int count) {
        String[] words = text.strip().split("\\s+");
        return String.join(" ", java.util.Arrays.copyOf(words, Math.min(count, words.length)));
    }

    /**
     * Adds {@code documents} documents and their translations to the index in one bulk batch (merged into one segment
     * when it closes), the same library for the same count, and makes them searchable. Returns the translations added.
     */
    long load(LibraryIndex index, long documents) {
        Random random = new Random(42);
        long translations = 0;
        try (LibraryIndex.Batch batch = index.batch()) {
            for (long n = 0; n < documents; n++) {
                Entry entry = entry(n, random);
                translations += entry.translations().size();
                batch.add(entry.document(), entry.translations());
            }
        }
        index.refresh();
        return translations;
    }
}
