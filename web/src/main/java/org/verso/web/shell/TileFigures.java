package org.verso.web.shell;

import java.util.List;

/**
 * Counts for the home page's tiles, contributed as beans by the features that own the pages. Only the tiles of the
 * signed-in user's navigation are shown, so a contribution needs no role check of its own.
 */
public interface TileFigures {
    List<TileFigure> figures();
}
