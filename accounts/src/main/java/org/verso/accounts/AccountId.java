package org.verso.accounts;

import java.util.Objects;
import java.util.UUID;

/** Identity of an account: who claimed, reviewed or received something. */
public record AccountId(UUID value) {
    public AccountId {
        Objects.requireNonNull(value, "account id");
    }

    public static AccountId random() {
        return new AccountId(UUID.randomUUID());
    }

    /** Throws {@link InvalidAccountInput} (field {@code id}) when the text is no account id. */
    public static AccountId parse(String text) {
        try {
            return new AccountId(UUID.fromString(text));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidAccountInput("id", "not a user id: " + text);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
