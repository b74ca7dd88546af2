package org.verso.web.users;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.verso.library.testing.TempDirs;

/** The accounts on the embedded H2 file database. */
class UsersOnH2Test extends UsersContract {
    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        var dir = TempDirs.create("verso-users-h2-");
        registry.add("verso.data-dir", dir::toString);
    }
}
