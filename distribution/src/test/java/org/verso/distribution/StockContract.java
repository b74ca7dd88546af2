package org.verso.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.verso.distribution.Edition.Item;
import org.verso.distribution.Edition.NewEdition;
import org.verso.distribution.PrintRun.NewPrintRun;
import org.verso.distribution.PrintRun.Receipt;
import org.verso.distribution.PrintRun.Share;
import org.verso.library.LanguageTag;

/** Editions, print runs, receipts and the stock ledger, on the database a subclass chooses. */
@SpringBootTest(classes = DistributionTestApplication.class)
abstract class StockContract {
    @Autowired
    Editions editions;

    @Autowired
    PrintRuns printRuns;

    @Autowired
    Stock stock;

    @Autowired
    InMemoryRevisions revisions;

    @Autowired
    StockFixtures given;

    @Test
    void anEditionIsMadeOfApprovedRevisionsAndFreeItems() {
        var brochure = revisions.approve("ru");
        var edition = editions.create(new NewEdition(
                StockFixtures.unique("Police training kit"),
                LanguageTag.of("ru"),
                "978-3-16-148410-0",
                List.of(Item.of(brochure.id()), Item.other("DVD-7", "the training video"))));

        assertThat(edition.items()).extracting(Item::revision).containsExactly(brochure.id(), null);
        assertThat(edition.isbn()).isEqualTo("9783161484100");
        assertThat(edition.frozen()).isFalse();
    }

    @Test
    void anEditionOfARevisionThatDoesNotExistIsRefused() {
        long before = editions.list(Paging.FIRST).total();
        var unapproved = org.verso.translation.RevisionId.random();

        assertThatThrownBy(() -> editions.create(
                        new NewEdition("Charter", LanguageTag.of("ru"), null, List.of(Item.of(unapproved)))))
                .isInstanceOf(DistributionInputInvalid.class)
                .hasFieldOrPropertyWithValue("code", "revision-not-approved");
        assertThat(editions.list(Paging.FIRST).total()).isEqualTo(before);
    }

    @Test
    void anEditionOfARevisionInAnotherLanguageIsRefused() {
        var english = revisions.approve("en");

        assertThatThrownBy(() -> editions.create(
                        new NewEdition("Charter", LanguageTag.of("ru"), null, List.of(Item.of(english.id())))))
                .hasFieldOrPropertyWithValue("code", "revision-language-mismatch");
    }

    @Test
    void anEditionUsedByAPrintRunIsFrozen() {
        var edition = given.edition("Manual");
        var funder = given.funder("Council of Europe");
        editions.change(
                edition.id(), new NewEdition("Manual, second try", LanguageTag.of("ru"), null, edition.items()));
        given.order(edition, Share.of(funder.id(), 10));

        assertThat(editions.get(edition.id()).frozen()).isTrue();
        assertThatThrownBy(() -> editions.change(
                        edition.id(), new NewEdition("Manual, third try", LanguageTag.of("ru"), null, edition.items())))
                .isInstanceOf(DistributionConflict.class)
                .hasFieldOrPropertyWithValue("code", "edition-frozen");
        assertThat(editions.get(edition.id()).title()).isEqualTo("Manual, second try");
    }

    @Test
    void sharesThatDoNotSumToTheQuantityAreRefused() {
        var edition = given.edition("Kit");
        var coe = given.funder("Council of Europe");
        var foundation = given.funder("German foundation");

        assertThatThrownBy(() -> new NewPrintRun(
                        edition.id(),
                        2000,
                        "Printer",
                        LocalDate.of(2026, 1, 1),
                        null,
                        null,
                        null,
                        List.of(Share.of(coe.id(), 1000), Share.of(foundation.id(), 999))))
                .isInstanceOf(DistributionInputInvalid.class)
                .hasFieldOrPropertyWithValue("code", "shares-do-not-sum");
        assertThat(printRuns.list(edition.id(), Paging.FIRST).total()).isZero();
    }

