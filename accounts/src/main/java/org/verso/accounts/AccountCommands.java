package org.verso.accounts;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.verso.library.LanguageTag;

/** Commands on accounts, validated in their constructors; invalid input names its field. */
public final class AccountCommands {
    static final int MIN_PASSWORD = 12;
    /** bcrypt reads at most 72 bytes of a password and refuses longer ones. */
    static final int MAX_PASSWORD_BYTES = 72;

    static final Set<String> UI_LANGUAGES = Set.of("en", "ru");
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

    private AccountCommands() {}

    /** Create an account. */
    public record CreateAccount(
            String username,
            String displayName,
            String password,
            Set<Role> roles,
            Set<LanguageTag> languages,
            String uiLanguage) {
        public CreateAccount {
            username = validUsername(username);
            displayName = displayName == null || displayName.isBlank() ? username : displayName.strip();
            validPassword(password);
            roles = validRoles(roles);
            languages = languages == null ? Set.of() : Set.copyOf(languages);
            uiLanguage = validUiLanguage(uiLanguage);
        }

        @Override
        public String toString() {
            return "CreateAccount[" + username + ", " + roles + ", " + languages + "]"; // never the password
        }
    }

    /** Replace the roles and translation languages of an account. */
    public record ChangeAccess(Set<Role> roles, Set<LanguageTag> languages) {
        public ChangeAccess {
            roles = validRoles(roles);
            languages = languages == null ? Set.of() : Set.copyOf(languages);
        }
    }

    /**
     * Translation languages as typed ({@code RU}, {@code zh_hans}), in canonical form; blank ones are dropped. Throws
     * {@link InvalidAccountInput} on field {@code languages} for anything that is no language tag.
     */
    public static Set<LanguageTag> languages(Collection<String> typed) {
        if (typed == null) {
            return Set.of();
        }
        Set<LanguageTag> tags = new TreeSet<>();
        for (String language : typed) {
            try {
                LanguageTag tag = LanguageTag.ofNullable(language);
                if (tag != null) {
                    tags.add(tag);
                }
            } catch (LanguageTag.InvalidLanguageTag e) {
                throw new InvalidAccountInput("languages", "not a language tag: " + language.strip());
            }
        }
        return Set.copyOf(tags);
    }

    static String validUsername(String username) {
        if (username == null || username.isBlank()) {
            throw new InvalidAccountInput("username", "a user name is required");
        }
        String normal = username.strip().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(normal).matches()) {
            throw new InvalidAccountInput(
                    "username", "a user name has 2 to 64 characters: letters a-z, digits, dot, dash or underscore");
        }
        return normal;
    }

    /**
     * The one password rule: at least {@value #MIN_PASSWORD} characters and at most {@value #MAX_PASSWORD_BYTES} bytes
     * in UTF-8, bcrypt's limit (a Cyrillic letter takes two bytes, so a Russian password has at most 36 letters).
     *
     * @throws InvalidAccountInput ({@code password}) saying which limit it broke
     */
    static String validPassword(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD) {
            throw new InvalidAccountInput("password", "a password needs at least " + MIN_PASSWORD + " characters");
        }
        int bytes = password.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_PASSWORD_BYTES) {
            throw new InvalidAccountInput(
                    "password",
                    "a password has at most " + MAX_PASSWORD_BYTES + " bytes in UTF-8 (this one has " + bytes
                            + "); a letter outside a-z, such as a Cyrillic one, takes 2 bytes or more");
        }
        return password;
    }

    static Set<Role> validRoles(Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new InvalidAccountInput("roles", "a user needs at least one role");
        }
        return Set.copyOf(roles);
    }

    static String validUiLanguage(String uiLanguage) {
        if (uiLanguage == null || uiLanguage.isBlank()) {
            return "en";
        }
        if (!UI_LANGUAGES.contains(uiLanguage)) {
            throw new InvalidAccountInput("uiLanguage", "the interface is available in " + UI_LANGUAGES);
        }
        return uiLanguage;
    }
}
