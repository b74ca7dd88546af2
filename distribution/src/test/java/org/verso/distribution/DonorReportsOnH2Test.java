package org.verso.distribution;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.verso.library.testing.TempDirs;

/** Donor reports, traceability and the dashboard on an H2 file. */
class DonorReportsOnH2Test extends DonorReportsContract {
    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        registry.add("verso.data-dir", () -> TempDirs.create("verso-distribution-reports-h2-")
                .toString());
    }
}
