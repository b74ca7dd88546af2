package org.verso.distribution;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.verso.library.testing.TempDirs;

/** The stock on the embedded H2 file database. */
class StockOnH2Test extends StockContract {
    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        registry.add("verso.data-dir", () -> TempDirs.create("verso-distribution-h2-")
                .toString());
    }
}
