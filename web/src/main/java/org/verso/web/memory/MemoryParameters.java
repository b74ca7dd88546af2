package org.verso.web.memory;

import java.util.ArrayList;
import java.util.List;
import org.springframework.web.multipart.MultipartFile;
import org.verso.library.DocumentId;
import org.verso.library.InvalidInputException;
import org.verso.library.LanguageTag;
import org.verso.memory.TmxUpload;

/** Reading the memory's request parameters into values, with the problem codes of bad ones. */
final class MemoryParameters {
    private MemoryParameters() {}

    static LanguageTag language(String name, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("invalid-language", "Name the " + name + ".");
        }
        return LanguageTag.of(text);
    }

    static LanguageTag optionalLanguage(String text) {
        return LanguageTag.ofNullable(text);
    }

    static DocumentId optionalDocument(String text) {
        return text == null || text.isBlank() ? null : DocumentId.parse(text);
    }

    static int number(String name, String text, int fallback, String code) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(code, name + " must be a whole number: " + text);
        }
    }

    static List<TmxUpload> uploads(List<MultipartFile> files) {
        List<TmxUpload> uploads = new ArrayList<>();
        if (files != null) {
            for (MultipartFile file : files) {
                if (file.isEmpty()) {
                    continue;
                }
                try {
                    uploads.add(new TmxUpload(file.getOriginalFilename(), file.getBytes()));
                } catch (java.io.IOException e) {
                    throw new InvalidInputException("tmx-malformed", "The upload could not be read: " + e.getMessage());
                }
            }
        }
        return uploads;
    }
}
