package org.verso.memory;

import java.util.List;
import java.util.Objects;
import org.verso.memory.internal.Tokens;

/**
 * The final score of a unit found by the index: the word-level score of the normalised tokens, then one point off
 * for numbers that differ and one for codes that differ (so such a match stays high and is marked); 100 only for the
 * same source markup (else at most 99), 101 for the same source between the same neighbours.
 */
final class Scoring {
    private Scoring() {}

    static Match match(MatchQuery query, List<Tokens.Token> queryTokens, MemoryUnit unit, int base) {
        boolean same = query.source().strip().equals(unit.source().strip());
        if (same) {
            boolean inContext = query.contextKey() != null && query.contextKey().equals(unit.contextKey());
            return new Match(
                    unit, inContext ? 101 : 100, inContext ? MatchKind.IN_CONTEXT : MatchKind.EXACT, false, false);
        }
        List<Tokens.Token> unitTokens = Tokens.of(unit.source());
        boolean numbers = !raw(queryTokens, Tokens.Kind.NUMBER).equals(raw(unitTokens, Tokens.Kind.NUMBER));
        boolean codes = !raw(queryTokens, Tokens.Kind.CODE).equals(raw(unitTokens, Tokens.Kind.CODE));
        int score = Math.min(99, base - (numbers ? 1 : 0) - (codes ? 1 : 0));
        return new Match(unit, Math.max(0, score), MatchKind.FUZZY, numbers, codes);
    }

    private static List<String> raw(List<Tokens.Token> tokens, Tokens.Kind kind) {
        return tokens.stream()
                .filter(t -> t.kind() == kind)
                .map(Tokens.Token::raw)
                .map(r -> Objects.requireNonNullElse(r, ""))
                .toList();
    }
}
