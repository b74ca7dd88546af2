package org.verso.web.distribution;

import java.time.Duration;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.verso.distribution.PackingSlips;
import org.verso.distribution.Paging;
import org.verso.distribution.RecipientId;
import org.verso.distribution.ShipmentId;
import org.verso.distribution.ShipmentReceipts;
import org.verso.distribution.ShipmentStatus;
import org.verso.distribution.Shipments;
import org.verso.web.distribution.ShipmentBodies.ShipmentBody;
import org.verso.web.distribution.ShipmentBodies.ShipmentStatusBody;
import org.verso.web.distribution.ShipmentViews.ShipmentView;
import org.verso.web.distribution.Views.MovementView;
import org.verso.web.distribution.Views.PageView;
import org.verso.web.security.VersoPrincipal;

/**
 * Shipments and their status. A status change that moves copies (dispatched, delivered, partly delivered, returned,
 * lost) takes an optional {@code Idempotency-Key}: a retried change answers what the first made (200, {@code
 * Idempotent-Replayed: true}).
 */
@RestController
@RequestMapping("/api/shipments")
@PreAuthorize(DistributionRoles.READ)
class ShipmentsApiController {
    private final Shipments shipments;
    private final ShipmentReceipts receipts;
    private final PackingSlips slips;

    ShipmentsApiController(Shipments shipments, ShipmentReceipts receipts, PackingSlips slips) {
        this.shipments = shipments;
        this.receipts = receipts;
        this.slips = slips;
    }

    @GetMapping
    PageView<ShipmentView> list(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String recipient,
            @RequestParam(required = false) Boolean discrepancies,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        var filter = new Shipments.Filter(
                status == null || status.isBlank() ? null : ShipmentStatus.parse(status),
                recipient == null || recipient.isBlank() ? null : RecipientId.parse(recipient),
                Boolean.TRUE.equals(discrepancies));
        return PageView.of(shipments.list(filter, Paging.of(page, size)), ShipmentView::of);
    }

    @PostMapping
    @PreAuthorize(DistributionRoles.WRITE)
    ResponseEntity<ShipmentView> create(@RequestBody ShipmentBody body, @AuthenticationPrincipal VersoPrincipal user) {
        return ResponseEntity.status(201).body(ShipmentView.of(shipments.create(body.command(), user.id())));
    }

    @GetMapping("/{id}")
    ShipmentView get(@PathVariable String id) {
        return ShipmentView.of(shipments.get(ShipmentId.parse(id)));
    }

    record LinkBody(Integer validDays) {
        @com.fasterxml.jackson.annotation.JsonAnySetter
        void unknown(String name, Object value) {
            UnknownField.refuse(name, value);
        }
    }

    record LinkView(String shipment, String token, String url, java.time.Instant expiresAt) {
        static LinkView of(ShipmentReceipts.ReceiptLink link) {
            return new LinkView(
                    link.shipment().toString(), link.token(), ShipmentsPagesController.url(link), link.expiresAt());
        }
    }

    /**
     * A new receipt link for the shipment's recipient; the earlier one stops working (revoked), also on a slip printed
     * with it. {@code validDays} 1 to 365, default 60. A shipment gets its first link when it is packed.
     */
    @PostMapping("/{id}/receipt-link")
    @PreAuthorize(DistributionRoles.WRITE)
    ResponseEntity<LinkView> issueLink(
            @PathVariable String id,
            @RequestBody(required = false) LinkBody body,
            @AuthenticationPrincipal VersoPrincipal user) {
        Duration validity = body == null || body.validDays() == null
                ? ShipmentReceipts.DEFAULT_VALIDITY
                : Duration.ofDays(body.validDays());
        return ResponseEntity.status(201).body(LinkView.of(receipts.issue(ShipmentId.parse(id), validity, user.id())));
    }

    /** The shipment's live receipt link, shown again (as on the packing slip); changes nothing. */
    @GetMapping("/{id}/receipt-link")
    @PreAuthorize(DistributionRoles.WRITE)
    LinkView currentLink(@PathVariable String id) {
        return LinkView.of(receipts.requireCurrent(ShipmentId.parse(id)));
    }

    /**
     * The packing slip (PDF, in the recipient's language) with the shipment's live receipt link and its QR code.
     * Reading it changes nothing: a reprint shows the same link (a new link is {@code POST …/receipt-link}).
     */
    @GetMapping("/{id}/packing-slip")
    @PreAuthorize(DistributionRoles.WRITE)
    ResponseEntity<byte[]> packingSlip(@PathVariable String id) {
        return ShipmentsPagesController.slip(receipts, slips, ShipmentId.parse(id));
    }

    record Revoked(int revoked) {}

    @DeleteMapping("/{id}/receipt-link")
    @PreAuthorize(DistributionRoles.WRITE)
    Revoked revokeLink(@PathVariable String id) {
        return new Revoked(receipts.revoke(ShipmentId.parse(id)));
    }

    record Changed(ShipmentView shipment, List<MovementView> movements) {}

    @PostMapping("/{id}/status")
    @PreAuthorize(DistributionRoles.WRITE)
    ResponseEntity<Changed> status(
            @PathVariable String id,
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @RequestBody ShipmentStatusBody body,
            @AuthenticationPrincipal VersoPrincipal user) {
        var changed = shipments.changeStatus(ShipmentId.parse(id), body.command(), key, user.id());
        var view = new Changed(
                ShipmentView.of(changed.shipment()),
                changed.movements().stream().map(MovementView::of).toList());
        return changed.replayed()
                ? ResponseEntity.ok().header("Idempotent-Replayed", "true").body(view)
                : ResponseEntity.ok(view);
    }
}
