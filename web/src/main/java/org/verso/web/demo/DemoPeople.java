package org.verso.web.demo;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.verso.accounts.Account;
import org.verso.accounts.AccountCommands.CreateAccount;
import org.verso.accounts.Accounts;
import org.verso.accounts.Role;
import org.verso.library.LanguageTag;

/**
 * The demo's people, one account for each kind of work, each with a random password that only the start-up log ever
 * shows (the accounts keep bcrypt hashes). Reviewers are no role of their own: coordinators review, as do translators
 * into the language of segments they did not translate.
 */
record DemoPeople(Account admin, Account coordinator, Account anna, Account boris, Account logistics) {
    private static final SecureRandom RANDOM = new SecureRandom();
    static final LanguageTag RUSSIAN = LanguageTag.of("ru");

    /** Creates the accounts; {@code passwords} receives each user name and its password, in order. */
    static DemoPeople create(Accounts accounts, Map<String, String> passwords) {
        Map<String, String> made = new LinkedHashMap<>();
        Account admin = account(accounts, made, "admin", "Administrator", Role.ADMIN, "en");
        Account coordinator =
                account(accounts, made, "coordinator", "Olga Petrova (coordinator)", Role.COORDINATOR, "en");
        Account anna = account(accounts, made, "anna", "Anna Smirnova (translator, ru)", Role.TRANSLATOR, "ru");
        Account boris = account(accounts, made, "boris", "Boris Ivanov (translator, ru)", Role.TRANSLATOR, "ru");
        Account logistics = account(accounts, made, "logistics", "Pavel Orlov (logistics)", Role.LOGISTICS, "en");
        passwords.putAll(made);
        return new DemoPeople(admin, coordinator, anna, boris, logistics);
    }

    private static Account account(
            Accounts accounts, Map<String, String> passwords, String username, String name, Role role, String ui) {
        String password = password();
        Set<LanguageTag> languages = role == Role.TRANSLATOR ? Set.of(RUSSIAN) : Set.of();
        Account account = accounts.create(new CreateAccount(username, name, password, Set.of(role), languages, ui));
        passwords.put(username, password);
        return account;
    }

    /** 24 characters from 144 random bits. */
    static String password() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
