package org.verso.accounts;

import java.time.Instant;
import java.util.Set;
import org.verso.library.LanguageTag;

/**
 * An account as stored. The password hash never leaves the {@code accounts} module.
 *
 * @param languages the languages this person translates into; empty for non-translators
 * @param uiLanguage the language of the user interface, {@code en} or {@code ru}
 * @param updatedAt when the account last changed (roles, languages, password, enabled…)
 */
public record Account(
        AccountId id,
        String username,
        String displayName,
        boolean enabled,
        Set<Role> roles,
        Set<LanguageTag> languages,
        String uiLanguage,
        Instant createdAt,
        Instant updatedAt) {

    public Account {
        roles = Set.copyOf(roles);
        languages = Set.copyOf(languages);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Whether this account translates into {@code language} (compared in canonical form). */
    public boolean translatesInto(LanguageTag language) {
        return languages.contains(language);
    }
}
