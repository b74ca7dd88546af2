package org.verso.web.users;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.verso.accounts.Account;
import org.verso.accounts.AccountCommands;
import org.verso.accounts.AccountCommands.ChangeAccess;
import org.verso.accounts.AccountCommands.CreateAccount;
import org.verso.accounts.AccountId;
import org.verso.accounts.Accounts;
import org.verso.accounts.Role;
import org.verso.library.DomainException;
import org.verso.library.LanguageTag;
import org.verso.web.shell.NavItem;

/** The admin's page of accounts: create, change roles and languages, disable and enable, reset passwords. */
@Controller
@RequestMapping("/admin/users")
@PreAuthorize("hasRole('ADMIN')")
class AdminUsersController {
    private final Accounts users;

    AdminUsersController(Accounts users) {
        this.users = users;
    }

    @Bean
    static NavItem usersNav() {
        return new NavItem("nav.users", "/admin/users", 900, Set.of(Role.ADMIN));
    }

    /** The create form as posted. */
    record UserForm(
            String username,
            String displayName,
            String password,
            List<Role> roles,
            String languages,
            String uiLanguage) {}

    @ModelAttribute("allRoles")
    List<Role> allRoles() {
        return List.of(Role.values());
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("users", users.all());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new UserForm("", "", "", List.of(Role.TRANSLATOR), "", "ru"));
        }
        return "admin/users";
    }

    @PostMapping
    String create(@ModelAttribute("form") UserForm form, Model model, RedirectAttributes redirect) {
        try {
            Account user = users.create(new CreateAccount(
                    form.username(),
                    form.displayName(),
                    form.password(),
                    roles(form.roles()),
                    languages(form.languages()),
                    form.uiLanguage()));
            redirect.addFlashAttribute("done", "admin.users.created");
            redirect.addFlashAttribute("doneArg", user.username());
            return "redirect:/admin/users";
        } catch (DomainException e) {
            model.addAttribute("error", e);
            return list(model);
        }
    }

    @PostMapping("/{id}/access")
    String access(
            @PathVariable String id,
            @RequestParam(required = false) List<Role> roles,
            @RequestParam(defaultValue = "") String languages,
            RedirectAttributes redirect) {
        return act(
                redirect,
                "admin.users.saved",
                () -> users.changeAccess(AccountId.parse(id), new ChangeAccess(roles(roles), languages(languages))));
    }

    @PostMapping("/{id}/enabled")
    String enabled(@PathVariable String id, @RequestParam boolean enabled, RedirectAttributes redirect) {
        return act(
                redirect,
                enabled ? "admin.users.enabled" : "admin.users.disabled",
                () -> users.setEnabled(AccountId.parse(id), enabled));
    }

    /** The same with htmx: answers the account's row alone, swapped in place, with a refusal shown in the row. */
    @PostMapping(value = "/{id}/enabled", headers = "HX-Request=true")
    String enabledRow(@PathVariable String id, @RequestParam boolean enabled, Model model) {
        AccountId userId = AccountId.parse(id);
        try {
            users.setEnabled(userId, enabled);
        } catch (DomainException e) {
            model.addAttribute("rowError", e);
        }
        model.addAttribute("u", users.get(userId));
        return "admin/users :: row";
    }

    @PostMapping("/{id}/password")
    String password(@PathVariable String id, @RequestParam String password, RedirectAttributes redirect) {
        return act(redirect, "admin.users.passwordReset", () -> users.resetPassword(AccountId.parse(id), password));
    }

    private String act(RedirectAttributes redirect, String doneKey, java.util.function.Supplier<Account> action) {
        try {
            Account user = action.get();
            redirect.addFlashAttribute("done", doneKey);
            redirect.addFlashAttribute("doneArg", user.username());
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", e);
        }
        return "redirect:/admin/users";
    }

    private static Set<Role> roles(List<Role> roles) {
        return roles == null ? Set.of() : EnumSet.copyOf(roles.isEmpty() ? EnumSet.noneOf(Role.class) : roles);
    }

    private static Set<LanguageTag> languages(String text) {
        if (text == null || text.isBlank()) {
            return Set.of();
        }
        return AccountCommands.languages(
                Arrays.stream(text.split("[,;\\s]+")).filter(s -> !s.isBlank()).collect(Collectors.toSet()));
    }
}
