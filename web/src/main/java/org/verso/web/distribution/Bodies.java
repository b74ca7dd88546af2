package org.verso.web.distribution;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.verso.distribution.Edition;
import org.verso.distribution.EditionId;
import org.verso.distribution.Funder.NewFunder;
import org.verso.distribution.FunderId;
import org.verso.distribution.Location.NewLocation;
import org.verso.distribution.LocationId;
import org.verso.distribution.MovementType;
import org.verso.distribution.PrintRun;
import org.verso.distribution.PrintRunStatus;
import org.verso.distribution.Recipient.NewRecipient;
import org.verso.distribution.RecipientId;
import org.verso.distribution.RecipientKind;
import org.verso.distribution.StockCommand;
import org.verso.library.LanguageTag;
import org.verso.translation.RevisionId;

/** Request bodies of the distribution API. Unknown fields are refused ({@code unknown-field}). */
final class Bodies {
    private Bodies() {}

    record FunderBody(String name, String country, String reference, String currency, String contact) {
        @JsonAnySetter
        void unknown(String name, Object value) {
            UnknownField.refuse(name, value);
        }

        NewFunder command() {
            return new NewFunder(name, country, reference, currency, contact);
        }
    }

    record LocationBody(String name, String address) {
        @JsonAnySetter
        void unknown(String name, Object value) {
            UnknownField.refuse(name, value);
        }

        NewLocation command() {
            return new NewLocation(name, address);
        }
    }

    record ItemBody(String revision, String code, String description) {
        @JsonAnySetter
        void unknown(String name, Object value) {
            UnknownField.refuse(name, value);
        }

        Edition.Item item() {
            return new Edition.Item(
                    revision == null || revision.isBlank() ? null : revision(revision), code, description);
        }

        private static RevisionId revision(String text) {
            try {
                return new RevisionId(java.util.UUID.fromString(text.strip()));
            } catch (IllegalArgumentException e) {
                throw new org.verso.library.InvalidInputException("invalid-id", "not a revision id: " + text);
            }
        }
    }

    record EditionBody(String title, String language, String isbn, List<ItemBody> items) {
        @JsonAnySetter
        void unknown(String name, Object value) {
            UnknownField.refuse(name, value);
        }

        Edition.NewEdition command() {
            return new Edition.NewEdition(
                    title,
                    LanguageTag.ofNullable(language),
                    isbn,
                    items == null ? null : items.stream().map(ItemBody::item).toList());
        }
    }

    record ShareBody(String funder, Integer copies) {
        @JsonAnySetter
        void unknown(String name, Object value) {
            UnknownField.refuse(name, value);
        }
    }

    record PrintRunBody(
            String edition,
            Integer quantity,
            String printer,
            LocalDate orderedOn,
            LocalDate expectedOn,
            BigDecimal cost,
            String currency,
            List<ShareBody> funders) {
        @JsonAnySetter
        void unknown(String name, Object value) {
            UnknownField.refuse(name, value);
        }

        PrintRun.NewPrintRun command() {
            return new PrintRun.NewPrintRun(
                    edition == null ? null : EditionId.parse(edition),
                    quantity == null ? 0 : quantity,
                    printer,
                    orderedOn,
                    expectedOn,
                    cost,
                    currency,
                    funders == null
                            ? null
                            : funders.stream()
                                    .map(s -> new PrintRun.Share(
                                            s.funder() == null ? null : FunderId.parse(s.funder()),
                                            s.copies() == null ? 0 : s.copies(),
                                            0))
                                    .toList());
        }
    }

    record StatusBody(String status) {
        @JsonAnySetter
        void unknown(String name, Object value) {
            UnknownField.refuse(name, value);
        }

        PrintRunStatus parsed() {
            return PrintRunStatus.parse(status);
        }
    }

    record ReceiptBody(String location, Integer quantity, LocalDate receivedOn, String reason, Boolean complete) {
        @JsonAnySetter
        void unknown(String name, Object value) {
            UnknownField.refuse(name, value);
        }

        PrintRun.Receipt command() {
            return new PrintRun.Receipt(
                    location == null ? null : LocationId.parse(location),
                    quantity == null ? 0 : quantity,
                    receivedOn,
                    reason,
                    Boolean.TRUE.equals(complete));
        }
    }

    record MovementBody(
            String type,
            String edition,
            String location,
            String toLocation,
            String funder,
            Integer quantity,
            String reason,
            Long reverses) {
        @JsonAnySetter
        void unknown(String name, Object value) {
            UnknownField.refuse(name, value);
        }

        StockCommand command() {
            if (reverses != null) {
                return StockCommand.reversal(reverses, reason);
            }
            return new StockCommand(
                    type == null ? null : MovementType.parse(type),
                    edition == null ? null : EditionId.parse(edition),
                    location == null ? null : LocationId.parse(location),
                    toLocation == null ? null : LocationId.parse(toLocation),
                    funder == null ? null : FunderId.parse(funder),
                    quantity == null ? 0 : quantity,
                    reason,
                    null);
        }
    }

    record RecipientBody(
            String name,
            String kind,
            String parent,
            String region,
            String city,
            String address,
            String contacts,
            String language) {
        @JsonAnySetter
        void unknown(String name, Object value) {
            UnknownField.refuse(name, value);
        }

        NewRecipient command() {
            return new NewRecipient(
                    name,
                    kind == null ? null : RecipientKind.parse(kind),
                    parent == null || parent.isBlank() ? null : RecipientId.parse(parent),
                    region,
                    city,
                    address,
                    contacts,
                    language == null ? null : LanguageTag.of(language));
        }
    }
}
