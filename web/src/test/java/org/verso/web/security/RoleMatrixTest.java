package org.verso.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.verso.accounts.AccountCommands.CreateAccount;
import org.verso.accounts.Accounts;
import org.verso.accounts.Role;
import org.verso.library.LanguageTag;
import org.verso.web.testing.WebTest;

/**
 * Every endpoint × every role: each role reaches what it should and nothing else. The expected access is declared in
 * {@code src/test/resources/access/*.tsv}, one file per feature; an endpoint without a row fails the build.
 */
@AutoConfigureMockMvc
class RoleMatrixTest extends WebTest {
    private static final String ANONYMOUS = "ANONYMOUS";
    private static final String PASSWORD = "matrix-password-1";

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts users;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private final Map<Role, UserDetails> principals = new EnumMap<>(Role.class);

    record Row(String method, String pattern, String path, Set<String> allowed, String body, String source) {
        boolean api() {
            return path.startsWith("/api/") || path.startsWith("/actuator");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @BeforeEach
    void oneUserPerRole() {
        for (Role role : Role.values()) {
            String name = "matrix-" + role.name().toLowerCase();
            if (users.findByUsername(name).isEmpty()) {
                users.create(new CreateAccount(name, null, PASSWORD, Set.of(role), Set.of(LanguageTag.of("ru")), "en"));
            }
            principals.put(role, accounts.loadUserByUsername(name));
        }
    }

    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        try {
            for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:access/*.tsv")) {
                String text = file.getContentAsString(StandardCharsets.UTF_8);
                for (String line : text.split("\n")) {
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    String[] cells = line.split("\t");
                    assertThat(cells.length)
                            .as("row of %s: %s", file.getFilename(), line)
                            .isBetween(4, 5);
                    rows.add(new Row(
                            cells[0].strip(),
                            cells[1].strip(),
                            cells[2].strip(),
                            Set.of(cells[3].strip().split(",")),
                            cells.length > 4 ? cells[4] : null,
                            file.getFilename()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    static Stream<Row> rowStream() {
        return rows().stream();
    }

    @Test
    void everyEndpointHasARow() {
        Set<String> declared = new TreeSet<>();
        rows().forEach(row -> declared.add(row.method() + " " + row.pattern()));
        Set<String> missing = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry :
                mappings.getHandlerMethods().entrySet()) {
            String owner = entry.getValue().getBeanType().getName();
            if (!owner.startsWith("org.verso.")) {
                continue; // the error controller and springdoc's own endpoints: rows cover those we expose
            }
            var methods = entry.getKey().getMethodsCondition().getMethods();
            for (String pattern : entry.getKey().getPatternValues()) {
                if (methods.isEmpty()) {
                    missing.add("ANY " + pattern);
                }
                methods.forEach(m -> {
                    if (!declared.contains(m.name() + " " + pattern)) {
                        missing.add(m.name() + " " + pattern);
                    }
                });
            }
        }
        assertThat(missing)
                .as("endpoints without a row in src/test/resources/access/*.tsv")
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rowStream")
    void eachRoleGetsInOrIsRefused(Row row) throws Exception {
        check(row, ANONYMOUS, null);
        for (Role role : Role.values()) {
            check(row, role.name(), principals.get(role));
        }
    }

    private void check(Row row, String who, UserDetails principal) throws Exception {
        boolean allowed = row.allowed().contains(ANONYMOUS) || row.allowed().contains(who);
        MockHttpServletRequestBuilder request =
                MockMvcRequestBuilders.request(HttpMethod.valueOf(row.method()), row.path());
        if (row.body() != null) {
            if (row.api()) {
                request.contentType(MediaType.APPLICATION_JSON).content(row.body());
            } else {
                request.contentType(MediaType.APPLICATION_FORM_URLENCODED).content(row.body());
            }
        }
        request.accept(row.api() ? MediaType.APPLICATION_JSON : MediaType.TEXT_HTML);
        if (principal != null) {
            request.with(user(principal));
        }
        if (!row.api()) {
            request.with(csrf());
        }
        MvcResult result = mvc.perform(request).andReturn();
        int status = result.getResponse().getStatus();
        String location = String.valueOf(result.getResponse().getRedirectedUrl());
        String body = result.getResponse().getContentAsString();
        String what = who + " " + row + " (" + row.source() + ") answered " + status + " " + location;

        if (allowed) {
            assertThat(status).as(what).isNotEqualTo(401);
            assertThat(securityRefusal(status, body, row)).as(what).isFalse();
            assertThat(location).as(what).doesNotEndWith("/login");
        } else if (principal == null) {
            if (row.api()) {
                assertThat(status).as(what).isEqualTo(401);
            } else {
                assertThat(status).as(what).isEqualTo(302);
                assertThat(location).as(what).endsWith("/login");
            }
        } else {
            assertThat(securityRefusal(status, body, row)).as(what).isTrue();
        }
    }

    /** A 403 given by security, not a domain refusal (which has a more specific problem type). */
    private static boolean securityRefusal(int status, String body, Row row) {
        if (status != 403) {
            return false;
        }
        return !row.api() || body.contains("urn:verso:problem:forbidden");
    }
}
