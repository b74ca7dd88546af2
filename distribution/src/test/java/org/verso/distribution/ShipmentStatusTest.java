package org.verso.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The shipment's state machine, without a database: one step on at a time, never back. */
class ShipmentStatusTest {
    @Test
    void eachStatusMayOnlyBecomeItsNextStep() {
        ShipmentStatus.PLANNED.requireStep(ShipmentStatus.PACKED);
        ShipmentStatus.PACKED.requireStep(ShipmentStatus.DISPATCHED);
        ShipmentStatus.DISPATCHED.requireStep(ShipmentStatus.IN_TRANSIT);
        for (ShipmentStatus end : new ShipmentStatus[] {
            ShipmentStatus.DELIVERED, ShipmentStatus.PARTLY_DELIVERED, ShipmentStatus.RETURNED, ShipmentStatus.LOST
        }) {
            ShipmentStatus.IN_TRANSIT.requireStep(end);
            assertThat(end.next()).isEmpty();
        }
    }

    @Test
    void aSkippedStepIsRefusedAndNamesTheAllowedOne() {
        assertThatThrownBy(() -> ShipmentStatus.PLANNED.requireStep(ShipmentStatus.DISPATCHED))
                .isInstanceOfSatisfying(DistributionConflict.class, e -> {
                    assertThat(e.code()).isEqualTo("status-step-not-allowed");
                    assertThat(e.properties())
                            .containsEntry("from", "planned")
                            .containsEntry("to", "dispatched")
                            .containsEntry("allowed", java.util.List.of("packed", "cancelled"));
                });
    }

    @Test
    void onlyAShipmentNotYetDispatchedMayBeCancelledAndCancellingEndsIt() {
        ShipmentStatus.PLANNED.requireStep(ShipmentStatus.CANCELLED);
        ShipmentStatus.PACKED.requireStep(ShipmentStatus.CANCELLED);
        assertThat(ShipmentStatus.CANCELLED.next()).isEmpty();
        assertThatThrownBy(() -> ShipmentStatus.DISPATCHED.requireStep(ShipmentStatus.CANCELLED))
                .isInstanceOf(DistributionConflict.class);
        assertThatThrownBy(() -> ShipmentStatus.IN_TRANSIT.requireStep(ShipmentStatus.CANCELLED))
                .isInstanceOf(DistributionConflict.class);
    }

    @Test
    void aStepBackwardsOrOutOfAnEndedShipmentIsRefused() {
        assertThatThrownBy(() -> ShipmentStatus.DISPATCHED.requireStep(ShipmentStatus.PACKED))
                .isInstanceOf(DistributionConflict.class);
        assertThatThrownBy(() -> ShipmentStatus.DELIVERED.requireStep(ShipmentStatus.IN_TRANSIT))
                .isInstanceOf(DistributionConflict.class);
        assertThatThrownBy(() -> ShipmentStatus.PACKED.requireStep(ShipmentStatus.PACKED))
                .isInstanceOf(DistributionConflict.class);
    }

    @Test
    void statusesAreReadInAnyCaseWithDashesOrUnderscores() {
        assertThat(ShipmentStatus.parse("In-Transit")).isEqualTo(ShipmentStatus.IN_TRANSIT);
        assertThat(ShipmentStatus.parse("partly_delivered")).isEqualTo(ShipmentStatus.PARTLY_DELIVERED);
        assertThatThrownBy(() -> ShipmentStatus.parse("teleported"))
                .isInstanceOfSatisfying(DistributionInputInvalid.class, e -> assertThat(e.code())
                        .isEqualTo("invalid-shipment-status"));
    }
}
