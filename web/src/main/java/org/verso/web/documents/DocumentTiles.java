package org.verso.web.documents;

import java.util.List;
import org.springframework.stereotype.Component;
import org.verso.library.DocumentQuery;
import org.verso.library.Documents;
import org.verso.web.shell.TileFigure;
import org.verso.web.shell.TileFigures;

/** The documents tile counts the catalogue. */
@Component
class DocumentTiles implements TileFigures {
    private final Documents documents;

    DocumentTiles(Documents documents) {
        this.documents = documents;
    }

    @Override
    public List<TileFigure> figures() {
        long total = documents.list(DocumentQuery.firstPage(1)).total();
        return List.of(new TileFigure("/documents", "documents", "home.figure.documents", total, false));
    }
}
