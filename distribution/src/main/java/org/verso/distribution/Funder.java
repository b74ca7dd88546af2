package org.verso.distribution;

import java.util.Objects;

/**
 * An organisation that pays for copies.
 *
 * @param country ISO 3166 alpha-2 code, or {@code null}
 * @param reference the agreement or grant reference, or {@code null}
 * @param currency the ISO 4217 currency of its agreement, or {@code null}
 */
public record Funder(FunderId id, String name, String country, String reference, String currency, String contact) {
    public Funder {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }

    /** A funder as asked for: checked and normalised by its constructor. */
    public record NewFunder(String name, String country, String reference, String currency, String contact) {
        public NewFunder {
            name = Text.required(name, "name", 300);
            country = Text.optional(country, "country", 2);
            if (country != null) {
                country = country.toUpperCase(java.util.Locale.ROOT);
                if (!country.matches("[A-Z]{2}")) {
                    throw new DistributionInputInvalid("invalid-country", "not a country code such as DE: " + country);
                }
            }
            reference = Text.optional(reference, "reference", 200);
            currency = Text.currency(currency);
            contact = Text.optional(contact, "contact", 500);
        }
    }
}
