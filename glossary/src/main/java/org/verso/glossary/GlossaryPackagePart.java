package org.verso.glossary;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.verso.translation.OfflinePackagePart;
import org.verso.translation.TargetSegment;
import org.verso.translation.Translation;

/**
 * The glossary's part of a translation's offline package: {@code glossary.tbx}, the terms of the translation's
 * language pair, which a CAT tool such as OmegaT shows beside each segment. Nothing when the pair has no terms.
 */
@Component
@Order(20)
class GlossaryPackagePart implements OfflinePackagePart {
    static final String FILE = "glossary.tbx";

    private final Glossary glossary;
    private final GlossaryFiles files;

    GlossaryPackagePart(Glossary glossary, GlossaryFiles files) {
        this.glossary = glossary;
        this.files = files;
    }

    @Override
    public List<PackageFile> files(Translation translation, List<TargetSegment> segments) {
        if (translation.sourceLanguage() == null
                || glossary.all(translation.sourceLanguage(), translation.targetLanguage())
                        .isEmpty()) {
            return List.of();
        }
        ByteArrayOutputStream tbx = new ByteArrayOutputStream();
        files.writeTbx(translation.sourceLanguage(), translation.targetLanguage(), tbx);
        return List.of(new PackageFile(FILE, tbx.toByteArray()));
    }
}
