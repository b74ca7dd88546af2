package org.verso.web.distribution;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.List;
import org.verso.distribution.ShipmentReceipts;

/** The body of a receipt. Unknown fields are refused ({@code unknown-field}). */
final class ReceiptBodies {
    private ReceiptBodies() {}

    record CountBody(Integer line, Integer accepted, Integer damaged, Integer missing, String note) {
        @JsonAnySetter
        void unknown(String name, Object value) {
            UnknownField.refuse(name, value);
        }

        ShipmentReceipts.Count count() {
            return new ShipmentReceipts.Count(
                    line == null ? 0 : line,
                    accepted == null ? 0 : accepted,
                    damaged == null ? 0 : damaged,
                    missing,
                    note);
        }
    }

    record ReceiptBody(String note, List<CountBody> lines) {
        @JsonAnySetter
        void unknown(String name, Object value) {
            UnknownField.refuse(name, value);
        }

        ShipmentReceipts.ReceiptForm form() {
            return new ShipmentReceipts.ReceiptForm(
                    note,
                    lines == null ? null : lines.stream().map(CountBody::count).toList());
        }
    }
}
