package org.verso.translation;

import java.util.Objects;

/**
 * A translation as a file to download.
 *
 * @param fileName a name for it, with the target language before the extension
 * @param mediaType its type
 * @param draft whether it is a preview of live segments (unfinished ones keep their source) rather than a revision
 */
public record TranslatedFile(String fileName, String mediaType, byte[] bytes, boolean draft) {
    public TranslatedFile {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(bytes, "bytes");
    }
}
