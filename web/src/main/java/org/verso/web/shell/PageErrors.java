package org.verso.web.shell;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.verso.library.DomainException;
import org.verso.search.InvalidQueryException;

/**
 * A refusal as a page says it to the person who caused it. The domain's messages are English sentences for people
 * (and the API's problem details keep them); in another interface language the page says what is wrong by the
 * refusal's code ({@code problem.<code>}) and, for a query, at which position. Thread-safe.
 */
@Component
public class PageErrors {
    private final MessageSource messages;

    PageErrors(MessageSource messages) {
        this.messages = messages;
    }

    public String say(DomainException e) {
        Locale locale = LocaleContextHolder.getLocale();
        if (locale.getLanguage().equals(Locale.ENGLISH.getLanguage())) {
            return e.getMessage();
        }
        String said = messages.getMessage("problem." + e.code(), null, null, locale);
        if (said == null) {
            said = messages.getMessage("problem.other", null, e.getMessage(), locale);
        }
        if (e instanceof InvalidQueryException query && query.position() > 0) {
            said = said + " " + messages.getMessage("problem.atPosition", new Object[] {query.position()}, locale);
        }
        return said;
    }
}
