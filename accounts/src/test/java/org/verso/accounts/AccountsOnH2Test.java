package org.verso.accounts;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.verso.library.testing.TempDirs;

/** The accounts on the embedded H2 file database. */
class AccountsOnH2Test extends AccountsContract {
    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        var dir = TempDirs.create("verso-accounts-h2-");
        registry.add("verso.data-dir", dir::toString);
    }
}
