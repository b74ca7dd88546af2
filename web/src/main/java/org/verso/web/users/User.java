package org.verso.web.users;

import java.time.Instant;
import java.util.Set;

/**
 * A user account as stored. The password hash never leaves the {@code users} package.
 *
 * @param languages the languages this user translates into (BCP 47 tags, lower case); empty for non-translators
 * @param uiLanguage the language of the user interface, {@code en} or {@code ru}
 */
public record User(
        UserId id,
        String username,
        String displayName,
        boolean enabled,
        Set<Role> roles,
        Set<String> languages,
        String uiLanguage,
        Instant createdAt) {

    public User {
        roles = Set.copyOf(roles);
        languages = Set.copyOf(languages);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
