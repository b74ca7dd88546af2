package org.verso.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.verso.accounts.AccountId;
import org.verso.distribution.PrintRun.Share;
import org.verso.distribution.Recipient.NewRecipient;
import org.verso.distribution.Shipment.Delivered;
import org.verso.distribution.Shipment.NewLine;
import org.verso.distribution.Shipment.NewShipment;
import org.verso.distribution.Shipment.StatusChange;
import org.verso.library.LanguageTag;

/** Shipments on a real database: each status change, the ledger movements it writes, and dispatches racing. */
@SpringBootTest(classes = DistributionTestApplication.class)
abstract class ShipmentsContract {
    static final AccountId PACKER = new AccountId(UUID.fromString("00000000-0000-0000-0000-0000000000b2"));

    @Autowired
    Shipments shipments;

    @Autowired
    Recipients recipients;

    @Autowired
    Stock stock;

    @Autowired
    StockFixtures given;

    /** An edition with 3 copies of the Council of Europe and 2 of the foundation at an office. */
    record Setup(Edition edition, Location office, Funder coe, Funder foundation, Recipient branch) {
        int held(StockFixtures given) {
            return given.balance(edition, office, coe) + given.balance(edition, office, foundation);
        }
    }

    Setup fiveCopies() {
        var edition = given.edition("Charter");
        var office = given.location("Office");
        var coe = given.funder("Council of Europe");
        var foundation = given.funder("German foundation");
        given.received(edition, office, Share.of(coe.id(), 3), Share.of(foundation.id(), 2));
        var branch = recipients.create(new NewRecipient(
                StockFixtures.unique("Kazan branch"),
                RecipientKind.BRANCH,
                null,
                "Tatarstan",
                "Kazan",
                null,
                null,
                LanguageTag.of("ru")));
        return new Setup(edition, office, coe, foundation, branch);
    }

    Shipment plan(Setup s, int copies, FunderId funder) {
        return shipments.create(
                new NewShipment(
                        s.office().id(),
                        s.branch().id(),
                        "Kazan Federal University",
                        "Post",
                        "RA123",
                        List.of(new NewLine(s.edition().id(), copies, funder))),
                PACKER);
    }

    Shipments.Changed step(Shipment shipment, ShipmentStatus status) {
        return shipments.changeStatus(shipment.id(), new StatusChange(status, null, null), null, PACKER);
    }

    int inTransit(Setup s, Funder funder) {
        return stock.balance(new StockItem(s.edition().id(), Shipments.IN_TRANSIT, funder.id()));
    }

    @Test
    void aShipmentGoesStepByStepEachChangeWithWhoAndWhenAndTheLedgerFollows() {
        Setup s = fiveCopies();
        Shipment planned = plan(s, 4, null);

        step(planned, ShipmentStatus.PACKED);
        var dispatched = step(planned, ShipmentStatus.DISPATCHED);
        step(planned, ShipmentStatus.IN_TRANSIT);
        assertThat(s.held(given)).isEqualTo(1);
        assertThat(inTransit(s, s.coe()) + inTransit(s, s.foundation())).isEqualTo(4);
        var delivered = step(planned, ShipmentStatus.DELIVERED);

        Shipment done = delivered.shipment();
        assertThat(done.status()).isEqualTo(ShipmentStatus.DELIVERED);
        assertThat(done.senderOfRecord()).isEqualTo("Kazan Federal University");
        assertThat(done.history())
                .extracting(Shipment.Event::status)
                .containsExactly(
                        ShipmentStatus.PLANNED,
                        ShipmentStatus.PACKED,
                        ShipmentStatus.DISPATCHED,
                        ShipmentStatus.IN_TRANSIT,
                        ShipmentStatus.DELIVERED);
        assertThat(done.history()).allSatisfy(e -> {
            assertThat(e.actor()).isEqualTo(PACKER);
            assertThat(e.at()).isNotNull();
        });
        // 4 of 3 + 2 in proportion: 2.4 and 1.6 → 2 and 1, the copy left to the larger remainder (0.6): 2 and 2
        assertThat(dispatched.movements())
                .allSatisfy(m -> assertThat(m.type()).isEqualTo(MovementType.DISPATCHED))
                .filteredOn(m -> m.location().equals(s.office().id()))
                .extracting(Movement::quantity)
                .containsExactlyInAnyOrder(-2, -2);
        assertThat(delivered.movements())
                .allSatisfy(m -> assertThat(m.type()).isEqualTo(MovementType.DELIVERED))
                .allSatisfy(m -> assertThat(m.location()).isEqualTo(Shipments.IN_TRANSIT))
                .extracting(Movement::quantity)
                .containsExactlyInAnyOrder(-2, -2);
        assertThat(inTransit(s, s.coe()) + inTransit(s, s.foundation())).isZero();
        assertThat(stock.disagreements()).isEmpty();
    }

