package org.verso.web.memory;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.verso.accounts.Account;
import org.verso.accounts.Accounts;
import org.verso.memory.Match;
import org.verso.memory.Provenance;

/**
 * A memory match as the API and the editor show it.
 *
 * @param score the fuzzy score in % (101: in context)
 * @param kind {@code in_context}, {@code exact} or {@code fuzzy}
 * @param origin {@code approved} (here) or {@code imported} (TMX)
 * @param translator who translated it: the account's name, or the TMX file's {@code creationid}, or null
 */
record MatchView(
        String id,
        String source,
        String target,
        int score,
        String kind,
        String origin,
        boolean numbersDiffer,
        boolean codesDiffer,
        String sourceLanguage,
        String targetLanguage,
        String document,
        String revision,
        String translator,
        Instant date,
        String note) {

    static List<MatchView> of(List<Match> matches, Accounts accounts) {
        return matches.stream().map(m -> of(m, accounts)).toList();
    }

    static MatchView of(Match m, Accounts accounts) {
        Provenance p = m.unit().provenance();
        String translator = p.translatorName();
        if (p.translator() != null) {
            translator = accounts.find(p.translator()).map(MatchView::name).orElse(translator);
        }
        return new MatchView(
                m.unit().id().toString(),
                m.unit().source(),
                m.unit().target(),
                m.score(),
                m.kind().name().toLowerCase(Locale.ROOT),
                p.origin().name().toLowerCase(Locale.ROOT),
                m.numbersDiffer(),
                m.codesDiffer(),
                m.unit().sourceLanguage().value(),
                m.unit().targetLanguage().value(),
                p.document() == null ? null : p.document().toString(),
                p.revision() == null ? null : p.revision().toString(),
                translator,
                p.date(),
                p.note());
    }

    private static String name(Account a) {
        return a.displayName() == null || a.displayName().isBlank() ? a.username() : a.displayName();
    }
}
