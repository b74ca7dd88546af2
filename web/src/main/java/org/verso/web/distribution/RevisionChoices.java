package org.verso.web.distribution;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.verso.library.Documents;
import org.verso.translation.Revision;
import org.verso.translation.Revisions;

/**
 * The approved revisions offered when an edition is built: logistics staff do not open translations, so the form
 * lists the latest revisions by document title, language and number (the id is what the form sends).
 */
@Component
class RevisionChoices {
    static final int SHOWN = 200;

    private final Revisions revisions;
    private final Documents documents;
    private final MessageSource messages;

    RevisionChoices(Revisions revisions, Documents documents, MessageSource messages) {
        this.revisions = revisions;
        this.documents = documents;
        this.messages = messages;
    }

    /** A revision to choose: its id and what the list shows. */
    record Choice(String id, String label) {}

    List<Choice> latest(Locale locale) {
        return revisions.latest(SHOWN).stream().map(r -> choice(r, locale)).toList();
    }

    private Choice choice(Revision r, Locale locale) {
        String title = documents
                .find(r.document())
                .map(d -> d.title())
                .orElse(r.document().value().toString());
        return new Choice(
                r.id().value().toString(),
                messages.getMessage(
                        "edition.revisionChoice",
                        new Object[] {title, r.language().value(), r.number()},
                        locale));
    }
}