    @Test
    void aReceiptPutsCopiesIntoStockFunderByFunderAndAShortDeliveryRecordsTheShortfall() {
        var edition = given.edition("Kit");
        var office = given.location("Office");
        var coe = given.funder("Council of Europe");
        var foundation = given.funder("German foundation");
        var run = given.order(edition, Share.of(coe.id(), 1000), Share.of(foundation.id(), 1000));

        var received = printRuns.receive(
                run.id(),
                "receipt-1-" + run.id(),
                new Receipt(office.id(), 1990, LocalDate.of(2026, 5, 2), "10 misprinted", true),
                StockFixtures.CLERK);

        assertThat(received.run().status()).isEqualTo(PrintRunStatus.RECEIVED_PARTLY);
        assertThat(received.run().received()).isEqualTo(1990);
        assertThat(received.run().shortfall()).isEqualTo(10);
        assertThat(given.balance(edition, office, coe)).isEqualTo(995);
        assertThat(given.balance(edition, office, foundation)).isEqualTo(995);
        assertThat(received.movements()).extracting(Movement::type).containsOnly(MovementType.RECEIVED);
        assertThatThrownBy(() -> printRuns.receive(
                        run.id(),
                        "receipt-2-" + run.id(),
                        new Receipt(office.id(), 10, LocalDate.of(2026, 5, 3), null, false),
                        StockFixtures.CLERK))
                .hasFieldOrPropertyWithValue("code", "print-run-closed");
    }

    @Test
    void aReceiptOfMoreThanWasOrderedNeedsAReason() {
        var edition = given.edition("Charter");
        var office = given.location("Office");
        var funder = given.funder("Ministry");
        var run = given.order(edition, Share.of(funder.id(), 500));

        assertThatThrownBy(() -> printRuns.receive(
                        run.id(),
                        "over-" + run.id(),
                        new Receipt(office.id(), 501, LocalDate.of(2026, 5, 2), null, false),
                        StockFixtures.CLERK))
                .isInstanceOf(DistributionInputInvalid.class)
                .hasFieldOrPropertyWithValue("code", "receipt-exceeds-order");
        assertThat(given.balance(edition, office, funder)).isZero();
        assertThat(printRuns.get(run.id()).received()).isZero();

        printRuns.receive(
                run.id(),
                "over-with-reason-" + run.id(),
                new Receipt(office.id(), 501, LocalDate.of(2026, 5, 2), "the printer added a spare", false),
                StockFixtures.CLERK);
        assertThat(given.balance(edition, office, funder)).isEqualTo(501);
        assertThat(printRuns.get(run.id()).status()).isEqualTo(PrintRunStatus.RECEIVED_FULLY);
    }

    @Test
    void aDispatchOfMoreThanThereIsIsRefusedWithWhatIsLeftAndMovesNothing() {
        var edition = given.edition("Charter");
        var office = given.location("Office");
        var funder = given.funder("Ministry");
        given.received(edition, office, Share.of(funder.id(), 5));
        long movements = stock.movements(new StockFilter(edition.id(), null, null), Paging.FIRST)
                .total();

        assertThatThrownBy(() -> given.dispatch(edition, office, null, 6))
                .isInstanceOfSatisfying(InsufficientStock.class, e -> {
                    assertThat(e.available()).isEqualTo(5);
                    assertThat(e.requested()).isEqualTo(6);
                });
        assertThat(given.balance(edition, office, funder)).isEqualTo(5);
        assertThat(stock.movements(new StockFilter(edition.id(), null, null), Paging.FIRST)
                        .total())
                .isEqualTo(movements);
    }

