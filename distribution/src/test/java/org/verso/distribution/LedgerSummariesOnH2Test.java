package org.verso.distribution;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.verso.library.testing.TempDirs;

/** The ledger's summaries against the ledger, on an H2 file. */
class LedgerSummariesOnH2Test extends LedgerSummariesContract {
    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        registry.add("verso.data-dir", () -> TempDirs.create("verso-distribution-summaries-h2-")
                .toString());
    }
}
