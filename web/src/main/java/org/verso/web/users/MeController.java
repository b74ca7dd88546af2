package org.verso.web.users;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the caller is. Open to every signed-in user. */
@RestController
@RequestMapping("/api/me")
class MeController {
    private final Users users;

    MeController(Users users) {
        this.users = users;
    }

    /** The signed-in user as the API shows it. */
    record Me(String username, String displayName, List<Role> roles, List<String> languages, String uiLanguage) {}

    @GetMapping
    @Operation(summary = "The signed-in user: name, roles, translation languages and interface language")
    Me me(@AuthenticationPrincipal VersoPrincipal principal) {
        User user = users.get(principal.id());
        return new Me(
                user.username(),
                user.displayName(),
                user.roles().stream().sorted().toList(),
                user.languages().stream().sorted().toList(),
                user.uiLanguage());
    }
}