    @Test
    void aDispatchTakesFromEveryFunderInProportionUnlessAFunderIsChosen() {
        var edition = given.edition("Kit");
        var office = given.location("Office");
        var coe = given.funder("Council of Europe");
        var foundation = given.funder("German foundation");
        given.received(edition, office, Share.of(coe.id(), 1000), Share.of(foundation.id(), 500));

        var proportional = given.dispatch(edition, office, null, 301);
        given.dispatch(edition, office, foundation.id(), 100);

        assertThat(proportional.movements())
                .extracting(Movement::funder, Movement::quantity)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(coe.id(), -201),
                        org.assertj.core.groups.Tuple.tuple(foundation.id(), -100));
        assertThat(given.balance(edition, office, coe)).isEqualTo(799);
        assertThat(given.balance(edition, office, foundation)).isEqualTo(300);
    }

    @Test
    void aTransferMovesEachFundersCopiesAndAReversalUndoesBothLegs() {
        var edition = given.edition("Kit");
        var office = given.location("Office");
        var store = given.location("Partner store");
        var coe = given.funder("Council of Europe");
        given.received(edition, office, Share.of(coe.id(), 100));

        var transfer = stock.record(
                "transfer-" + edition.id(),
                new StockCommand(MovementType.TRANSFERRED, edition.id(), office.id(), store.id(), null, 40, null, null),
                StockFixtures.CLERK);
        assertThat(given.balance(edition, office, coe)).isEqualTo(60);
        assertThat(given.balance(edition, store, coe)).isEqualTo(40);

        var reversal = stock.record(
                "reverse-" + edition.id(),
                StockCommand.reversal(transfer.movements().get(0).id(), "sent to the wrong store"),
                StockFixtures.CLERK);

        assertThat(reversal.movements()).hasSize(2).allSatisfy(m -> assertThat(m.reverses())
                .isNotNull());
        assertThat(given.balance(edition, office, coe)).isEqualTo(100);
        assertThat(given.balance(edition, store, coe)).isZero();
        assertThatThrownBy(() -> stock.record(
                        "reverse-again-" + edition.id(),
                        StockCommand.reversal(transfer.movements().get(1).id(), "again"),
                        StockFixtures.CLERK))
                .hasFieldOrPropertyWithValue("code", "already-reversed");
    }

    @Test
    void aRetriedRequestMakesOneMovementAndTheSameKeyWithAnotherBodyIsRefused() {
        var edition = given.edition("Charter");
        var office = given.location("Office");
        var funder = given.funder("Ministry");
        given.received(edition, office, Share.of(funder.id(), 50));
        String key = "dispatch-" + UUID.randomUUID();
        var command =
                new StockCommand(MovementType.DISPATCHED, edition.id(), office.id(), null, funder.id(), 7, null, null);

        var first = stock.record(key, command, StockFixtures.CLERK);
        var again = stock.record(key, command, StockFixtures.CLERK);

        assertThat(first.replayed()).isFalse();
        assertThat(again.replayed()).isTrue();
        assertThat(again.movements()).isEqualTo(first.movements());
        assertThat(given.balance(edition, office, funder)).isEqualTo(43);
        var other =
                new StockCommand(MovementType.DISPATCHED, edition.id(), office.id(), null, funder.id(), 8, null, null);
        assertThatThrownBy(() -> stock.record(key, other, StockFixtures.CLERK))
                .isInstanceOf(IdempotencyKeyReused.class)
                .hasFieldOrPropertyWithValue("code", "idempotency-key-reused");
        assertThat(given.balance(edition, office, funder)).isEqualTo(43);
    }

    @Test
    void lossesAndAdjustmentsNeedAReasonAndKeepTheRunningBalance() {
        var edition = given.edition("Manual");
        var office = given.location("Office");
        var funder = given.funder("Ministry");
        given.received(edition, office, Share.of(funder.id(), 20));

        assertThatThrownBy(() ->
                        new StockCommand(MovementType.LOST, edition.id(), office.id(), null, funder.id(), 2, " ", null))
                .hasFieldOrPropertyWithValue("code", "reason-required");
        stock.record(
                "lost-" + edition.id(),
                new StockCommand(MovementType.LOST, edition.id(), office.id(), null, funder.id(), 2, "flood", null),
                StockFixtures.CLERK);
        stock.record(
                "count-" + edition.id(),
                new StockCommand(
                        MovementType.ADJUSTED, edition.id(), office.id(), null, funder.id(), -3, "stocktake", null),
                StockFixtures.CLERK);

        var ledger = stock.movements(new StockFilter(edition.id(), office.id(), funder.id()), Paging.FIRST);
        assertThat(ledger.items()).extracting(Movement::balanceAfter).containsExactly(20, 18, 15);
        assertThat(given.balance(edition, office, funder)).isEqualTo(15);
    }

    @Test
    void balancesAreRebuiltFromTheLedger() {
        var edition = given.edition("Manual");
        var office = given.location("Office");
        var funder = given.funder("Ministry");
        given.received(edition, office, Share.of(funder.id(), 20));
        given.dispatch(edition, office, funder.id(), 4);

        stock.rebuildBalances();

        assertThat(stock.disagreements()).isEmpty();
        assertThat(given.balance(edition, office, funder)).isEqualTo(16);
    }

    @Test
    void theLedgerListsMovementsByItemAndPage() {
        var edition = given.edition("Manual");
        var office = given.location("Office");
        var funder = given.funder("Ministry");
        given.received(edition, office, Share.of(funder.id(), 20));
        for (int i = 0; i < 3; i++) {
            given.dispatch(edition, office, funder.id(), 1);
        }

        var page = stock.movements(new StockFilter(edition.id(), office.id(), funder.id()), new Paging(2, 3));

        assertThat(page.total()).isEqualTo(4);
        assertThat(page.pages()).isEqualTo(2);
        assertThat(page.items()).extracting(Movement::balanceAfter).containsExactly(17);
        assertThat(stock.balances(new StockFilter(edition.id(), null, null), Paging.FIRST)
                        .items())
                .extracting(Balance::funderName, Balance::quantity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(funder.name(), 17));
        assertThat(Map.of()).isEmpty();
    }
}
