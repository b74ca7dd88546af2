package org.verso.translation;

import java.util.List;
import java.util.Objects;

/**
 * A glossary term found in a source text: the target must use one of {@code targets} and none of {@code forbidden}.
 *
 * @param source the source term as the glossary writes it
 */
public record TermRule(String source, List<String> targets, List<String> forbidden) {
    public TermRule {
        Objects.requireNonNull(source, "source");
        targets = List.copyOf(targets);
        forbidden = List.copyOf(forbidden);
    }
}
