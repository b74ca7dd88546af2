package org.verso.web.shell;

import java.util.Comparator;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.verso.accounts.Account;
import org.verso.web.security.VersoPrincipal;

/** Puts the signed-in user and the navigation of their roles into every page's model. */
@ControllerAdvice(annotations = Controller.class)
class Navigation {
    private final List<NavItem> items;

    Navigation(List<NavItem> items) {
        this.items =
                items.stream().sorted(Comparator.comparingInt(NavItem::order)).toList();
    }

    @ModelAttribute("nav")
    List<NavItem> nav(Authentication authentication) {
        if (authentication == null || !(authentication.getPrincipal() instanceof VersoPrincipal principal)) {
            return List.of();
        }
        return items.stream().filter(item -> item.visibleTo(principal.roles())).toList();
    }

    @ModelAttribute("currentPath")
    String currentPath(jakarta.servlet.http.HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    @ModelAttribute("me")
    Account me(Authentication authentication) {
        return authentication != null && authentication.getPrincipal() instanceof VersoPrincipal principal
                ? principal.account()
                : null;
    }
}