    @Test
    void aSkippedOrBackwardStepIsRefusedAndChangesNothing() {
        Setup s = fiveCopies();
        Shipment shipment = plan(s, 2, null);

        assertThatThrownBy(() -> step(shipment, ShipmentStatus.DISPATCHED))
                .isInstanceOfSatisfying(
                        DistributionConflict.class, e -> assertThat(e.code()).isEqualTo("status-step-not-allowed"));
        step(shipment, ShipmentStatus.PACKED);
        step(shipment, ShipmentStatus.DISPATCHED);
        assertThatThrownBy(() -> step(shipment, ShipmentStatus.PACKED)).isInstanceOf(DistributionConflict.class);
        assertThatThrownBy(() -> step(shipment, ShipmentStatus.DELIVERED)).isInstanceOf(DistributionConflict.class);

        Shipment now = shipments.get(shipment.id());
        assertThat(now.status()).isEqualTo(ShipmentStatus.DISPATCHED);
        assertThat(now.history()).hasSize(3);
        assertThat(s.held(given)).isEqualTo(3);
    }

    @Test
    void aShipmentOfMoreThanTheStockIsRefusedWhenPlannedAndOneWhoseCopiesWereLostMeanwhileStaysPacked() {
        Setup s = fiveCopies();
        long before = shipments.list(Shipments.Filter.ALL, new Paging(1, 1)).total();

        assertThatThrownBy(() -> plan(s, 6, null))
                .isInstanceOfSatisfying(
                        InsufficientStock.class, e -> assertThat(e.available()).isEqualTo(5));
        assertThatThrownBy(() -> plan(s, 3, s.foundation().id()))
                .isInstanceOfSatisfying(
                        InsufficientStock.class, e -> assertThat(e.available()).isEqualTo(2));
        assertThat(shipments.list(Shipments.Filter.ALL, new Paging(1, 1)).total())
                .isEqualTo(before);
        Shipment planned = plan(s, 5, null);
        step(planned, ShipmentStatus.PACKED);
        given.dispatch(s.edition(), s.office(), s.coe().id(), 1); // taken by hand, past the reservation

        assertThatThrownBy(() -> step(planned, ShipmentStatus.DISPATCHED))
                .isInstanceOfSatisfying(
                        InsufficientStock.class, e -> assertThat(e.available()).isEqualTo(4));

        assertThat(shipments.get(planned.id()).status()).isEqualTo(ShipmentStatus.PACKED);
        assertThat(shipments.get(planned.id()).history()).hasSize(2);
        assertThat(s.held(given)).isEqualTo(4);
        assertThat(inTransit(s, s.coe()) + inTransit(s, s.foundation())).isZero();
    }

    @Test
    void plannedAndPackedShipmentsReserveTheirCopiesUntilDispatchedOrCancelled() {
        Setup s = fiveCopies();
        Shipment three = plan(s, 3, null);
        step(three, ShipmentStatus.PACKED);

        assertThatThrownBy(() -> plan(s, 3, null)).isInstanceOfSatisfying(InsufficientStock.class, e -> {
            assertThat(e.code()).isEqualTo("insufficient-stock");
            assertThat(e.available()).isEqualTo(2);
        });
        assertThatThrownBy(() -> allocations.create(equal(s, 3, List.of(s.branch())), PACKER))
                .isInstanceOfSatisfying(
                        InsufficientStock.class, e -> assertThat(e.available()).isEqualTo(2));
        Shipment foundations = plan(s, 2, s.foundation().id()); // the foundation's 2: the 3 may still come from CoE's
        assertThatThrownBy(() -> plan(s, 1, s.coe().id()))
                .isInstanceOfSatisfying(
                        InsufficientStock.class, e -> assertThat(e.available()).isZero());
        var balances = stock.balances(
                        new StockFilter(s.edition().id(), s.office().id(), null), new Paging(1, 10))
                .items();
        assertThat(balances).extracting(Balance::quantity).containsExactlyInAnyOrder(3, 2);
        assertThat(balances).extracting(Balance::reserved).containsExactlyInAnyOrder(3, 2);
        assertThat(balances).extracting(Balance::available).containsOnly(0);

        var cancelled = step(three, ShipmentStatus.CANCELLED);

        assertThat(cancelled.shipment().status()).isEqualTo(ShipmentStatus.CANCELLED);
        assertThat(cancelled.movements()).isEmpty();
        assertThatThrownBy(() -> step(three, ShipmentStatus.DISPATCHED)).isInstanceOf(DistributionConflict.class);
        assertThat(plan(s, 3, s.coe().id()).copies()).isEqualTo(3);
        step(foundations, ShipmentStatus.PACKED);
        step(foundations, ShipmentStatus.DISPATCHED);
        assertThat(stock.balances(
                                new StockFilter(
                                        s.edition().id(),
                                        s.office().id(),
                                        s.coe().id()),
                                new Paging(1, 10))
                        .items())
                .singleElement()
                .satisfies(b -> {
                    assertThat(b.quantity()).isEqualTo(3);
                    assertThat(b.reserved()).isEqualTo(3);
                    assertThat(b.available()).isZero();
                });
    }

    @Test
    void twoPlansForTheLastCopiesAtOnceExactlyOneWins() throws Exception {
        for (int round = 0; round < 5; round++) {
            Setup s = fiveCopies();
            var first = allocations.create(equal(s, 4, List.of(s.branch())), PACKER);
            var second = allocations.create(equal(s, 3, List.of(s.branch())), PACKER);
            CountDownLatch start = new CountDownLatch(1);

            List<Object> outcomes = StockRaceContract.runTogether(
                    List.of(() -> planAfter(start, first), () -> planAfter(start, second)), start);

            assertThat(outcomes).filteredOn(o -> o instanceof Allocation).hasSize(1);
            assertThat(outcomes)
                    .filteredOn(o -> o instanceof InsufficientStock)
                    .singleElement()
                    .satisfies(
                            e -> assertThat(((InsufficientStock) e).available()).isIn(1, 2));
            var planned = shipments.list(new Shipments.Filter(null, s.branch().id(), false), new Paging(1, 10));
            assertThat(planned.items()).hasSize(1);
            assertThat(planned.items().get(0).copies()).isIn(3, 4);
            assertThat(List.of(
                            allocations.get(first.id()).status(),
                            allocations.get(second.id()).status()))
                    .containsExactlyInAnyOrder(Allocation.Status.PLANNED, Allocation.Status.DRAFT);
        }
    }

