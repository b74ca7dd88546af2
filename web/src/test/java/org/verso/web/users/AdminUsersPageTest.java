package org.verso.web.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.verso.accounts.Accounts;
import org.verso.web.testing.WebTest;

/** The admin's form refuses bad input with a clear message and stores nothing; sign-in refusals are told apart. */
@AutoConfigureMockMvc
class AdminUsersPageTest extends WebTest {
    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts users;

    @Autowired
    UserDetailsService accounts;

    private String createAs(String... form) throws Exception {
        var request = post("/admin/users").with(csrf()).with(user(accounts.loadUserByUsername("admin")));
        for (int i = 0; i < form.length; i += 2) {
            request.param(form[i], form[i + 1]);
        }
        return mvc.perform(request).andReturn().getResponse().getContentAsString();
    }

    @Test
    void aTooShortPasswordIsRefusedAndNothingIsStored() throws Exception {
        int before = users.all().size();

        String page =
                createAs("username", "page-short", "password", "short", "roles", "TRANSLATOR", "uiLanguage", "en");

        assertThat(page).contains("Check the form:").contains("at least 12 characters");
        assertThat(page).contains("value=\"page-short\""); // what was typed is kept
        assertThat(users.all()).hasSize(before);
    }

    @Test
    void aTakenNameIsRefusedAndNothingIsStored() throws Exception {
        createAs("username", "page-twice", "password", "long-enough-pass", "roles", "LOGISTICS", "uiLanguage", "en");
        int before = users.all().size();

        String page = createAs(
                "username", "page-twice", "password", "long-enough-pass", "roles", "LOGISTICS", "uiLanguage", "en");

        assertThat(page).contains("This user name is already taken.");
        assertThat(users.all()).hasSize(before);
    }

    @Test
    void aFormWithoutTheCsrfTokenIsRefused() throws Exception {
        int before = users.all().size();

        mvc.perform(post("/admin/users")
                        .with(user(accounts.loadUserByUsername("admin")))
                        .param("username", "page-forged")
                        .param("password", "long-enough-pass")
                        .param("roles", "ADMIN"))
                .andExpect(status().isForbidden());

        assertThat(users.all()).hasSize(before);
    }

    @Test
    void repeatedWrongPasswordsOnTheFormLeadToTheLockedMessage() throws Exception {
        createAs("username", "page-locked", "password", "long-enough-pass", "roles", "LOGISTICS", "uiLanguage", "en");
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin().user("page-locked").password("wrong-" + i))
                    .andExpect(redirectedUrl("/login?error"));
        }

        mvc.perform(formLogin().user("page-locked").password("long-enough-pass"))
                .andExpect(redirectedUrl("/login?locked"));
    }
}
