package org.verso.search;

import org.verso.library.ConflictException;

/**
 * Keeps the library index in step with the catalogue: the start-up check and the rebuilds an administrator asks for.
 * Thread-safe.
 */
public class SearchMaintenance {
    private final LibraryIndex index;
    private final SearchSource source;
    private final TranslationSource translations;

    /**
     * @param source the catalogue, or null when there is none (then rebuilds are refused)
     * @param translations the translations, or null when nothing provides them (a rebuild then indexes originals)
     */
    public SearchMaintenance(LibraryIndex index, SearchSource source, TranslationSource translations) {
        this.index = index;
        this.source = source;
        this.translations = translations;
    }

    /**
     * Starts a rebuild in the background (or returns the one already running); search keeps answering meanwhile.
     *
     * @throws ConflictException ({@code search-source-missing}) when there is no catalogue to rebuild from
     */
    public RebuildProgress rebuild(String reason) {
        return index.rebuild(source, translations, reason);
    }

    /** Progress of the latest rebuild. */
    public RebuildProgress progress() {
        return index.rebuildProgress();
    }

    /** Compares index and catalogue; starts a rebuild if they disagree. Returns whether it did. */
    public boolean check() {
        return source != null && index.checkAgainst(source, translations);
    }
}
