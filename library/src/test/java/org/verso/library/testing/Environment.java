package org.verso.library.testing;

import static org.assertj.core.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/** What the tests may take for granted. On CI ({@code CI=true}) a missing prerequisite fails instead of skipping. */
public final class Environment {
    private Environment() {}

    public static boolean onCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Skips the test with the reason, or fails it on CI where every prerequisite must be present. */
    public static void require(boolean present, String what) {
        if (!present && onCi()) {
            fail(what + " is missing, and on CI (CI=true) every test must run. " + "Run the tests with scripts/test.");
        }
        Assumptions.assumeTrue(present, what + " is missing: skipped. scripts/test provides it.");
    }
}
