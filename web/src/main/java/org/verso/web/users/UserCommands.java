package org.verso.web.users;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Commands on user accounts, validated in their constructors. */
public final class UserCommands {
    static final int MIN_PASSWORD = 12;
    /** bcrypt reads at most 72 bytes of a password and refuses longer ones. */
    static final int MAX_PASSWORD_BYTES = 72;

    static final Set<String> UI_LANGUAGES = Set.of("en", "ru");
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[a-z0-9]{2,8})*");

    private UserCommands() {}

    /** Create an account. */
    public record CreateUser(
            String username,
            String displayName,
            String password,
            Set<Role> roles,
            Set<String> languages,
            String uiLanguage) {
        public CreateUser {
            username = validUsername(username);
            displayName = displayName == null || displayName.isBlank() ? username : displayName.strip();
            validPassword(password);
            roles = validRoles(roles);
            languages = validLanguages(languages);
            uiLanguage = validUiLanguage(uiLanguage);
        }
    }

    /** Replace the roles and translation languages of an account. */
    public record ChangeAccess(Set<Role> roles, Set<String> languages) {
        public ChangeAccess {
            roles = validRoles(roles);
            languages = validLanguages(languages);
        }
    }

    static String validUsername(String username) {
        if (username == null || username.isBlank()) {
            throw new InvalidUserInput("username", "a user name is required");
        }
        String normal = username.strip().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(normal).matches()) {
            throw new InvalidUserInput(
                    "username", "a user name has 2 to 64 characters: letters a-z, digits, dot, dash or underscore");
        }
        return normal;
    }

    /**
     * The one password rule: at least {@value #MIN_PASSWORD} characters and at most {@value #MAX_PASSWORD_BYTES} bytes
     * in UTF-8, bcrypt's limit (a Cyrillic letter takes two bytes, so a Russian password has at most 36 letters).
     *
     * @throws InvalidUserInput ({@code password}) saying which limit it broke
     */
    static String validPassword(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD) {
            throw new InvalidUserInput("password", "a password needs at least " + MIN_PASSWORD + " characters");
        }
        int bytes = password.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_PASSWORD_BYTES) {
            throw new InvalidUserInput(
                    "password",
                    "a password has at most " + MAX_PASSWORD_BYTES + " bytes in UTF-8 (this one has " + bytes
                            + "); a letter outside a-z, such as a Cyrillic one, takes 2 bytes or more");
        }
        return password;
    }

    static Set<Role> validRoles(Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new InvalidUserInput("roles", "a user needs at least one role");
        }
        return Set.copyOf(roles);
    }

    static Set<String> validLanguages(Set<String> languages) {
        if (languages == null) {
            return Set.of();
        }
        Set<String> normal = new TreeSet<>();
        for (String language : languages) {
            if (language == null || language.isBlank()) {
                continue;
            }
            String tag = language.strip().toLowerCase(Locale.ROOT);
            if (!LANGUAGE.matcher(tag).matches()) {
                throw new InvalidUserInput("languages", "not a language tag: " + language.strip());
            }
            normal.add(tag);
        }
        return Set.copyOf(normal);
    }

    static String validUiLanguage(String uiLanguage) {
        if (uiLanguage == null || uiLanguage.isBlank()) {
            return "en";
        }
        if (!UI_LANGUAGES.contains(uiLanguage)) {
            throw new InvalidUserInput("uiLanguage", "the interface is available in " + UI_LANGUAGES);
        }
        return uiLanguage;
    }
}
