package org.verso.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.verso.distribution.ShipmentStatus.DELIVERED;
import static org.verso.distribution.ShipmentStatus.IN_TRANSIT;
import static org.verso.distribution.ShipmentStatus.LOST;
import static org.verso.distribution.ShipmentStatus.PARTLY_DELIVERED;
import static org.verso.distribution.ShipmentStatus.PLANNED;
import static org.verso.distribution.ShipmentStatus.RETURNED;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.verso.distribution.CopyRequest.Status;

/** A request's status as its shipments say, decided without a database. */
class RequestProgressTest {
    @Test
    void withoutShipmentsARequestIsOpen() {
        assertThat(RequestProgress.derive(Status.OPEN, 500, List.of(), 0)).isEqualTo(Status.OPEN);
    }

    @Test
    void aShipmentOnItsWayPlansIt() {
        assertThat(RequestProgress.derive(Status.OPEN, 500, List.of(PLANNED), 0))
                .isEqualTo(Status.PLANNED);
        assertThat(RequestProgress.derive(Status.PARTLY_FULFILLED, 500, List.of(DELIVERED, IN_TRANSIT), 300))
                .isEqualTo(Status.PLANNED);
    }

    @Test
    void everyCopyDeliveredFulfilsItEvenWhileAnotherShipmentIsOnItsWay() {
        assertThat(RequestProgress.derive(Status.PLANNED, 500, List.of(DELIVERED, PLANNED), 500))
                .isEqualTo(Status.FULFILLED);
        assertThat(RequestProgress.derive(Status.PLANNED, 500, List.of(DELIVERED), 520))
                .isEqualTo(Status.FULFILLED);
    }

    @Test
    void fewerCopiesDeliveredByShipmentsThatAllEndedFulfilItInPart() {
        assertThat(RequestProgress.derive(Status.PLANNED, 500, List.of(PARTLY_DELIVERED, LOST), 490))
                .isEqualTo(Status.PARTLY_FULFILLED);
    }

    @Test
    void nothingDeliveredByShipmentsThatAllEndedOpensItAgain() {
        assertThat(RequestProgress.derive(Status.PLANNED, 500, List.of(LOST, RETURNED), 0))
                .isEqualTo(Status.OPEN);
    }

    @Test
    void aDeclinedRequestStaysDeclined() {
        assertThat(RequestProgress.derive(Status.DECLINED, 500, List.of(DELIVERED), 500))
                .isEqualTo(Status.DECLINED);
    }
}
