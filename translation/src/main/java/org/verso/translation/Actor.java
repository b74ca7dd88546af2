package org.verso.translation;

import java.util.Objects;
import java.util.Set;
import org.verso.accounts.Account;
import org.verso.accounts.AccountId;
import org.verso.accounts.Role;
import org.verso.library.LanguageTag;

/** Who acts on a translation, as the workflow needs to know them: coordinator or not, and their languages. */
record Actor(AccountId id, boolean coordinator, Set<LanguageTag> languages) {
    Actor {
        Objects.requireNonNull(id, "id");
        languages = Set.copyOf(languages);
    }

    static Actor of(Account account) {
        return new Actor(
                account.id(),
                account.has(Role.COORDINATOR) || account.has(Role.ADMIN),
                account.enabled() ? account.languages() : Set.of());
    }

    boolean translates(LanguageTag language) {
        return languages.contains(language);
    }
}
