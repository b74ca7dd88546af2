package org.verso.web.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.verso.glossary.Glossary;
import org.verso.glossary.TermDraft;
import org.verso.library.DocumentId;
import org.verso.library.LanguageTag;
import org.verso.translation.OpenTranslations;
import org.verso.translation.Revision;
import org.verso.translation.SegmentStatus;
import org.verso.translation.TargetSegment;
import org.verso.translation.Translation;
import org.verso.translation.TranslationId;
import org.verso.translation.Translations;

/**
 * The translation half of the story, as the people do it through {@link Translations}: the charter translated into
 * Russian, one segment rejected by the coordinator and fixed, approved as revision 1 (which feeds the memory); the kit
 * claimed and partly translated; the manual opened and waiting for a translator; glossary terms for all of them.
 */
final class DemoTranslations {
    static final String REJECTED = "Every person arrested shall be informed without delay of his or her rights.";
    static final String FIXED = "Каждому арестованному незамедлительно разъясняют его права.";
    static final String COMMENT = "\"Without delay\" is \"незамедлительно\" here, as in the charter's other articles.";

    private final Translations translations;
    private final DemoPeople people;

    DemoTranslations(Translations translations, DemoPeople people) {
        this.translations = translations;
        this.people = people;
    }

    /** What the story left: the charter's revision and the kit's translation in progress. */
    record Done(Revision charter, TranslationId kit) {}

    Done seed(Glossary glossary, DocumentId charter, DocumentId kit, DocumentId manual) {
        terms(glossary);
        Revision revision = charter(charter);
        TranslationId inProgress = open(kit, "Brochure one first, please: the training in Kazan starts next month.");
        translations.claim(inProgress, people.anna().id());
        Map<String, String> russian = tsv("kit.ru.tsv");
        List<TargetSegment> segments = translations.allSegments(inProgress).stream()
                .filter(s -> russian.containsKey(key(s.sourceText())))
                .toList();
        for (int i = 0; i < segments.size(); i++) {
            TargetSegment s = segments.get(i);
            SegmentStatus status = i == segments.size() - 1 ? SegmentStatus.DRAFT : SegmentStatus.TRANSLATED;
            translations.save(
                    inProgress,
                    s.id(),
                    russian.get(key(s.sourceText())),
                    status,
                    s.version(),
                    people.anna().id());
        }
        open(manual, "For the trainers' course in the autumn.");
        return new Done(revision, inProgress);
    }

    private Revision charter(DocumentId charter) {
        TranslationId id = open(charter, null);
        var boris = people.boris().id();
        var coordinator = people.coordinator().id();
        translations.claim(id, boris);
        Map<String, String> russian = tsv("charter.ru.tsv");
        for (TargetSegment s : translations.allSegments(id)) {
            String target = russian.get(key(s.sourceText()));
            if (target == null) {
                throw new IllegalStateException("the demo has no Russian for the charter's segment: " + s.sourceText());
            }
            translations.save(id, s.id(), target, SegmentStatus.TRANSLATED, s.version(), boris);
        }
        translations.submit(id, boris);
        TargetSegment rejected = null;
        for (TargetSegment s : translations.allSegments(id)) {
            boolean reject = key(s.sourceText()).equals(key(REJECTED));
            translations.review(id, s.id(), !reject, reject ? COMMENT : null, coordinator);
            rejected = reject ? s : rejected;
        }
        if (rejected == null) {
            throw new IllegalStateException("the demo's charter lost the segment its reviewer rejects");
        }
        TargetSegment fixed = translations.segment(id, rejected.id());
        translations.save(id, fixed.id(), FIXED, SegmentStatus.TRANSLATED, fixed.version(), boris);
        translations.review(id, fixed.id(), true, null, coordinator);
        return translations.approve(id, coordinator);
    }

    private TranslationId open(DocumentId document, String note) {
        List<Translation> opened = translations.open(
                new OpenTranslations(document, List.of(DemoPeople.RUSSIAN), null, note, null, true),
                people.coordinator().id());
        return opened.get(0).id();
    }

    private static void terms(Glossary glossary) {
        LanguageTag en = LanguageTag.of("en");
        String[][] terms = {
            {
                "custody record",
                "протокол содержания под стражей",
                "noun",
                "Not \"журнал\": the record is a legal document."
            },
            {"lawyer", "адвокат", "noun", null},
            {"torture", "пытка", "noun", null},
            {"police officer", "сотрудник полиции", "noun", "Not \"милиционер\" (before 2011)."},
            {"use of force", "применение силы", "noun", null},
            {"arrest", "арест", "noun", null},
            {"ill-treatment", "жестокое обращение", "noun", null}
        };
        for (String[] t : terms) {
            List<String> forbidden = t[0].equals("police officer") ? List.of("милиционер") : List.of();
            glossary.add(new TermDraft(en, DemoPeople.RUSSIAN, t[0], t[1], t[2], t[3], forbidden));
        }
    }

    /** English segment → Russian, from a tab-separated resource under {@code demo/}. */
    static Map<String, String> tsv(String resource) {
        try (InputStream in = DemoTranslations.class.getResourceAsStream("/demo/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("no demo resource " + resource);
            }
            Map<String, String> pairs = new HashMap<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] pair = line.split("\t");
                if (pair.length == 2) {
                    pairs.put(key(pair[0]), pair[1].strip());
                }
            }
            return pairs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String key(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }
}
