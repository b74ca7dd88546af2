package org.verso.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.verso.accounts.AccountCommands.ChangeAccess;
import org.verso.accounts.AccountCommands.CreateAccount;
import org.verso.library.LanguageTag;

/**
 * How the accounts behave, on whichever database the subclass runs the application. Each subclass has a database of
 * its own, so the checks on the last admin see only the accounts made here.
 */
@SpringBootTest(classes = AccountsTestApplication.class)
@Import(AccountsContract.Disabled.class)
abstract class AccountsContract {
    @Autowired
    Accounts users;

    @Autowired
    Disabled disabled;

    /** Every {@link AccountDisabled} published. */
    static class Disabled {
        final List<AccountDisabled> events = new java.util.concurrent.CopyOnWriteArrayList<>();

        @EventListener
        void on(AccountDisabled event) {
            events.add(event);
        }
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static CreateAccount translator(String name) {
        return new CreateAccount(
                name,
                "Tanya Translator",
                "twelve-chars-ok",
                Set.of(Role.TRANSLATOR),
                AccountCommands.languages(Set.of("RU", "uk", "zh_hans")),
                "ru");
    }

    @Test
    void createdUserKeepsRolesLanguagesAndOnlyAHashOfThePassword() {
        Account user = users.create(translator(unique("tanya")));

        Account loaded = users.get(user.id());
        assertThat(loaded.roles()).containsExactly(Role.TRANSLATOR);
        assertThat(loaded.languages())
                .containsExactlyInAnyOrder(LanguageTag.of("ru"), LanguageTag.of("uk"), LanguageTag.of("zh-Hans"));
        assertThat(loaded.translatesInto(LanguageTag.of("ZH-hans"))).isTrue();
        assertThat(loaded.uiLanguage()).isEqualTo("ru");
        assertThat(loaded.enabled()).isTrue();
        String hash = users.passwordHash(loaded.username()).orElseThrow();
        assertThat(hash).startsWith("{bcrypt}").doesNotContain("twelve-chars-ok");
        assertThat(users.checkPassword(loaded.username(), "twelve-chars-ok")).contains(loaded);
        assertThat(users.checkPassword(loaded.username(), "twelve-chars-no")).isEmpty();
        assertThat(users.checkPassword("nobody-" + loaded.username(), "twelve-chars-ok"))
                .isEmpty();
    }

    @Test
    void userNamesAreCaseInsensitiveAndUnique() {
        String name = unique("olga");
        users.create(translator(name));

        assertThatThrownBy(() -> users.create(translator(name.toUpperCase()))).isInstanceOf(UsernameTaken.class);
        assertThat(users.findByUsername(name.toUpperCase())).isPresent();
    }

    @Test
    void exactlyOneOfTwoConcurrentCreationsOfOneNameWins() throws Exception {
        String name = unique("race");
        var start = new CountDownLatch(1);
        Callable<Boolean> attempt = () -> {
            start.await();
            try {
                users.create(translator(name));
                return true;
            } catch (UsernameTaken e) {
                return false;
            }
        };
        var pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Boolean>> results = List.of(pool.submit(attempt), pool.submit(attempt));
            start.countDown();
            assertThat(List.of(results.get(0).get(), results.get(1).get())).containsExactlyInAnyOrder(true, false);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void invalidInputIsRefusedWithTheField() {
        assertThatThrownBy(() -> new CreateAccount("a b", null, "twelve-chars-ok", Set.of(Role.ADMIN), Set.of(), "en"))
                .isInstanceOf(InvalidAccountInput.class)
                .extracting(e -> ((InvalidAccountInput) e).field())
                .isEqualTo("username");
        assertThatThrownBy(() -> new CreateAccount("okname", null, "short", Set.of(Role.ADMIN), Set.of(), "en"))
                .extracting(e -> ((InvalidAccountInput) e).field())
                .isEqualTo("password");
        assertThatThrownBy(() -> new CreateAccount("okname", null, "twelve-chars-ok", Set.of(), Set.of(), "en"))
                .extracting(e -> ((InvalidAccountInput) e).field())
                .isEqualTo("roles");
        assertThatThrownBy(() -> AccountCommands.languages(Set.of("ru!")))
                .extracting(e -> ((InvalidAccountInput) e).field())
                .isEqualTo("languages");
        assertThatThrownBy(
                        () -> new CreateAccount("okname", null, "twelve-chars-ok", Set.of(Role.ADMIN), Set.of(), "de"))
                .extracting(e -> ((InvalidAccountInput) e).field())
                .isEqualTo("uiLanguage");
    }

    @Test
    void disablingKeepsTheAccountAndItCanBeEnabledAgain() {
        Account user = users.create(translator(unique("ivan")));

        users.setEnabled(user.id(), false);
        assertThat(users.get(user.id()).enabled()).isFalse();
        assertThat(disabled.events).contains(new AccountDisabled(user.id(), user.username()));
        assertThat(users.all()).extracting(Account::username).contains(user.username());

        users.setEnabled(user.id(), true);
        assertThat(users.get(user.id()).enabled()).isTrue();
    }

    @Test
    void accessChangesReplaceRolesAndLanguages() {
        Account user = users.create(translator(unique("pavel")));

        users.changeAccess(user.id(), new ChangeAccess(Set.of(Role.COORDINATOR, Role.LOGISTICS), Set.of()));

        assertThat(users.get(user.id()).roles()).containsExactlyInAnyOrder(Role.COORDINATOR, Role.LOGISTICS);
        assertThat(users.get(user.id()).languages()).isEmpty();
    }

    @Test
    void theLastEnabledAdminCanBeNeitherDisabledNorDemoted() {
        for (Account admin : users.all()) {
            if (admin.has(Role.ADMIN) && admin.enabled() && !admin.username().equals("admin")) {
                users.setEnabled(admin.id(), false);
            }
        }
        Account admin = users.findByUsername("admin").orElseThrow();

        assertThatThrownBy(() -> users.setEnabled(admin.id(), false)).isInstanceOf(LastAdmin.class);
        assertThatThrownBy(() -> users.changeAccess(admin.id(), new ChangeAccess(Set.of(Role.TRANSLATOR), Set.of())))
                .isInstanceOf(LastAdmin.class);
        assertThat(users.get(admin.id()).enabled()).isTrue();
        assertThat(users.get(admin.id()).roles()).contains(Role.ADMIN);
    }

    @Test
    void passwordResetReplacesTheHash() {
        Account user = users.create(translator(unique("nina")));

        users.resetPassword(user.id(), "another-password-1");

        assertThat(users.checkPassword(user.username(), "another-password-1")).isPresent();
        assertThat(users.checkPassword(user.username(), "twelve-chars-ok")).isEmpty();
        assertThat(users.get(user.id()).updatedAt()).isAfterOrEqualTo(user.updatedAt());
    }

    @Test
    void unknownUserIsNotFound() {
        assertThatThrownBy(() -> users.get(AccountId.random())).isInstanceOf(AccountNotFound.class);
        assertThatThrownBy(() -> users.setEnabled(AccountId.random(), false)).isInstanceOf(AccountNotFound.class);
    }
}
