package org.verso.translation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;

/**
 * A new DOCX built from the segments of a file that cannot round-trip (PDF, DOC, RTF…): one paragraph per extraction
 * unit, segments without a target keep their source, every run marked with the target language. POI stays in here.
 */
final class NewDocx {
    private NewDocx() {}

    static TranslatedFile of(
            Translation t, FileSegmentation file, List<Segment> sources, List<SegmentTranslation> translated) {
        Map<Integer, String> targets = new HashMap<>();
        translated.forEach(s -> targets.put(s.index(), TranslatedOutput.plain(s.target())));
        Map<String, List<String>> paragraphs = new LinkedHashMap<>();
        for (Segment source : sources) {
            String text = targets.getOrDefault(source.index(), source.text());
            paragraphs.computeIfAbsent(source.unit(), k -> new ArrayList<>()).add(text);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XWPFDocument document = new XWPFDocument()) {
            String language = t.targetLanguage().value();
            document.createStyles().setSpellingLanguage(language);
            for (List<String> sentences : paragraphs.values()) {
                XWPFParagraph paragraph = document.createParagraph();
                XWPFRun run = paragraph.createRun();
                run.setLang(language);
                run.setText(String.join(" ", sentences));
            }
            document.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TranslatedFile(
                TranslatedOutput.named(file.fileName(), t, "docx"),
                TranslatedOutput.docxType(),
                out.toByteArray(),
                false);
    }
}
