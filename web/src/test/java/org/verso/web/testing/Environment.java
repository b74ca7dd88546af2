package org.verso.web.testing;

/**
 * What the tests may take for granted. On CI ({@code CI=true}) a missing prerequisite fails instead of skipping. The
 * implementation is shared with the other modules' tests: {@link org.verso.library.testing.Environment} (library's
 * test-jar); this name stays for the web tests.
 */
public final class Environment {
    private Environment() {}

    public static boolean onCi() {
        return org.verso.library.testing.Environment.onCi();
    }

    /** Skips the test with the reason, or fails it on CI where every prerequisite must be present. */
    public static void require(boolean present, String what) {
        org.verso.library.testing.Environment.require(present, what);
    }
}
