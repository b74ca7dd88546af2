package org.verso.web.memory;

import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.verso.accounts.Accounts;
import org.verso.memory.Context;
import org.verso.memory.MatchQuery;
import org.verso.memory.TranslationMemory;
import org.verso.translation.Translation;
import org.verso.translation.Translations;

/** The editor's memory panel (session, page side): the best matches of a segment of a translation. */
@RestController
@PreAuthorize("hasAnyRole('TRANSLATOR','COORDINATOR','ADMIN')")
class MemoryPageJson {
    static final int EDITOR_MATCHES = 3;

    private final TranslationMemory memory;
    private final Translations translations;
    private final Accounts accounts;

    MemoryPageJson(TranslationMemory memory, Translations translations, Accounts accounts) {
        this.memory = memory;
        this.translations = translations;
        this.accounts = accounts;
    }

    @GetMapping("/translations/{id}/matches.json")
    List<MatchView> matches(
            @PathVariable String id,
            @RequestParam(required = false) String source,
            @RequestParam(required = false) String previous,
            @RequestParam(required = false) String next) {
        Translation translation = translations.get(LeverageApiController.translationId(id));
        if (translation.sourceLanguage() == null) {
            return List.of();
        }
        return MatchView.of(
                memory.matches(new MatchQuery(
                        source,
                        translation.sourceLanguage(),
                        translation.targetLanguage(),
                        EDITOR_MATCHES,
                        null,
                        Context.key(previous, next))),
                accounts);
    }
}