    private Object planAfter(CountDownLatch start, Allocation draft) throws Exception {
        start.await();
        try {
            return allocations.plan(draft.id(), PACKER);
        } catch (InsufficientStock e) {
            return e;
        }
    }

    @Test
    void aShipmentsMovementsCannotBeReversedThroughTheLedgerAndNothingChanges() {
        Setup s = fiveCopies();
        Shipment shipment = onItsWay(s, 2);
        long dispatched =
                stock
                        .movements(new StockFilter(s.edition().id(), s.office().id(), null), new Paging(1, 50))
                        .items()
                        .stream()
                        .filter(m -> m.type() == MovementType.DISPATCHED)
                        .findFirst()
                        .orElseThrow()
                        .id();
        long before = movementsOf(s);

        assertThatThrownBy(() -> stock.record(
                        UUID.randomUUID().toString(), StockCommand.reversal(dispatched, "wrong parcel"), PACKER))
                .isInstanceOfSatisfying(DistributionConflict.class, e -> {
                    assertThat(e.code()).isEqualTo("movement-belongs-to-shipment");
                    assertThat(e.properties())
                            .containsEntry("shipment", shipment.id().toString());
                });

        assertThat(movementsOf(s)).isEqualTo(before);
        assertThat(s.held(given)).isEqualTo(3);
        assertThat(shipments.get(shipment.id()).status()).isEqualTo(ShipmentStatus.DISPATCHED);
    }

    @Test
    void aLineOfOneFunderTakesOnlyThatFundersCopies() {
        Setup s = fiveCopies();
        Shipment shipment = plan(s, 2, s.foundation().id());
        step(shipment, ShipmentStatus.PACKED);

        step(shipment, ShipmentStatus.DISPATCHED);

        assertThat(given.balance(s.edition(), s.office(), s.foundation())).isZero();
        assertThat(given.balance(s.edition(), s.office(), s.coe())).isEqualTo(3);
        assertThat(inTransit(s, s.foundation())).isEqualTo(2);
    }

    @Test
    void aReturnedShipmentPutsTheSameFundersCopiesBackAtItsLocation() {
        Setup s = fiveCopies();
        Shipment shipment = plan(s, 5, null);
        step(shipment, ShipmentStatus.PACKED);
        step(shipment, ShipmentStatus.DISPATCHED);
        step(shipment, ShipmentStatus.IN_TRANSIT);

        var returned = step(shipment, ShipmentStatus.RETURNED);

        assertThat(returned.movements()).extracting(Movement::type).containsOnly(MovementType.RETURNED);
        assertThat(given.balance(s.edition(), s.office(), s.coe())).isEqualTo(3);
        assertThat(given.balance(s.edition(), s.office(), s.foundation())).isEqualTo(2);
        assertThat(inTransit(s, s.coe()) + inTransit(s, s.foundation())).isZero();
    }

    @Test
    void aLostShipmentNeedsANoteAndTakesItsCopiesOutOfTransitAsLost() {
        Setup s = fiveCopies();
        Shipment shipment = plan(s, 4, null);
        step(shipment, ShipmentStatus.PACKED);
        step(shipment, ShipmentStatus.DISPATCHED);
        step(shipment, ShipmentStatus.IN_TRANSIT);

        assertThatThrownBy(() -> new StatusChange(ShipmentStatus.LOST, " ", null))
                .isInstanceOfSatisfying(DistributionInputInvalid.class, e -> assertThat(e.code())
                        .isEqualTo("reason-required"));
        var lost = shipments.changeStatus(
                shipment.id(), new StatusChange(ShipmentStatus.LOST, "the van was stolen", null), null, PACKER);

        assertThat(lost.movements()).extracting(Movement::type).containsOnly(MovementType.LOST);
        assertThat(lost.movements()).extracting(Movement::reason).allSatisfy(r -> assertThat(r)
                .contains(shipment.id().toString(), "the van was stolen"));
        assertThat(lost.shipment().history().get(4).note()).isEqualTo("the van was stolen");
        assertThat(inTransit(s, s.coe()) + inTransit(s, s.foundation())).isZero();
    }

