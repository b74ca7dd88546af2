package org.verso.web.glossary;

import java.time.Instant;
import java.util.List;
import org.verso.glossary.FoundTerm;
import org.verso.glossary.ImportReport;
import org.verso.glossary.Term;

/** The JSON shapes of the glossary API. */
final class GlossaryViews {
    private GlossaryViews() {}

    record TermView(
            String id,
            String sourceLanguage,
            String targetLanguage,
            String sourceTerm,
            String targetTerm,
            String partOfSpeech,
            String note,
            List<String> forbidden,
            Instant updatedAt) {
        static TermView of(Term t) {
            return new TermView(
                    t.id().toString(),
                    t.sourceLanguage().value(),
                    t.targetLanguage().value(),
                    t.sourceTerm(),
                    t.targetTerm(),
                    t.partOfSpeech(),
                    t.note(),
                    t.forbidden(),
                    t.updatedAt());
        }
    }

    record PageView(List<TermView> items, int page, int size, long total, long pages) {}

    record FoundView(int start, int end, List<TermView> terms) {
        static FoundView of(FoundTerm f) {
            return new FoundView(
                    f.start(), f.end(), f.terms().stream().map(TermView::of).toList());
        }
    }

    record FoundItems(List<List<FoundView>> items) {}

    record ReportView(String format, int added, int updated, int skipped, List<ImportReport.Line> lines) {
        static ReportView of(ImportReport r) {
            return new ReportView(r.format(), r.added(), r.updated(), r.skipped(), r.lines());
        }
    }
}
