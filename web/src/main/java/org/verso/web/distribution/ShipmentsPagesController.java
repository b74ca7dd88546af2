package org.verso.web.distribution;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.verso.accounts.Role;
import org.verso.distribution.Editions;
import org.verso.distribution.Locations;
import org.verso.distribution.PackingSlips;
import org.verso.distribution.Paging;
import org.verso.distribution.QrCode;
import org.verso.distribution.Recipients;
import org.verso.distribution.Shipment;
import org.verso.distribution.ShipmentId;
import org.verso.distribution.ShipmentReceipts;
import org.verso.distribution.ShipmentStatus;
import org.verso.distribution.Shipments;
import org.verso.library.DomainException;
import org.verso.web.security.VersoPrincipal;
import org.verso.web.shell.NavItem;

/**
 * The logistics pages of shipments: the list (by status, or those whose receipt shows damaged or missing copies) and
 * one shipment with its next steps, its history, the recipient's receipt and its discrepancies, the receipt link (shown
 * once when issued, with a copy button and its QR code) and the packing slip.
 */
@Controller
@RequestMapping("/distribution/shipments")
@PreAuthorize("hasAnyRole('LOGISTICS','ADMIN')")
class ShipmentsPagesController {
    private final Shipments shipments;
    private final ShipmentReceipts receipts;
    private final PackingSlips slips;
    private final Recipients recipients;
    private final Locations locations;
    private final Editions editions;

    ShipmentsPagesController(
            Shipments shipments,
            ShipmentReceipts receipts,
            PackingSlips slips,
            Recipients recipients,
            Locations locations,
            Editions editions) {
        this.shipments = shipments;
        this.receipts = receipts;
        this.slips = slips;
        this.recipients = recipients;
        this.locations = locations;
        this.editions = editions;
    }

    @Bean
    static NavItem shipmentsNav() {
        return new NavItem("nav.shipments", "/distribution/shipments", 340, Set.of(Role.LOGISTICS, Role.ADMIN));
    }

    @GetMapping
    String list(
            @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "false") boolean discrepancies,
            @RequestParam(defaultValue = "1") int page,
            Model model) {
        ShipmentStatus chosen = status == null || status.isBlank() ? null : ShipmentStatus.parse(status);
        var result =
                shipments.list(new Shipments.Filter(chosen, null, discrepancies), new Paging(Math.max(1, page), 50));
        model.addAttribute("result", result);
        model.addAttribute("status", chosen);
        model.addAttribute("discrepancies", discrepancies);
        model.addAttribute("statuses", ShipmentStatus.values());
        model.addAttribute(
                "recipientNames",
                result.items().stream()
                        .map(Shipment::recipient)
                        .distinct()
                        .collect(Collectors.toMap(r -> r, r -> recipients.get(r).name())));
        return "distribution/shipments";
    }

    @GetMapping("/{id}")
    String shipment(@PathVariable String id, Model model) {
        Shipment shipment = shipments.get(ShipmentId.parse(id));
        model.addAttribute("shipment", shipment);
        model.addAttribute("recipient", recipients.get(shipment.recipient()));
        model.addAttribute("location", locations.get(shipment.location()));
        model.addAttribute(
                "titles",
                shipment.lines().stream()
                        .map(Shipment.Line::edition)
                        .distinct()
                        .collect(Collectors.toMap(e -> e, e -> editions.get(e).title())));
        model.addAttribute("liveLink", receipts.liveLinkExpiry(shipment.id()).orElse(null));
        receipts.current(shipment.id()).ifPresent(link -> {
            String url = url(link);
            model.addAttribute("currentUrl", url);
            model.addAttribute("currentQr", QrCode.dataUri(url));
            model.addAttribute("currentExpires", link.expiresAt());
        });
        return "distribution/shipment";
    }

    @PostMapping("/{id}/status")
    String status(
            @PathVariable String id,
            @RequestParam String status,
            @RequestParam(required = false) String note,
            @RequestParam Map<String, String> form,
            @AuthenticationPrincipal VersoPrincipal user,
            RedirectAttributes redirect) {
        ShipmentId shipment = ShipmentId.parse(id);
        try {
            List<Shipment.Delivered> delivered = new ArrayList<>();
            form.forEach((name, value) -> {
                if (name.startsWith("delivered-") && value != null && !value.isBlank()) {
                    delivered.add(new Shipment.Delivered(
                            Integer.parseInt(name.substring("delivered-".length())), Integer.parseInt(value.strip())));
                }
            });
            ShipmentStatus next = ShipmentStatus.parse(status);
            shipments.changeStatus(
                    shipment,
                    new Shipment.StatusChange(next, note, next == ShipmentStatus.PARTLY_DELIVERED ? delivered : null),
                    null,
                    user.id());
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            redirect.addFlashAttribute("errorCode", e.code());
        } catch (NumberFormatException e) {
            redirect.addFlashAttribute("error", "not a number of copies");
            redirect.addFlashAttribute("errorCode", "invalid-count");
        }
        return "redirect:/distribution/shipments/" + shipment;
    }

    @PostMapping("/{id}/receipt-link")
    String issueLink(
            @PathVariable String id, @AuthenticationPrincipal VersoPrincipal user, RedirectAttributes redirect) {
        ShipmentId shipment = ShipmentId.parse(id);
        var link = receipts.issue(shipment, ShipmentReceipts.DEFAULT_VALIDITY, user.id());
        redirect.addFlashAttribute("linkUrl", url(link)); // the page shows the live link; this marks it as new
        return "redirect:/distribution/shipments/" + shipment;
    }

    @PostMapping("/{id}/receipt-link/revoke")
    String revokeLink(@PathVariable String id, RedirectAttributes redirect) {
        ShipmentId shipment = ShipmentId.parse(id);
        redirect.addFlashAttribute("revoked", receipts.revoke(shipment));
        return "redirect:/distribution/shipments/" + shipment;
    }

    /** As {@code GET /api/shipments/{id}/packing-slip}, for the signed-in page (the live link; changes nothing). */
    @GetMapping("/{id}/packing-slip")
    ResponseEntity<byte[]> packingSlip(@PathVariable String id) {
        return slip(receipts, slips, ShipmentId.parse(id));
    }

    /** The packing slip naming the shipment's live receipt link (none when it has none), as an inline PDF. */
    static ResponseEntity<byte[]> slip(ShipmentReceipts receipts, PackingSlips slips, ShipmentId shipment) {
        String url =
                receipts.current(shipment).map(ShipmentsPagesController::url).orElse(null);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"packing-slip-" + shipment + ".pdf\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(slips.render(shipment, url));
    }

    static String url(ShipmentReceipts.ReceiptLink link) {
        return ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/receipts/{token}")
                .buildAndExpand(link.token())
                .toUriString();
    }
}