    @Test
    void aPartlyDeliveredShipmentDeliversWhatArrivedAndLosesTheRest() {
        Setup s = fiveCopies();
        Shipment shipment = plan(s, 5, null);
        step(shipment, ShipmentStatus.PACKED);
        step(shipment, ShipmentStatus.DISPATCHED);
        step(shipment, ShipmentStatus.IN_TRANSIT);

        assertThatThrownBy(() -> shipments.changeStatus(
                        shipment.id(),
                        new StatusChange(ShipmentStatus.PARTLY_DELIVERED, null, List.of(new Delivered(1, 6))),
                        null,
                        PACKER))
                .isInstanceOfSatisfying(DistributionInputInvalid.class, e -> assertThat(e.code())
                        .isEqualTo("delivered-exceeds-shipped"));
        var partly = shipments.changeStatus(
                shipment.id(),
                new StatusChange(ShipmentStatus.PARTLY_DELIVERED, null, List.of(new Delivered(1, 3))),
                null,
                PACKER);

        assertThat(partly.movements())
                .filteredOn(m -> m.type() == MovementType.DELIVERED)
                .extracting(Movement::quantity)
                .containsExactlyInAnyOrder(-2, -1);
        assertThat(partly.movements())
                .filteredOn(m -> m.type() == MovementType.LOST)
                .extracting(Movement::quantity)
                .containsExactlyInAnyOrder(-1, -1);
        assertThat(inTransit(s, s.coe()) + inTransit(s, s.foundation())).isZero();
    }

    @Test
    void twoDispatchesOfTheLastCopiesAtOnceExactlyOneWinsAndTheOtherStaysPacked() throws Exception {
        for (int round = 0; round < 5; round++) {
            Setup s = fiveCopies();
            Shipment first = plan(s, 3, null);
            Shipment second = plan(s, 2, null);
            step(first, ShipmentStatus.PACKED);
            step(second, ShipmentStatus.PACKED);
            given.dispatch(s.edition(), s.office(), null, 1); // 4 left for the 5 reserved: only one of them fits
            CountDownLatch start = new CountDownLatch(1);

            List<Object> outcomes = StockRaceContract.runTogether(
                    List.of(() -> dispatchAfter(start, first), () -> dispatchAfter(start, second)), start);

            assertThat(outcomes).filteredOn(o -> o instanceof Shipments.Changed).hasSize(1);
            assertThat(outcomes).filteredOn(o -> o instanceof InsufficientStock).hasSize(1);
            var statuses = List.of(
                    shipments.get(first.id()).status(),
                    shipments.get(second.id()).status());
            assertThat(statuses).containsExactlyInAnyOrder(ShipmentStatus.DISPATCHED, ShipmentStatus.PACKED);
            int won = statuses.get(0) == ShipmentStatus.DISPATCHED ? 3 : 2;
            assertThat(s.held(given)).isEqualTo(4 - won);
            assertThat(inTransit(s, s.coe()) + inTransit(s, s.foundation())).isEqualTo(won);
        }
        assertThat(stock.disagreements()).isEmpty();
    }

    @Test
    void oneShipmentDispatchedTwiceAtOnceIsDispatchedOnce() throws Exception {
        Setup s = fiveCopies();
        Shipment shipment = plan(s, 2, null);
        step(shipment, ShipmentStatus.PACKED);
        CountDownLatch start = new CountDownLatch(1);

        List<Object> outcomes = StockRaceContract.runTogether(
                List.of(() -> dispatchAfter(start, shipment), () -> dispatchAfter(start, shipment)), start);

        assertThat(outcomes).filteredOn(o -> o instanceof Shipments.Changed).hasSize(1);
        assertThat(outcomes)
                .filteredOn(o -> o instanceof DistributionConflict c && c.code().equals("status-step-not-allowed"))
                .hasSize(1);
        assertThat(s.held(given)).isEqualTo(3);
        assertThat(shipments.get(shipment.id()).history()).hasSize(3);
    }

    @Autowired
    ShipmentReceipts receipts;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient db;

    Shipment onItsWay(Setup s, int copies) {
        Shipment shipment = plan(s, copies, null);
        step(shipment, ShipmentStatus.PACKED);
        step(shipment, ShipmentStatus.DISPATCHED);
        return shipment;
    }

    long movementsOf(Setup s) {
        return stock.movements(new StockFilter(s.edition().id(), null, null), new Paging(1, 500))
                .total();
    }

    static ShipmentReceipts.ReceiptForm counted(int accepted, int damaged, Integer missing) {
        return new ShipmentReceipts.ReceiptForm(
                "box 2 was wet", List.of(new ShipmentReceipts.Count(1, accepted, damaged, missing, "wet")));
    }

    @Test
    void aReceiptWithDamagedAndMissingCopiesWritesThemToTheLedgerAndShowsTheDiscrepancy() {
        Setup s = fiveCopies();
        Shipment shipment = onItsWay(s, 5);
        var link = receipts.issue(shipment.id(), ShipmentReceipts.DEFAULT_VALIDITY, PACKER);

        assertThat(receipts.open(link.token()).lines())
                .extracting(ShipmentReceipts.Item::copies)
                .containsExactly(5);
        Shipment after = receipts.submit(link.token(), counted(3, 1, null));

        assertThat(after.status()).isEqualTo(ShipmentStatus.PARTLY_DELIVERED);
        assertThat(after.history())
                .extracting(Shipment.Event::status)
                .endsWith(ShipmentStatus.IN_TRANSIT, ShipmentStatus.PARTLY_DELIVERED);
        assertThat(after.history().get(after.history().size() - 1).actor()).isNull();
        assertThat(after.receipt().discrepancies()).isTrue();
        assertThat(after.receipt().lines()).containsExactly(new Shipment.ReceiptLine(1, 3, 1, 1, "wet"));
        var moved = stock.movements(new StockFilter(s.edition().id(), Shipments.IN_TRANSIT, null), new Paging(1, 100))
                .items();
        assertThat(moved.stream()
                        .filter(m -> m.type() == MovementType.DELIVERED)
                        .mapToInt(Movement::quantity)
                        .sum())
                .isEqualTo(-3);
        assertThat(moved.stream()
                        .filter(m -> m.type() == MovementType.DAMAGED)
                        .mapToInt(Movement::quantity)
                        .sum())
                .isEqualTo(-1);
        assertThat(moved.stream()
                        .filter(m -> m.type() == MovementType.LOST)
                        .mapToInt(Movement::quantity)
                        .sum())
                .isEqualTo(-1);
        assertThat(moved).filteredOn(m -> m.quantity() < 0).allSatisfy(m -> assertThat(m.actor())
                .isEqualTo(ShipmentReceipts.RECIPIENT));
        assertThat(inTransit(s, s.coe()) + inTransit(s, s.foundation())).isZero();
        assertThat(shipments
                        .list(new Shipments.Filter(null, s.branch().id(), true), Paging.FIRST)
                        .items())
                .extracting(Shipment::id)
                .containsExactly(shipment.id());
    }

