package org.verso.web.users;

import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.verso.accounts.Account;
import org.verso.accounts.AccountCommands;
import org.verso.accounts.AccountCommands.ChangeAccess;
import org.verso.accounts.AccountCommands.CreateAccount;
import org.verso.accounts.AccountId;
import org.verso.accounts.Accounts;
import org.verso.accounts.Role;
import org.verso.library.LanguageTag;

/** Account administration over the API. Admins only. */
@RestController
@RequestMapping("/api/admin/users")
@PreAuthorize("hasRole('ADMIN')")
class UsersApiController {
    private final Accounts users;

    UsersApiController(Accounts users) {
        this.users = users;
    }

    /** An account as the API shows it; never the password. */
    record UserView(
            String id,
            String username,
            String displayName,
            boolean enabled,
            List<Role> roles,
            List<String> languages,
            String uiLanguage,
            Instant createdAt) {
        static UserView of(Account user) {
            return new UserView(
                    user.id().toString(),
                    user.username(),
                    user.displayName(),
                    user.enabled(),
                    user.roles().stream().sorted().toList(),
                    user.languages().stream().sorted().map(LanguageTag::value).toList(),
                    user.uiLanguage(),
                    user.createdAt());
        }
    }

    /** Changes to an account; absent fields stay as they are. */
    record UserChange(Set<Role> roles, Set<String> languages, Boolean enabled) {}

    record NewPassword(String password) {}

    /** A new account as posted. */
    record NewUser(
            String username,
            String displayName,
            String password,
            Set<Role> roles,
            Set<String> languages,
            String uiLanguage) {
        CreateAccount command() {
            return new CreateAccount(
                    username, displayName, password, roles, AccountCommands.languages(languages), uiLanguage);
        }
    }

    @GetMapping
    @Operation(summary = "Every account, enabled or disabled")
    List<UserView> list() {
        return users.all().stream().map(UserView::of).toList();
    }

    @GetMapping("/{id}")
    UserView get(@PathVariable String id) {
        return UserView.of(users.get(AccountId.parse(id)));
    }

    @PostMapping
    @Operation(summary = "Create an account; 409 when the user name is taken")
    ResponseEntity<UserView> create(@RequestBody NewUser body) {
        Account user = users.create(body.command());
        return ResponseEntity.created(URI.create("/api/admin/users/" + user.id()))
                .body(UserView.of(user));
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change roles, languages or enable/disable an account")
    UserView change(@PathVariable String id, @RequestBody UserChange change) {
        AccountId userId = AccountId.parse(id);
        Account user = users.get(userId);
        if (change.roles() != null || change.languages() != null) {
            users.changeAccess(
                    userId,
                    new ChangeAccess(
                            change.roles() != null ? change.roles() : user.roles(),
                            change.languages() != null
                                    ? AccountCommands.languages(change.languages())
                                    : user.languages()));
        }
        if (change.enabled() != null) {
            users.setEnabled(userId, change.enabled());
        }
        return UserView.of(users.get(userId));
    }

    @PostMapping("/{id}/password")
    @Operation(summary = "Set a new password for an account")
    ResponseEntity<Void> resetPassword(@PathVariable String id, @RequestBody NewPassword body) {
        users.resetPassword(AccountId.parse(id), body == null ? null : body.password());
        return ResponseEntity.noContent().build();
    }
}
