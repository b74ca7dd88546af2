package org.verso.web.shell;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Comparator;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.SmartView;
import org.verso.web.security.VersoPrincipal;

/**
 * Puts the signed-in user ({@code me}), the navigation of their roles ({@code nav}) and the path shown
 * ({@code currentPath}) into the model of every page that is rendered. An interceptor after the handler rather than
 * {@code @ModelAttribute} methods: JSON answers, redirects and other bodies written by the handler (a search over
 * {@code /search} with {@code Accept: application/json}) have no view and skip it, where model attribute methods ran
 * for every request to a controller (docs/search.md, Speed). Thread-safe.
 */
@Component
class Navigation implements HandlerInterceptor {
    private final List<NavItem> items;

    Navigation(List<NavItem> items) {
        this.items =
                items.stream().sorted(Comparator.comparingInt(NavItem::order)).toList();
    }

    @Override
    public void postHandle(
            HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView page) {
        if (page == null || !page.hasView() || redirect(page)) {
            return;
        }
        VersoPrincipal principal = principal();
        page.getModel().putIfAbsent("nav", visibleTo(principal));
        page.getModel().putIfAbsent("me", principal == null ? null : principal.account());
        page.getModel()
                .putIfAbsent(
                        "currentPath",
                        request.getRequestURI()
                                .substring(request.getContextPath().length()));
    }

    /** The navigation a user sees: the items of their roles, in order; none for nobody. */
    List<NavItem> visibleTo(VersoPrincipal principal) {
        if (principal == null) {
            return List.of();
        }
        return items.stream().filter(item -> item.visibleTo(principal.roles())).toList();
    }

    /** The signed-in user of this request, or null. */
    static VersoPrincipal principal() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof VersoPrincipal principal
                ? principal
                : null;
    }

    /** A redirect's model becomes its query parameters: nothing may be added to it. */
    private static boolean redirect(ModelAndView page) {
        String name = page.getViewName();
        if (name != null) {
            return name.startsWith("redirect:") || name.startsWith("forward:");
        }
        return page.getView() instanceof SmartView view && view.isRedirectView();
    }
}
