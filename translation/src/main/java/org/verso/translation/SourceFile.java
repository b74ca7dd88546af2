package org.verso.translation;

import java.util.Objects;

/**
 * What the segmentation needs to know about a file besides its bytes.
 *
 * @param mediaType the type detected from the bytes, such as {@code text/html}; parameters allowed
 * @param fileName the original file name (settles generic types such as {@code text/plain} for a {@code .po}), or
 *     null
 * @param language the BCP 47 tag of the text's language, which picks the sentence rules; null for the default rules
 *     (a bilingual file such as XLIFF declares its own source language, which wins)
 * @param charset the character set of a text file when known (for example from detection at ingest), or null to
 *     detect it
 */
public record SourceFile(String mediaType, String fileName, String language, String charset) {
    public SourceFile {
        Objects.requireNonNull(mediaType, "mediaType");
    }

    public static SourceFile of(String mediaType, String fileName, String language) {
        return new SourceFile(mediaType, fileName, language, null);
    }
}
