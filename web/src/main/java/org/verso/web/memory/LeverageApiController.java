package org.verso.web.memory;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.verso.memory.Leverage;
import org.verso.memory.LeverageAnalysis;
import org.verso.translation.TranslationId;

/** Leverage of the memory on a translation: its source words by the band of their segment's best match. */
@RestController
@PreAuthorize("hasAnyRole('TRANSLATOR','COORDINATOR','ADMIN')")
class LeverageApiController {
    private final LeverageAnalysis leverage;

    LeverageApiController(LeverageAnalysis leverage) {
        this.leverage = leverage;
    }

    @GetMapping("/api/translations/{id}/leverage")
    Leverage leverage(@PathVariable String id) {
        return leverage.of(translationId(id));
    }

    static TranslationId translationId(String text) {
        try {
            return new TranslationId(java.util.UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            throw new org.verso.library.InvalidInputException(
                    "invalid-translation-id", "Not a translation id: " + text);
        }
    }
}
