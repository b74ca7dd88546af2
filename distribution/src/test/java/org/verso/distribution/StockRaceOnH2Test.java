package org.verso.distribution;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.verso.library.testing.TempDirs;

/** Concurrent stock requests on the embedded H2 file database. */
class StockRaceOnH2Test extends StockRaceContract {
    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        registry.add("verso.data-dir", () -> TempDirs.create("verso-distribution-race-h2-")
                .toString());
    }
}
