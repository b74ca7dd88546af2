package org.verso.web.testing;

import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.verso.library.testing.TempDirs;
import org.verso.web.VersoApplication;

/**
 * Base of tests that run the whole application on a random port, on embedded defaults: an H2 file database, the
 * index and the file store under a fresh data directory shared by every test class that extends this one (so they
 * share one application context). Tests must not assume an empty database: they create what they need with names of
 * their own.
 */
@SpringBootTest(classes = VersoApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class WebTest {
    public static final String ADMIN_PASSWORD = "test-admin-password-1";
    private static final Path DATA_DIR = TempDirs.create("verso-test-data-");

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void embeddedDefaults(DynamicPropertyRegistry registry) {
        registry.add("verso.data-dir", DATA_DIR::toString);
        registry.add("verso.admin-password", () -> ADMIN_PASSWORD);
    }

    protected Http http() {
        return new Http(port);
    }

    protected Http admin() {
        return http().as("admin", ADMIN_PASSWORD);
    }
}
