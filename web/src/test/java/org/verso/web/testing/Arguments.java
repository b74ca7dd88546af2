package org.verso.web.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Command-line arguments for starting the application in a test: they win over application.yml, as in production. */
public final class Arguments {
    private Arguments() {}

    /** {@code --server.port=0 --verso.data-dir=<dir>} followed by {@code --<property>} for each given property. */
    public static String[] of(Path dataDir, String... properties) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--verso.data-dir=" + dataDir));
        for (String property : properties) {
            args.add("--" + property);
        }
        return args.toArray(String[]::new);
    }
}
