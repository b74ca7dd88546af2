package org.verso.web.distribution;

import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.verso.distribution.EditionId;
import org.verso.distribution.Editions;
import org.verso.distribution.Paging;
import org.verso.distribution.PrintRunId;
import org.verso.distribution.PrintRuns;
import org.verso.web.distribution.Bodies.EditionBody;
import org.verso.web.distribution.Bodies.PrintRunBody;
import org.verso.web.distribution.Bodies.ReceiptBody;
import org.verso.web.distribution.Bodies.StatusBody;
import org.verso.web.distribution.Views.EditionView;
import org.verso.web.distribution.Views.MovementView;
import org.verso.web.distribution.Views.PageView;
import org.verso.web.distribution.Views.PrintRunView;
import org.verso.web.security.VersoPrincipal;

/** Editions and print runs over the API, with print runs' receipts. */
@RestController
@RequestMapping("/api")
@PreAuthorize(DistributionRoles.READ)
class EditionsApiController {
    private final Editions editions;
    private final PrintRuns printRuns;

    EditionsApiController(Editions editions, PrintRuns printRuns) {
        this.editions = editions;
        this.printRuns = printRuns;
    }

    @GetMapping("/editions")
    PageView<EditionView> editions(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return PageView.of(editions.list(Paging.of(page, size)), EditionView::of);
    }

    @GetMapping("/editions/{id}")
    EditionView edition(@PathVariable String id) {
        return EditionView.of(editions.get(EditionId.parse(id)));
    }

    @PostMapping("/editions")
    @PreAuthorize(DistributionRoles.WRITE)
    ResponseEntity<EditionView> createEdition(@RequestBody EditionBody body) {
        var edition = editions.create(body.command());
        return ResponseEntity.created(URI.create("/api/editions/" + edition.id()))
                .body(EditionView.of(edition));
    }

    @PutMapping("/editions/{id}")
    @PreAuthorize(DistributionRoles.WRITE)
    EditionView changeEdition(@PathVariable String id, @RequestBody EditionBody body) {
        return EditionView.of(editions.change(EditionId.parse(id), body.command()));
    }

    @GetMapping("/print-runs")
    PageView<PrintRunView> printRuns(
            @RequestParam(required = false) String edition,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return PageView.of(
                printRuns.list(
                        edition == null || edition.isBlank() ? null : EditionId.parse(edition), Paging.of(page, size)),
                PrintRunView::of);
    }

    @GetMapping("/print-runs/{id}")
    PrintRunView printRun(@PathVariable String id) {
        return PrintRunView.of(printRuns.get(PrintRunId.parse(id)));
    }

    @PostMapping("/print-runs")
    @PreAuthorize(DistributionRoles.WRITE)
    ResponseEntity<PrintRunView> createPrintRun(@RequestBody PrintRunBody body) {
        var run = printRuns.create(body.command());
        return ResponseEntity.created(URI.create("/api/print-runs/" + run.id())).body(PrintRunView.of(run));
    }

    @PostMapping("/print-runs/{id}/status")
    @PreAuthorize(DistributionRoles.WRITE)
    PrintRunView changeStatus(@PathVariable String id, @RequestBody StatusBody body) {
        return PrintRunView.of(printRuns.changeStatus(PrintRunId.parse(id), body.parsed()));
    }

    /** What a receipt answers: the print run after it and the movements it made. */
    record ReceiptView(PrintRunView printRun, java.util.List<MovementView> movements) {}

    @PostMapping("/print-runs/{id}/receipts")
    @PreAuthorize(DistributionRoles.WRITE)
    ResponseEntity<ReceiptView> receive(
            @PathVariable String id,
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @RequestBody ReceiptBody body,
            @AuthenticationPrincipal VersoPrincipal user) {
        PrintRunId run = PrintRunId.parse(id);
        var received = printRuns.receive(
                run, key == null ? java.util.UUID.randomUUID().toString() : key, body.command(), user.id());
        var view = new ReceiptView(
                PrintRunView.of(received.run()),
                received.movements().stream().map(MovementView::of).toList());
        return received.replayed()
                ? ResponseEntity.ok().header("Idempotent-Replayed", "true").body(view)
                : ResponseEntity.status(201).body(view);
    }
}
