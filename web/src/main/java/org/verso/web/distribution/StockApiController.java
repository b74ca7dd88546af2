package org.verso.web.distribution;

import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.verso.distribution.EditionId;
import org.verso.distribution.FunderId;
import org.verso.distribution.LocationId;
import org.verso.distribution.Paging;
import org.verso.distribution.Stock;
import org.verso.distribution.StockFilter;
import org.verso.web.distribution.Bodies.MovementBody;
import org.verso.web.distribution.Views.BalanceView;
import org.verso.web.distribution.Views.MovementView;
import org.verso.web.distribution.Views.PageView;
import org.verso.web.security.VersoPrincipal;

/**
 * Stock balances and the ledger. A movement needs an {@code Idempotency-Key}: a retried request answers what the
 * first made (200, {@code Idempotent-Replayed: true}); the same key with another body is 422.
 */
@RestController
@RequestMapping("/api/stock")
@PreAuthorize(DistributionRoles.READ)
class StockApiController {
    private final Stock stock;

    StockApiController(Stock stock) {
        this.stock = stock;
    }

    @GetMapping
    PageView<BalanceView> balances(
            @RequestParam(required = false) String edition,
            @RequestParam(required = false) String location,
            @RequestParam(required = false) String funder,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return PageView.of(stock.balances(filter(edition, location, funder), Paging.of(page, size)), BalanceView::of);
    }

    @GetMapping("/movements")
    PageView<MovementView> movements(
            @RequestParam(required = false) String edition,
            @RequestParam(required = false) String location,
            @RequestParam(required = false) String funder,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return PageView.of(stock.movements(filter(edition, location, funder), Paging.of(page, size)), MovementView::of);
    }

    record Recorded(List<MovementView> movements) {}

    @PostMapping("/movements")
    @PreAuthorize(DistributionRoles.WRITE)
    ResponseEntity<Recorded> record(
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @RequestBody MovementBody body,
            @AuthenticationPrincipal VersoPrincipal user) {
        var recorded = stock.record(key, body.command(), user.id());
        var view =
                new Recorded(recorded.movements().stream().map(MovementView::of).toList());
        return recorded.replayed()
                ? ResponseEntity.ok().header("Idempotent-Replayed", "true").body(view)
                : ResponseEntity.status(201).body(view);
    }

    static StockFilter filter(String edition, String location, String funder) {
        return new StockFilter(
                blank(edition) ? null : EditionId.parse(edition),
                blank(location) ? null : LocationId.parse(location),
                blank(funder) ? null : FunderId.parse(funder));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
