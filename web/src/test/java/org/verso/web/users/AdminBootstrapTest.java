package org.verso.web.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.verso.accounts.Account;
import org.verso.accounts.Accounts;
import org.verso.accounts.Role;
import org.verso.library.testing.TempDirs;
import org.verso.web.VersoApplication;
import org.verso.web.testing.Arguments;

/** There is no default password: the first admin's comes from the environment or is generated and shown once. */
@ExtendWith(OutputCaptureExtension.class)
class AdminBootstrapTest {

    private static ConfigurableApplicationContext start(java.nio.file.Path dataDir, String... properties) {
        return new SpringApplicationBuilder(VersoApplication.class).run(Arguments.of(dataDir, properties));
    }

    @Test
    void withoutAConfiguredPasswordARandomOneIsPrintedOnceAndWorks(CapturedOutput output) throws Exception {
        var dataDir = TempDirs.create("verso-bootstrap-");
        String password;
        try (var app = start(dataDir)) {
            var matcher = Pattern.compile("generated password: (\\S+)").matcher(output.getOut());
            assertThat(matcher.find()).as("the generated password is printed").isTrue();
            password = matcher.group(1);
            assertThat(password).hasSizeGreaterThanOrEqualTo(20);
            assertThat(app.getBean(Accounts.class).checkPassword("admin", password))
                    .isPresent();
        }
        try (var again = start(dataDir)) {
            assertThat(output.getOut().split("generated password", -1)).hasSize(2);
            assertThat(again.getBean(Accounts.class).all()).hasSize(1);
        }
    }

    @Test
    void theConfiguredPasswordIsUsedAndNeverPrinted(CapturedOutput output) {
        try (var app = start(TempDirs.create("verso-bootstrap-"), "verso.admin-password=from-the-environment")) {
            Account admin = app.getBean(Accounts.class).findByUsername("admin").orElseThrow();
            assertThat(admin.roles()).containsExactly(Role.ADMIN);
            assertThat(app.getBean(Accounts.class).checkPassword("admin", "from-the-environment"))
                    .isPresent();
            assertThat(output.getOut()).doesNotContain("from-the-environment");
        }
    }
}
