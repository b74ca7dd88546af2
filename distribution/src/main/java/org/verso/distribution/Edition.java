package org.verso.distribution;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import org.verso.library.LanguageTag;
import org.verso.translation.RevisionId;

/**
 * A print-ready product in one language: approved revisions (exact revision ids, never live segments) and
 * non-document items (a video on DVD, a poster) with their own codes. Frozen once a print run uses it: a new revision
 * makes a new edition.
 *
 * @param isbn ISBN-10 or ISBN-13 digits without hyphens, or {@code null}
 * @param frozen whether a print run uses it (then it never changes)
 */
public record Edition(EditionId id, String title, LanguageTag language, String isbn, List<Item> items, boolean frozen) {
    public Edition {
        Objects.requireNonNull(id, "id");
        items = List.copyOf(items);
    }

    /** One part of an edition: a revision, or a free-text item with its own code. */
    public record Item(RevisionId revision, String code, String description) {
        public Item {
            code = Text.optional(code, "code", 60);
            description = Text.optional(description, "description", 500);
            if ((revision == null) == (code == null)) {
                throw new DistributionInputInvalid(
                        "invalid-edition-item", "an edition item is either a revision or an item with its own code");
            }
        }

        public static Item of(RevisionId revision) {
            return new Item(revision, null, null);
        }

        public static Item other(String code, String description) {
            return new Item(null, code, description);
        }
    }

    /** An edition as asked for; checked by its constructor, its revisions by {@link Editions}. */
    public record NewEdition(String title, LanguageTag language, String isbn, List<Item> items) {
        public NewEdition {
            title = Text.required(title, "title", 500);
            if (language == null) {
                throw new DistributionInputInvalid("missing-language", "language is required");
            }
            isbn = Isbn.normalised(isbn);
            if (items == null || items.isEmpty()) {
                throw new DistributionInputInvalid("empty-edition", "an edition has at least one item");
            }
            items = List.copyOf(items);
            var seen = new HashSet<Object>();
            for (Item item : items) {
                Object key = item.revision() != null ? item.revision() : "code:" + item.code();
                if (!seen.add(key)) {
                    throw new DistributionInputInvalid(
                            "duplicate-edition-item", "an edition holds each revision and code once: " + key);
                }
            }
        }
    }
}
