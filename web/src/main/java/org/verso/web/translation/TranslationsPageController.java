package org.verso.web.translation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.verso.accounts.Account;
import org.verso.accounts.Accounts;
import org.verso.accounts.Role;
import org.verso.library.DocumentKind;
import org.verso.library.DocumentQuery;
import org.verso.library.Documents;
import org.verso.library.LanguageTag;
import org.verso.web.security.VersoPrincipal;
import org.verso.web.shell.NavItem;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pages of translation work: the work list, a translation's overview, the segment editor (and its review mode)
 * and the coverage matrix. The pages are shells; their scripts read and write the JSON of {@link TranslationsPageJson}
 * (the API's own answers), with the page's messages handed over as a JSON block.
 */
@Controller
@PreAuthorize("hasAnyRole('TRANSLATOR','COORDINATOR','ADMIN')")
class TranslationsPageController {
    private static final List<String> SCRIPT_PREFIXES = List.of("work.", "editor.");

    private final Accounts accounts;
    private final Documents documents;
    private final MessageSource messages;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final List<String> scriptKeys;

    TranslationsPageController(Accounts accounts, Documents documents, MessageSource messages) {
        this.accounts = accounts;
        this.documents = documents;
        this.messages = messages;
        this.scriptKeys = scriptKeys();
    }

    @Bean
    static NavItem translationsNav() {
        return new NavItem(
                "nav.translations", "/translations", 150, Set.of(Role.TRANSLATOR, Role.COORDINATOR, Role.ADMIN));
    }

    @Bean
    static NavItem coverageNav() {
        return new NavItem("nav.coverage", "/coverage", 160, Set.of(Role.TRANSLATOR, Role.COORDINATOR, Role.ADMIN));
    }

    @GetMapping("/translations")
    String list(@RequestParam(required = false) String document, Authentication auth, Locale locale, Model model) {
        Account me = me(auth);
        shell(me, locale, model);
        model.addAttribute("document", document);
        if (coordinates(me)) {
            model.addAttribute(
                    "documents",
                    documents
                            .list(DocumentQuery.firstPage(DocumentQuery.MAX_SIZE))
                            .items());
            model.addAttribute("translators", translators());
        }
        return "translation/list";
    }

    @GetMapping("/translations/{id}")
    String overview(@PathVariable String id, Authentication auth, Locale locale, Model model) {
        Account me = me(auth);
        shell(me, locale, model);
        model.addAttribute("translationId", id);
        if (coordinates(me)) {
            model.addAttribute("translators", translators());
        }
        return "translation/overview";
    }

    @GetMapping("/translations/{id}/edit")
    String edit(@PathVariable String id, Authentication auth, Locale locale, Model model) {
        shell(me(auth), locale, model);
        model.addAttribute("translationId", id);
        model.addAttribute("review", false);
        return "translation/editor";
    }

    @GetMapping("/translations/{id}/review")
    String review(@PathVariable String id, Authentication auth, Locale locale, Model model) {
        shell(me(auth), locale, model);
        model.addAttribute("translationId", id);
        model.addAttribute("review", true);
        return "translation/editor";
    }

    @GetMapping("/coverage")
    String coverage(Authentication auth, Locale locale, Model model) {
        shell(me(auth), locale, model);
        model.addAttribute("kinds", DocumentKind.values());
        return "translation/coverage";
    }

    /** A translator as the assignee choice shows them: the languages they translate into. */
    record Translator(String id, String name, String languages) {}

    private List<Translator> translators() {
        return accounts.all().stream()
                .filter(a -> a.enabled() && a.has(Role.TRANSLATOR))
                .map(a -> new Translator(
                        a.id().value().toString(),
                        a.displayName() == null || a.displayName().isBlank() ? a.username() : a.displayName(),
                        String.join(
                                " ",
                                new TreeSet<>(a.languages().stream()
                                        .map(LanguageTag::value)
                                        .toList()))))
                .toList();
    }

    private void shell(Account me, Locale locale, Model model) {
        model.addAttribute("coordinator", coordinates(me));
        model.addAttribute("meId", me.id().value().toString());
        model.addAttribute("script", scriptData(me, locale));
    }

    private String scriptData(Account me, Locale locale) {
        Map<String, String> text = new LinkedHashMap<>();
        for (String key : scriptKeys) {
            text.put(key, messages.getMessage(key, null, key, locale));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("me", Map.of("id", me.id().value().toString(), "coordinator", coordinates(me)));
        data.put("locale", locale.getLanguage());
        data.put("text", text);
        // written raw into a <script type="application/json"> block: no "<" may close it
        return JSON.writeValueAsString(data).replace("<", "\\u003c");
    }

    private static boolean coordinates(Account me) {
        return me.has(Role.COORDINATOR) || me.has(Role.ADMIN);
    }

    private static Account me(Authentication auth) {
        return ((VersoPrincipal) auth.getPrincipal()).account();
    }

    private static List<String> scriptKeys() {
        var keys = new ArrayList<String>();
        var props = new Properties();
        try (InputStream in = TranslationsPageController.class.getResourceAsStream("/i18n/translation.properties")) {
            props.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String key : props.stringPropertyNames()) {
            if (SCRIPT_PREFIXES.stream().anyMatch(key::startsWith)) {
                keys.add(key);
            }
        }
        keys.sort(null);
        return List.copyOf(keys);
    }
}
