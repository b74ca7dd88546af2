package org.verso.memory;

/**
 * Words of a translation's source by the best match the memory has for their segment (the same score as the editor's).
 *
 * @param segments how many segments the translation has
 * @param words how many words (and numbers) their sources hold
 * @param exact words in segments with a 100 % (or in-context, 101 %) match
 * @param fuzzy95to99 words in segments whose best match scores 95–99 %
 * @param fuzzy85to94 85–94 %
 * @param fuzzy75to84 75–84 %
 * @param fuzzy50to74 50–74 %
 * @param noMatch words in segments whose best match scores below 50 %, or that have none
 */
public record Leverage(
        int segments,
        int words,
        int exact,
        int fuzzy95to99,
        int fuzzy85to94,
        int fuzzy75to84,
        int fuzzy50to74,
        int noMatch) {}
