package org.verso.web.users;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.verso.accounts.Account;
import org.verso.accounts.Accounts;
import org.verso.accounts.Role;
import org.verso.library.LanguageTag;
import org.verso.web.security.VersoPrincipal;

/** Who the caller is. Open to every signed-in user. */
@RestController
@RequestMapping("/api/me")
class MeController {
    private final Accounts users;

    MeController(Accounts users) {
        this.users = users;
    }

    /** The signed-in user as the API shows it. */
    record Me(String username, String displayName, List<Role> roles, List<String> languages, String uiLanguage) {}

    @GetMapping
    @Operation(summary = "The signed-in user: name, roles, translation languages and interface language")
    Me me(@AuthenticationPrincipal VersoPrincipal principal) {
        Account user = users.get(principal.id());
        return new Me(
                user.username(),
                user.displayName(),
                user.roles().stream().sorted().toList(),
                user.languages().stream().sorted().map(LanguageTag::value).toList(),
                user.uiLanguage());
    }
}
