package org.verso.memory;

/**
 * Words of a translation's source by the best match the memory has for their segment (the same score as the editor's).
 *
 * @param exact words in segments with a 100 % (or in-context) match
 * @param noMatch words in segments whose best match scores below 50 %, or that have none
 */
public record Leverage(
        int segments, int words, int exact, int from95, int from85, int from75, int from50, int noMatch) {}
