package org.verso.translation;

import java.util.List;
import org.verso.library.LanguageTag;

/**
 * The port through which the quality checks ask a glossary which of its terms a source text contains. Implemented
 * downstream (the glossary module); without an implementation the glossary checks are simply absent.
 *
 * <p>Implementations are thread-safe and fast enough to be asked once per segment of a page.
 */
public interface GlossaryTerms {
    /** The terms of the language pair found in {@code sourceText} (plain text), each once; empty when none. */
    List<TermRule> termsIn(String sourceText, LanguageTag source, LanguageTag target);
}
