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
import org.verso.web.users.UserCommands.ChangeAccess;
import org.verso.web.users.UserCommands.CreateUser;

/** Account administration over the API. Admins only. */
@RestController
@RequestMapping("/api/admin/users")
@PreAuthorize("hasRole('ADMIN')")
class UsersApiController {
    private final Users users;

    UsersApiController(Users users) {
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
        static UserView of(User user) {
            return new UserView(
                    user.id().toString(),
                    user.username(),
                    user.displayName(),
                    user.enabled(),
                    user.roles().stream().sorted().toList(),
                    user.languages().stream().sorted().toList(),
                    user.uiLanguage(),
                    user.createdAt());
        }
    }

    /** Changes to an account; absent fields stay as they are. */
    record UserChange(Set<Role> roles, Set<String> languages, Boolean enabled) {}

    record NewPassword(String password) {}

    @GetMapping
    @Operation(summary = "Every account, enabled or disabled")
    List<UserView> list() {
        return users.all().stream().map(UserView::of).toList();
    }

    @GetMapping("/{id}")
    UserView get(@PathVariable String id) {
        return UserView.of(users.get(UserId.parse(id)));
    }

    @PostMapping
    @Operation(summary = "Create an account; 409 when the user name is taken")
    ResponseEntity<UserView> create(@RequestBody CreateUser command) {
        User user = users.create(command);
        return ResponseEntity.created(URI.create("/api/admin/users/" + user.id()))
                .body(UserView.of(user));
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change roles, languages or enable/disable an account")
    UserView change(@PathVariable String id, @RequestBody UserChange change) {
        UserId userId = UserId.parse(id);
        User user = users.get(userId);
        if (change.roles() != null || change.languages() != null) {
            users.changeAccess(
                    userId,
                    new ChangeAccess(
                            change.roles() != null ? change.roles() : user.roles(),
                            change.languages() != null ? change.languages() : user.languages()));
        }
        if (change.enabled() != null) {
            users.setEnabled(userId, change.enabled());
        }
        return UserView.of(users.get(userId));
    }

    @PostMapping("/{id}/password")
    @Operation(summary = "Set a new password for an account")
    ResponseEntity<Void> resetPassword(@PathVariable String id, @RequestBody NewPassword body) {
        users.resetPassword(UserId.parse(id), body == null ? null : body.password());
        return ResponseEntity.noContent().build();
    }
}
