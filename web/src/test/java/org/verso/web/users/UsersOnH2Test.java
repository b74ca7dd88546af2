package org.verso.web.users;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.verso.web.testing.WebTest;

/** The accounts on the embedded H2 file database. */
class UsersOnH2Test extends UsersContract {
    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        var dir = WebTest.tempDir("verso-users-h2-");
        registry.add("verso.data-dir", dir::toString);
    }
}
