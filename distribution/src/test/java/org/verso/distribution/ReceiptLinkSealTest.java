package org.verso.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seal of receipt-link tokens, without a database: the key kept in the data directory, the shipment bound. */
class ReceiptLinkSealTest {
    @TempDir
    Path data;

    @Test
    void aSealedTokenOpensOnlyForItsShipmentAndWithTheKeyOfItsDataDirectory() throws Exception {
        ShipmentId shipment = ShipmentId.random();
        var seal = new ReceiptLinkSeal(data.resolve("keys/receipt-links.key"));

        String sealed = seal.seal("Abc_def-123456789012345x", shipment);

        assertThat(sealed).doesNotContain("Abc_def");
        assertThat(Files.size(data.resolve("keys/receipt-links.key"))).isEqualTo(32);
        assertThat(seal.open(sealed, shipment)).isEqualTo("Abc_def-123456789012345x");
        assertThat(new ReceiptLinkSeal(data.resolve("keys/receipt-links.key")).open(sealed, shipment))
                .isEqualTo("Abc_def-123456789012345x");
        assertThat(seal.open(sealed, ShipmentId.random())).isNull();
        assertThat(new ReceiptLinkSeal(data.resolve("other/receipt-links.key")).open(sealed, shipment))
                .isNull();
        assertThat(seal.open("not sealed at all", shipment)).isNull();
    }
}
