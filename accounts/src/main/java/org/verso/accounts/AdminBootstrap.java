package org.verso.accounts;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.verso.accounts.AccountCommands.CreateAccount;

/**
 * On first start with an empty database, creates the {@code admin} account. Its password comes from
 * {@code VERSO_ADMIN_PASSWORD}; without it a random password is generated and printed once to the log. There is no
 * default password.
 */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {
    static final String ADMIN = "admin";
    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final Accounts accounts;
    private final AccountsProperties properties;

    AdminBootstrap(Accounts accounts, AccountsProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!accounts.none()) {
            return;
        }
        String given = properties.adminPassword();
        boolean generated = given == null || given.isEmpty();
        String password = generated ? randomPassword() : given;
        accounts.create(new CreateAccount(ADMIN, "Administrator", password, Set.of(Role.ADMIN), Set.of(), "en"));
        if (generated) {
            log.warn(
                    "\n\n    Created the account 'admin' with the generated password: {}\n"
                            + "    It is shown only this once. Sign in and change it, or set VERSO_ADMIN_PASSWORD"
                            + " before the first start.\n",
                    password);
        } else {
            log.info("Created the account 'admin' with the password from VERSO_ADMIN_PASSWORD");
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
