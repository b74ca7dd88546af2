package org.verso.web.shell;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.i18n.AbstractLocaleResolver;
import org.verso.web.security.VersoPrincipal;

/**
 * The interface language: what was chosen in this session, else the signed-in user's stored choice, else the
 * browser's preference among the languages Verso speaks (English and Russian).
 */
class UserLocaleResolver extends AbstractLocaleResolver {
    static final String SESSION_KEY = UserLocaleResolver.class.getName() + ".LOCALE";
    static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.forLanguageTag("ru"));

    UserLocaleResolver() {
        setDefaultLocale(Locale.ENGLISH);
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        var session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_KEY) instanceof Locale chosen) {
            return chosen;
        }
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof VersoPrincipal principal) {
            return Locale.forLanguageTag(principal.account().uiLanguage());
        }
        Locale requested = request.getLocale();
        for (Locale supported : SUPPORTED) {
            if (requested != null && supported.getLanguage().equals(requested.getLanguage())) {
                return supported;
            }
        }
        return getDefaultLocale();
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        Locale chosen = locale == null ? null : supported(locale);
        if (chosen == null) {
            var session = request.getSession(false);
            if (session != null) {
                session.removeAttribute(SESSION_KEY);
            }
            return;
        }
        request.getSession(true).setAttribute(SESSION_KEY, chosen);
    }

    private static Locale supported(Locale locale) {
        return SUPPORTED.stream()
                .filter(l -> l.getLanguage().equals(locale.getLanguage()))
                .findFirst()
                .orElse(null);
    }
}