    @Test
    void aSecondReceiptWithTheSameLinkChangesNothing() {
        Setup s = fiveCopies();
        Shipment shipment = onItsWay(s, 5);
        var link = receipts.issue(shipment.id(), ShipmentReceipts.DEFAULT_VALIDITY, PACKER);
        receipts.submit(link.token(), counted(5, 0, 0));
        long movements = movementsOf(s);

        assertThatThrownBy(() -> receipts.submit(link.token(), counted(0, 5, 0)))
                .isInstanceOfSatisfying(
                        DistributionConflict.class, e -> assertThat(e.code()).isEqualTo("receipt-already-submitted"));

        assertThat(movementsOf(s)).isEqualTo(movements);
        assertThat(shipments.get(shipment.id()).status()).isEqualTo(ShipmentStatus.DELIVERED);
        assertThat(shipments.get(shipment.id()).receipt().lines().get(0).accepted())
                .isEqualTo(5);
    }

    @Test
    void twoReceiptsSubmittedAtOnceExactlyOneCounts() throws Exception {
        Setup s = fiveCopies();
        Shipment shipment = onItsWay(s, 5);
        var link = receipts.issue(shipment.id(), ShipmentReceipts.DEFAULT_VALIDITY, PACKER);
        CountDownLatch start = new CountDownLatch(1);
        Callable<Object> submit = () -> {
            start.await();
            try {
                return receipts.submit(link.token(), counted(4, 1, 0));
            } catch (DistributionConflict e) {
                return e;
            }
        };

        List<Object> outcomes = StockRaceContract.runTogether(List.of(submit, submit), start);

        assertThat(outcomes).filteredOn(o -> o instanceof Shipment).hasSize(1);
        assertThat(outcomes)
                .filteredOn(o -> o instanceof DistributionConflict c && c.code().equals("receipt-already-submitted"))
                .hasSize(1);
        assertThat(
                        stock
                                .movements(new StockFilter(s.edition().id(), Shipments.IN_TRANSIT, null), Paging.FIRST)
                                .items()
                                .stream()
                                .filter(m -> m.type() == MovementType.DAMAGED)
                                .mapToInt(Movement::quantity)
                                .sum())
                .isEqualTo(-1);
        assertThat(inTransit(s, s.coe()) + inTransit(s, s.foundation())).isZero();
    }

    @Test
    void aReceiptOfMoreCopiesThanShippedIsRefusedAndChangesNothing() {
        Setup s = fiveCopies();
        Shipment shipment = onItsWay(s, 4);
        var link = receipts.issue(shipment.id(), ShipmentReceipts.DEFAULT_VALIDITY, PACKER);
        long movements = movementsOf(s);

        assertThatThrownBy(() -> receipts.submit(link.token(), counted(4, 1, null)))
                .isInstanceOfSatisfying(DistributionInputInvalid.class, e -> assertThat(e.code())
                        .isEqualTo("receipt-exceeds-shipped"));
        assertThatThrownBy(() -> receipts.submit(link.token(), counted(1, 1, 1)))
                .isInstanceOfSatisfying(DistributionInputInvalid.class, e -> assertThat(e.code())
                        .isEqualTo("receipt-incomplete"));

        assertThat(movementsOf(s)).isEqualTo(movements);
        assertThat(shipments.get(shipment.id()).status()).isEqualTo(ShipmentStatus.DISPATCHED);
        assertThat(shipments.get(shipment.id()).receipt()).isNull();
    }

    @Test
    void aPackedShipmentGetsAReceiptLinkShownAgainUnchangedUntilANewOneIsIssuedAndCancellingRevokesIt() {
        Setup s = fiveCopies();
        Shipment shipment = plan(s, 2, null);
        assertThat(receipts.current(shipment.id())).isEmpty();

        step(shipment, ShipmentStatus.PACKED);
        var packed = receipts.current(shipment.id()).orElseThrow();
        var again = receipts.current(shipment.id()).orElseThrow();

        assertThat(again.token()).isEqualTo(packed.token()).matches("[A-Za-z0-9_-]{24}");
        assertThat(receipts.open(packed.token()).shipment()).isEqualTo(shipment.id());
        assertThat(db.sql("SELECT COUNT(*) FROM dist_receipt_token WHERE shipment_id = ? AND (token_hash = ?"
                                + " OR token_sealed LIKE ?)")
                        .params(shipment.id().value(), packed.token(), "%" + packed.token() + "%")
                        .query(Long.class)
                        .single())
                .as("the database holds no usable token")
                .isZero();
        var renewed = receipts.issue(shipment.id(), ShipmentReceipts.DEFAULT_VALIDITY, PACKER);
        assertThat(receipts.current(shipment.id()).orElseThrow().token())
                .isEqualTo(renewed.token())
                .isNotEqualTo(packed.token());
        assertThatThrownBy(() -> receipts.open(packed.token()))
                .isInstanceOfSatisfying(
                        ReceiptLinkRefused.class, e -> assertThat(e.code()).isEqualTo("receipt-link-revoked"));

        step(shipment, ShipmentStatus.CANCELLED);

        assertThat(receipts.current(shipment.id())).isEmpty();
        assertThatThrownBy(() -> receipts.open(renewed.token())).isInstanceOf(ReceiptLinkRefused.class);
    }

