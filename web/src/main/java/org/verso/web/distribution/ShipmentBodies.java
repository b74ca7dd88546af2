package org.verso.web.distribution;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.List;
import org.verso.distribution.EditionId;
import org.verso.distribution.FunderId;
import org.verso.distribution.LocationId;
import org.verso.distribution.RecipientId;
import org.verso.distribution.Shipment;
import org.verso.distribution.ShipmentStatus;

/** Request bodies of the shipments API. Unknown fields are refused ({@code unknown-field}). */
final class ShipmentBodies {
    private ShipmentBodies() {}

    record LineBody(String edition, Integer copies, String funder) {
        @JsonAnySetter
        void unknown(String name, Object value) {
            UnknownField.refuse(name, value);
        }

        Shipment.NewLine line() {
            return new Shipment.NewLine(
                    edition == null ? null : EditionId.parse(edition),
                    copies == null ? 0 : copies,
                    funder == null || funder.isBlank() ? null : FunderId.parse(funder));
        }
    }

    record ShipmentBody(
            String location,
            String recipient,
            String senderOfRecord,
            String carrier,
            String trackingNumber,
            List<LineBody> lines) {
        @JsonAnySetter
        void unknown(String name, Object value) {
            UnknownField.refuse(name, value);
        }

        Shipment.NewShipment command() {
            return new Shipment.NewShipment(
                    location == null ? null : LocationId.parse(location),
                    recipient == null ? null : RecipientId.parse(recipient),
                    senderOfRecord,
                    carrier,
                    trackingNumber,
                    lines == null ? null : lines.stream().map(LineBody::line).toList());
        }
    }

    record DeliveredBody(Integer line, Integer copies) {
        @JsonAnySetter
        void unknown(String name, Object value) {
            UnknownField.refuse(name, value);
        }
    }

    record ShipmentStatusBody(String status, String note, List<DeliveredBody> delivered) {
        @JsonAnySetter
        void unknown(String name, Object value) {
            UnknownField.refuse(name, value);
        }

        Shipment.StatusChange command() {
            return new Shipment.StatusChange(
                    status == null ? null : ShipmentStatus.parse(status),
                    note,
                    delivered == null
                            ? null
                            : delivered.stream()
                                    .map(d -> new Shipment.Delivered(
                                            d.line() == null ? 0 : d.line(), d.copies() == null ? -1 : d.copies()))
                                    .toList());
        }
    }
}
