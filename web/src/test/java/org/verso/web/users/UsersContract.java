package org.verso.web.users;

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
import org.springframework.security.crypto.password.PasswordEncoder;
import org.verso.web.testing.WebTest;
import org.verso.web.users.UserCommands.ChangeAccess;
import org.verso.web.users.UserCommands.CreateUser;

/**
 * How the accounts behave, on whichever database the subclass runs the application. Each subclass has a database of
 * its own, so the checks on the last admin see only the accounts made here.
 */
abstract class UsersContract extends WebTest {
    @Autowired
    Users users;

    @Autowired
    PasswordEncoder passwords;

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static CreateUser translator(String name) {
        return new CreateUser(
                name, "Tanya Translator", "twelve-chars-ok", Set.of(Role.TRANSLATOR), Set.of("RU", "uk"), "ru");
    }

    @Test
    void createdUserKeepsRolesLanguagesAndOnlyAHashOfThePassword() {
        User user = users.create(translator(unique("tanya")));

        User loaded = users.get(user.id());
        assertThat(loaded.roles()).containsExactly(Role.TRANSLATOR);
        assertThat(loaded.languages()).containsExactlyInAnyOrder("ru", "uk");
        assertThat(loaded.uiLanguage()).isEqualTo("ru");
        assertThat(loaded.enabled()).isTrue();
        String hash = users.passwordHash(loaded.username()).orElseThrow();
        assertThat(hash).startsWith("{bcrypt}").doesNotContain("twelve-chars-ok");
        assertThat(passwords.matches("twelve-chars-ok", hash)).isTrue();
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
        assertThatThrownBy(() -> new CreateUser("a b", null, "twelve-chars-ok", Set.of(Role.ADMIN), Set.of(), "en"))
                .isInstanceOf(InvalidUserInput.class)
                .extracting(e -> ((InvalidUserInput) e).field())
                .isEqualTo("username");
        assertThatThrownBy(() -> new CreateUser("okname", null, "short", Set.of(Role.ADMIN), Set.of(), "en"))
                .extracting(e -> ((InvalidUserInput) e).field())
                .isEqualTo("password");
        assertThatThrownBy(() -> new CreateUser("okname", null, "twelve-chars-ok", Set.of(), Set.of(), "en"))
                .extracting(e -> ((InvalidUserInput) e).field())
                .isEqualTo("roles");
        assertThatThrownBy(() ->
                        new CreateUser("okname", null, "twelve-chars-ok", Set.of(Role.ADMIN), Set.of("ru!"), "en"))
                .extracting(e -> ((InvalidUserInput) e).field())
                .isEqualTo("languages");
        assertThatThrownBy(() -> new CreateUser("okname", null, "twelve-chars-ok", Set.of(Role.ADMIN), Set.of(), "de"))
                .extracting(e -> ((InvalidUserInput) e).field())
                .isEqualTo("uiLanguage");
    }

    @Test
    void disablingKeepsTheAccountAndItCanBeEnabledAgain() {
        User user = users.create(translator(unique("ivan")));

        users.setEnabled(user.id(), false);
        assertThat(users.get(user.id()).enabled()).isFalse();
        assertThat(users.all()).extracting(User::username).contains(user.username());

        users.setEnabled(user.id(), true);
        assertThat(users.get(user.id()).enabled()).isTrue();
    }

    @Test
    void accessChangesReplaceRolesAndLanguages() {
        User user = users.create(translator(unique("pavel")));

        users.changeAccess(user.id(), new ChangeAccess(Set.of(Role.COORDINATOR, Role.LOGISTICS), Set.of()));

        assertThat(users.get(user.id()).roles()).containsExactlyInAnyOrder(Role.COORDINATOR, Role.LOGISTICS);
        assertThat(users.get(user.id()).languages()).isEmpty();
    }

    @Test
    void theLastEnabledAdminCanBeNeitherDisabledNorDemoted() {
        for (User admin : users.all()) {
            if (admin.has(Role.ADMIN) && admin.enabled() && !admin.username().equals("admin")) {
                users.setEnabled(admin.id(), false);
            }
        }
        User admin = users.findByUsername("admin").orElseThrow();

        assertThatThrownBy(() -> users.setEnabled(admin.id(), false)).isInstanceOf(LastAdmin.class);
        assertThatThrownBy(() -> users.changeAccess(admin.id(), new ChangeAccess(Set.of(Role.TRANSLATOR), Set.of())))
                .isInstanceOf(LastAdmin.class);
        assertThat(users.get(admin.id()).enabled()).isTrue();
        assertThat(users.get(admin.id()).roles()).contains(Role.ADMIN);
    }

    @Test
    void passwordResetReplacesTheHash() {
        User user = users.create(translator(unique("nina")));

        users.resetPassword(user.id(), "another-password-1");

        String hash = users.passwordHash(user.username()).orElseThrow();
        assertThat(passwords.matches("another-password-1", hash)).isTrue();
        assertThat(passwords.matches("twelve-chars-ok", hash)).isFalse();
    }

    @Test
    void unknownUserIsNotFound() {
        assertThatThrownBy(() -> users.get(UserId.random())).isInstanceOf(UserNotFound.class);
        assertThatThrownBy(() -> users.setEnabled(UserId.random(), false)).isInstanceOf(UserNotFound.class);
    }
}