    @Test
    void aGuessedExpiredOrRevokedLinkOpensNothing() {
        Setup s = fiveCopies();
        Shipment shipment = onItsWay(s, 1);
        var first = receipts.issue(shipment.id(), ShipmentReceipts.DEFAULT_VALIDITY, PACKER);
        var second = receipts.issue(shipment.id(), ShipmentReceipts.DEFAULT_VALIDITY, PACKER);
        String expired = "expired-token-" + UUID.randomUUID().toString().replace("-", "");
        db.sql("INSERT INTO dist_receipt_token (token_hash, shipment_id, expires_at, created_by, created_at)"
                        + " VALUES (?, ?, ?, ?, ?)")
                .params(
                        ShipmentReceipts.hash(expired),
                        shipment.id().value(),
                        java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(60)),
                        PACKER.value(),
                        java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(3600)))
                .update();

        assertThat(first.token()).matches("[A-Za-z0-9_-]{24}").isNotEqualTo(second.token());
        assertThat(receipts.open(second.token()).shipment()).isEqualTo(shipment.id());
        assertThatThrownBy(() -> receipts.open(first.token()))
                .isInstanceOfSatisfying(
                        ReceiptLinkRefused.class, e -> assertThat(e.code()).isEqualTo("receipt-link-revoked"));
        assertThatThrownBy(() -> receipts.submit(expired, counted(1, 0, 0)))
                .isInstanceOfSatisfying(
                        ReceiptLinkRefused.class, e -> assertThat(e.code()).isEqualTo("receipt-link-expired"));
        assertThatThrownBy(() -> receipts.open(second.token().substring(1) + "A"))
                .isInstanceOfSatisfying(
                        DistributionNotFound.class, e -> assertThat(e.code()).isEqualTo("receipt-link-not-found"));
        assertThatThrownBy(() -> receipts.open("../../api/stock")).isInstanceOf(DistributionNotFound.class);
        assertThat(receipts.revoke(shipment.id())).isEqualTo(1);
        assertThatThrownBy(() -> receipts.open(second.token())).isInstanceOf(ReceiptLinkRefused.class);
        assertThat(db.sql("SELECT COUNT(*) FROM dist_receipt_token WHERE token_hash IN (?, ?)")
                        .params(first.token(), second.token())
                        .query(Long.class)
                        .single())
                .as("tokens are stored only hashed")
                .isZero();
        assertThat(shipments.get(shipment.id()).status()).isEqualTo(ShipmentStatus.DISPATCHED);
    }

    @Autowired
    Allocations allocations;

    @Test
    void anAllocationByWeightIsReviewedAsADraftThenPlannedOnceAsOneShipmentPerRecipient() {
        Setup s = fiveCopies();
        List<Recipient> branches = new ArrayList<>();
        for (String city : List.of("Omsk", "Tomsk", "Perm")) {
            branches.add(recipients.create(new NewRecipient(
                    StockFixtures.unique(city + " branch"),
                    RecipientKind.BRANCH,
                    null,
                    null,
                    city,
                    null,
                    null,
                    LanguageTag.of("ru"))));
        }
        given.received(s.edition(), s.office(), Share.of(s.coe().id(), 95)); // 100 in all
        var draft = allocations.create(
                new Allocation.NewAllocation(
                        s.edition().id(),
                        s.office().id(),
                        null,
                        100,
                        Allocation.Method.WEIGHTED,
                        "Kazan Federal University",
                        List.of(
                                new Allocation.Part(branches.get(0).id(), 3, null),
                                new Allocation.Part(branches.get(1).id(), 2, null),
                                new Allocation.Part(branches.get(2).id(), 2, null))),
                PACKER);

        assertThat(draft.status()).isEqualTo(Allocation.Status.DRAFT);
        assertThat(draft.shares()).extracting(Allocation.Share::copies).containsExactly(43, 29, 28);
        assertThat(draft.shares()).allSatisfy(sh -> assertThat(sh.shipment()).isNull());
        var planned = allocations.plan(draft.id(), PACKER);

        assertThat(planned.status()).isEqualTo(Allocation.Status.PLANNED);
        assertThat(planned.shares()).allSatisfy(sh -> {
            Shipment shipment = shipments.get(sh.shipment());
            assertThat(shipment.status()).isEqualTo(ShipmentStatus.PLANNED);
            assertThat(shipment.recipient()).isEqualTo(sh.recipient());
            assertThat(shipment.copies()).isEqualTo(sh.copies());
            assertThat(shipment.senderOfRecord()).isEqualTo("Kazan Federal University");
        });
        assertThatThrownBy(() -> allocations.plan(draft.id(), PACKER))
                .isInstanceOfSatisfying(
                        DistributionConflict.class, e -> assertThat(e.code()).isEqualTo("allocation-already-planned"));
        assertThatThrownBy(() -> allocations.create(
                        new Allocation.NewAllocation(
                                s.edition().id(),
                                s.office().id(),
                                null,
                                10,
                                Allocation.Method.BY_HAND,
                                "X",
                                List.of(new Allocation.Part(branches.get(0).id(), null, 4))),
                        PACKER))
                .isInstanceOfSatisfying(DistributionInputInvalid.class, e -> assertThat(e.code())
                        .isEqualTo("allocation-does-not-sum"));
    }

    Allocation.NewAllocation equal(Setup s, int copies, List<Recipient> to) {
        return new Allocation.NewAllocation(
                s.edition().id(),
                s.office().id(),
                null,
                copies,
                Allocation.Method.EQUAL,
                "Kazan Federal University",
                to.stream().map(r -> new Allocation.Part(r.id(), null, null)).toList());
    }

    @Test
    void anAllocationOfMoreThanTheStockIsRefusedAndADraftAdjustedByHandMustStillSum() {
        Setup s = fiveCopies();
        var other = fiveCopies();
        long before = allocations.list(new Paging(1, 1)).total();

        assertThatThrownBy(() -> allocations.create(equal(s, 6, List.of(s.branch(), other.branch())), PACKER))
                .isInstanceOfSatisfying(
                        InsufficientStock.class, e -> assertThat(e.available()).isEqualTo(5));
        assertThat(allocations.list(new Paging(1, 1)).total()).isEqualTo(before);
        var draft = allocations.create(equal(s, 5, List.of(s.branch(), other.branch())), PACKER);
        assertThat(draft.shares()).extracting(Allocation.Share::copies).containsExactly(3, 2);
        assertThatThrownBy(() -> allocations.adjust(draft.id(), List.of(4, 2)))
                .isInstanceOfSatisfying(DistributionInputInvalid.class, e -> assertThat(e.code())
                        .isEqualTo("allocation-does-not-sum"));
        assertThatThrownBy(() -> allocations.adjust(draft.id(), List.of(6, -1)))
                .isInstanceOfSatisfying(DistributionInputInvalid.class, e -> assertThat(e.code())
                        .isEqualTo("invalid-allocation"));
        assertThat(allocations.get(draft.id()).shares())
                .extracting(Allocation.Share::copies)
                .containsExactly(3, 2);

        var adjusted = allocations.adjust(draft.id(), List.of(5, 0));

        assertThat(adjusted.method()).isEqualTo(Allocation.Method.BY_HAND);
        assertThat(adjusted.shares()).extracting(Allocation.Share::copies).containsExactly(5, 0);
        var planned = allocations.plan(draft.id(), PACKER);
        assertThat(planned.shares().get(0).shipment()).isNotNull();
        assertThat(planned.shares().get(1).shipment()).isNull();
        assertThatThrownBy(() -> allocations.adjust(draft.id(), List.of(0, 5)))
                .isInstanceOfSatisfying(
                        DistributionConflict.class, e -> assertThat(e.code()).isEqualTo("allocation-already-planned"));
    }

    @Autowired
    CopyRequests requests;

    CopyRequest request(Setup s, int copies) {
        return requests.create(
                new CopyRequest.NewRequest(s.branch().id(), s.edition().id(), copies, "the deputy minister", null),
                PACKER);
    }

    CopyRequest.Status statusOf(CopyRequest request) {
        return requests.get(request.id()).status();
    }

    @Test
    void aRequestIsPlannedByItsShipmentsAndPartlyFulfilledByWhatTheyDelivered() {
        Setup s = fiveCopies();
        var other = fiveCopies();
        Shipment first = plan(s, 3, null);
        Shipment second = plan(s, 2, null);
        Shipment elsewhere = plan(other, 1, null);
        var request = request(s, 5); // after the shipments: linked by hand below

        assertThatThrownBy(() -> requests.changeStatus(request.id(), CopyRequest.Status.FULFILLED, null))
                .isInstanceOfSatisfying(DistributionInputInvalid.class, e -> assertThat(e.code())
                        .isEqualTo("invalid-request-status"));
        assertThatThrownBy(() -> requests.link(request.id(), elsewhere.id()))
                .isInstanceOfSatisfying(DistributionInputInvalid.class, e -> assertThat(e.code())
                        .isEqualTo("shipment-does-not-serve-request"));
        assertThat(statusOf(request)).isEqualTo(CopyRequest.Status.OPEN);
        assertThat(requests.link(request.id(), first.id()).status()).isEqualTo(CopyRequest.Status.PLANNED);
        for (ShipmentStatus status :
                List.of(ShipmentStatus.PACKED, ShipmentStatus.DISPATCHED, ShipmentStatus.IN_TRANSIT)) {
            step(first, status);
            assertThat(statusOf(request)).as(status.code()).isEqualTo(CopyRequest.Status.PLANNED);
        }
        step(first, ShipmentStatus.DELIVERED);
        assertThat(statusOf(request)).isEqualTo(CopyRequest.Status.PARTLY_FULFILLED);
        var again = requests.link(request.id(), second.id());
        assertThat(again.status()).isEqualTo(CopyRequest.Status.PLANNED);
        assertThat(again.shipments()).containsExactlyInAnyOrder(first.id(), second.id());
        step(second, ShipmentStatus.PACKED);
        step(second, ShipmentStatus.DISPATCHED);
        step(second, ShipmentStatus.IN_TRANSIT);
        shipments.changeStatus(
                second.id(),
                new StatusChange(ShipmentStatus.PARTLY_DELIVERED, null, List.of(new Delivered(1, 1))),
                null,
                PACKER);

        assertThat(statusOf(request)).isEqualTo(CopyRequest.Status.PARTLY_FULFILLED);
        assertThatThrownBy(() -> requests.changeStatus(request.id(), CopyRequest.Status.DECLINED, "the rest"))
                .isInstanceOfSatisfying(
                        DistributionConflict.class, e -> assertThat(e.code()).isEqualTo("status-step-not-allowed"));
    }

    @Test
    void aRequestIsFulfilledByTheRecipientsReceiptAndTakesNoMoreShipments() {
        Setup s = fiveCopies();
        var request = request(s, 4);
        Shipment shipment = plan(s, 4, null);
        Shipment spare = plan(s, 1, null); // the request is planned already: not linked
        step(shipment, ShipmentStatus.PACKED);
        step(shipment, ShipmentStatus.DISPATCHED);
        var link = receipts.issue(shipment.id(), ShipmentReceipts.DEFAULT_VALIDITY, PACKER);

        receipts.submit(link.token(), counted(4, 0, 0));

        assertThat(statusOf(request)).isEqualTo(CopyRequest.Status.FULFILLED);
        assertThatThrownBy(() -> requests.link(request.id(), spare.id()))
                .isInstanceOfSatisfying(
                        DistributionConflict.class, e -> assertThat(e.code()).isEqualTo("status-step-not-allowed"));
        assertThat(requests.get(request.id()).shipments()).containsExactly(shipment.id());
    }

    @Test
    void planningAnAllocationOrCreatingAShipmentLinksTheOpenRequestsItServes() {
        Setup s = fiveCopies();
        var other = fiveCopies();
        var served = request(s, 3);
        var otherEdition = requests.create(
                new CopyRequest.NewRequest(s.branch().id(), other.edition().id(), 1, null, null), PACKER);
        var draft = allocations.create(equal(s, 4, List.of(s.branch(), other.branch())), PACKER);
        assertThat(statusOf(served)).isEqualTo(CopyRequest.Status.OPEN);

        var planned = allocations.plan(draft.id(), PACKER);

        ShipmentId toBranch = planned.shares().get(0).shipment();
        assertThat(requests.get(served.id()).shipments()).containsExactly(toBranch);
        assertThat(statusOf(served)).isEqualTo(CopyRequest.Status.PLANNED);
        assertThat(requests.get(otherEdition.id()).shipments()).isEmpty();
        assertThat(statusOf(otherEdition)).isEqualTo(CopyRequest.Status.OPEN);
        Shipment toAnother = plan(other, 1, null); // the edition asked for, but to another recipient
        assertThat(requests.get(otherEdition.id()).shipments()).doesNotContain(toAnother.id());
        Shipment carrying = shipments.create(
                new NewShipment(
                        other.office().id(),
                        s.branch().id(),
                        "Kazan Federal University",
                        null,
                        null,
                        List.of(new NewLine(other.edition().id(), 1, null))),
                PACKER);
        assertThat(requests.get(otherEdition.id()).shipments()).containsExactly(carrying.id());
        assertThat(statusOf(otherEdition)).isEqualTo(CopyRequest.Status.PLANNED);

        step(carrying, ShipmentStatus.CANCELLED);

        assertThat(statusOf(otherEdition)).isEqualTo(CopyRequest.Status.OPEN);
    }

    @Test
    void aRequestWhoseShipmentIsLostIsOpenAgainAndMayBeDeclinedWithAReason() {
        Setup s = fiveCopies();
        var request = request(s, 5);
        Shipment shipment = onItsWay(s, 5);
        requests.link(request.id(), shipment.id());
        assertThat(statusOf(request)).isEqualTo(CopyRequest.Status.PLANNED);
        step(shipment, ShipmentStatus.IN_TRANSIT);

        shipments.changeStatus(
                shipment.id(), new StatusChange(ShipmentStatus.LOST, "the van was robbed", null), null, PACKER);

        assertThat(statusOf(request)).isEqualTo(CopyRequest.Status.OPEN);
        assertThatThrownBy(() -> requests.changeStatus(request.id(), CopyRequest.Status.DECLINED, " "))
                .isInstanceOfSatisfying(DistributionInputInvalid.class, e -> assertThat(e.code())
                        .isEqualTo("reason-required"));
        assertThat(statusOf(request)).isEqualTo(CopyRequest.Status.OPEN);
        var declined = requests.changeStatus(request.id(), CopyRequest.Status.DECLINED, "out of print");
        assertThat(declined.status()).isEqualTo(CopyRequest.Status.DECLINED);
        assertThat(declined.reason()).isEqualTo("out of print");
    }

    private Object dispatchAfter(CountDownLatch start, Shipment shipment) throws Exception {
        start.await();
        try {
            return step(shipment, ShipmentStatus.DISPATCHED);
        } catch (InsufficientStock | DistributionConflict e) {
            return e;
        }
    }
}
