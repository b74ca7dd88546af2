package org.verso.distribution;

import java.util.List;
import java.util.Objects;
import org.verso.library.LanguageTag;

/**
 * An organisation that receives copies. Names are unique (ignoring case): the CSV import names parents by name.
 *
 * @param parent the organisation it belongs to (a university of its branches), or {@code null}
 * @param language the language to write to it in
 */
public record Recipient(
        RecipientId id,
        String name,
        RecipientKind kind,
        RecipientId parent,
        String region,
        String city,
        String address,
        String contacts,
        LanguageTag language) {
    public Recipient {
        Objects.requireNonNull(id, "id");
    }

    /** A recipient as asked for. */
    public record NewRecipient(
            String name,
            RecipientKind kind,
            RecipientId parent,
            String region,
            String city,
            String address,
            String contacts,
            LanguageTag language) {
        public NewRecipient {
            name = Text.required(name, "name", 300);
            if (kind == null) {
                throw new DistributionInputInvalid("missing-kind", "kind is required");
            }
            if (language == null) {
                throw new DistributionInputInvalid("missing-language", "language is required");
            }
            region = Text.optional(region, "region", 200);
            city = Text.optional(city, "city", 200);
            address = Text.optional(address, "address", 1000);
            contacts = Text.optional(contacts, "contacts", 1000);
        }
    }

    /** A recipient and the recipients that belong to it, by name. */
    public record Node(Recipient recipient, List<Node> children) {
        public Node {
            children = List.copyOf(children);
        }
    }
}
