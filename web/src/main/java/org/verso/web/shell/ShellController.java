package org.verso.web.shell;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;
import org.verso.accounts.Accounts;
import org.verso.web.security.VersoPrincipal;

/** Sign-in page, home page, the 403 page and the interface-language switch. */
@Controller
class ShellController {
    private final Accounts users;
    private final LocaleResolver locales;
    private final List<TileFigures> figures;
    private final Navigation navigation;

    ShellController(Accounts users, LocaleResolver locales, List<TileFigures> figures, Navigation navigation) {
        this.users = users;
        this.locales = locales;
        this.figures = figures;
        this.navigation = navigation;
    }

    @Bean
    static NavItem homeNav() {
        return new NavItem("nav.home", "/", 0, Set.of());
    }

    @Bean
    static NavItem apiNav() {
        return new NavItem("nav.api", "/swagger-ui/index.html", 1000, Set.of());
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    /** The home page: a tile for each place the user may open, saying what it is for and what waits there. */
    @GetMapping("/")
    String home(Model model) {
        Set<String> shown = navigation.visibleTo(Navigation.principal()).stream()
                .map(NavItem::href)
                .collect(Collectors.toSet());
        Map<String, List<TileFigure>> byTile = new LinkedHashMap<>();
        for (TileFigures source : figures) {
            for (TileFigure figure : source.figures()) {
                if (shown.contains(figure.href())) {
                    byTile.computeIfAbsent(figure.href(), href -> new ArrayList<>())
                            .add(figure);
                }
            }
        }
        model.addAttribute("figures", byTile);
        return "home";
    }

    /**
     * Where refused page requests are forwarded, whatever their method (a refused form arrives as a POST); the refusal
     * already set the status 403. A form without a valid CSRF token (an old page, a session that ended) is told apart
     * from a role that does not reach the page: the first needs a reload or a new sign-in, the second will not work.
     */
    @RequestMapping(
            path = "/error/403",
            method = {RequestMethod.GET, RequestMethod.POST})
    String forbidden(HttpServletRequest request, Model model) {
        model.addAttribute("expired", request.getAttribute(WebAttributes.ACCESS_DENIED_403) instanceof CsrfException);
        return "error/403";
    }

    /** Stores the chosen interface language with the account and uses it at once. */
    @PostMapping("/settings/language")
    String language(
            @AuthenticationPrincipal VersoPrincipal principal,
            @RequestParam String language,
            @RequestHeader(name = "Referer", required = false) String referer,
            HttpServletRequest request,
            HttpServletResponse response) {
        users.changeUiLanguage(principal.id(), language);
        locales.setLocale(request, response, Locale.forLanguageTag(language));
        return "redirect:" + (referer != null && referer.startsWith(base(request)) ? referer : "/");
    }

    private static String base(HttpServletRequest request) {
        return request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort() + "/";
    }
}
