package org.verso.distribution;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.verso.library.testing.TempDirs;

/** Shipments on the embedded H2 file database. */
class ShipmentsOnH2Test extends ShipmentsContract {
    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        registry.add("verso.data-dir", () -> TempDirs.create("verso-distribution-shipments-h2-")
                .toString());
    }
}
