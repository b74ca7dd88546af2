package org.verso.web.distribution;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
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
import org.verso.accounts.Role;
import org.verso.distribution.CopyRequest;
import org.verso.distribution.CopyRequestId;
import org.verso.distribution.CopyRequests;
import org.verso.distribution.EditionId;
import org.verso.distribution.Editions;
import org.verso.distribution.Paging;
import org.verso.distribution.RecipientId;
import org.verso.distribution.Recipients;
import org.verso.distribution.ShipmentId;
import org.verso.distribution.Shipments;
import org.verso.library.DomainException;
import org.verso.web.api.Problems;
import org.verso.web.security.VersoPrincipal;
import org.verso.web.shell.PageErrors;

/**
 * The pages of requests for copies: the list (by status) with a form to open one, and one request with its status
 * (derived from its shipments), the shipments serving it, a form to link another that serves it, and declining. Read
 * as the API is (coordinators too); only logistics staff and admins change anything.
 */
@Controller
@RequestMapping("/distribution/requests")
@PreAuthorize(DistributionRoles.READ)
class RequestsPagesController {
    private final CopyRequests requests;
    private final Recipients recipients;
    private final Editions editions;
    private final Shipments shipments;
    private final PageErrors errors;

    RequestsPagesController(
            CopyRequests requests, Recipients recipients, Editions editions, Shipments shipments, PageErrors errors) {
        this.requests = requests;
        this.recipients = recipients;
        this.editions = editions;
        this.shipments = shipments;
        this.errors = errors;
    }

    static boolean writes(VersoPrincipal user) {
        return user.roles().contains(Role.LOGISTICS) || user.roles().contains(Role.ADMIN);
    }

    @GetMapping
    String list(
            @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "1") int page,
            @AuthenticationPrincipal VersoPrincipal user,
            Model model) {
        CopyRequest.Status chosen = status == null || status.isBlank() ? null : CopyRequest.Status.parse(status);
        var result = requests.list(chosen, new Paging(Math.max(1, page), 50));
        model.addAttribute("result", result);
        model.addAttribute("status", chosen);
        model.addAttribute("statuses", CopyRequest.Status.values());
        model.addAttribute("canWrite", writes(user));
        model.addAttribute("recipients", recipients.all());
        model.addAttribute(
                "editions", editions.list(new Paging(1, Paging.MAX_SIZE)).items());
        names(model, result.items());
        return "distribution/requests";
    }

    @PostMapping
    @PreAuthorize(DistributionRoles.WRITE)
    String create(
            @RequestParam(required = false) String recipient,
            @RequestParam(required = false) String edition,
            @RequestParam(required = false) String copies,
            @RequestParam(required = false) String requestedBy,
            @RequestParam(required = false) String note,
            @AuthenticationPrincipal VersoPrincipal user,
            Model model,
            HttpServletResponse response) {
        try {
            CopyRequest made = requests.create(
                    new CopyRequest.NewRequest(
                            recipient == null || recipient.isBlank() ? null : RecipientId.parse(recipient),
                            edition == null || edition.isBlank() ? null : EditionId.parse(edition),
                            PageForms.count(copies, "copies"),
                            requestedBy,
                            note),
                    user.id());
            return "redirect:/distribution/requests/" + made.id();
        } catch (DomainException e) {
            response.setStatus(Problems.statusOf(e).value());
            model.addAttribute("error", errors.say(e));
            model.addAttribute("errorCode", e.code());
            model.addAttribute(
                    "form", Map.of("recipient", text(recipient), "edition", text(edition), "copies", text(copies)));
            return list(null, 1, user, model);
        }
    }

    @GetMapping("/{id}")
    String request(@PathVariable String id, @AuthenticationPrincipal VersoPrincipal user, Model model) {
        CopyRequest request = requests.get(CopyRequestId.parse(id));
        model.addAttribute("request", request);
        model.addAttribute("recipient", recipients.get(request.recipient()));
        model.addAttribute("edition", editions.get(request.edition()));
        model.addAttribute("canWrite", writes(user));
        model.addAttribute("canDecline", request.status().next().contains(CopyRequest.Status.DECLINED));
        model.addAttribute(
                "serving", request.shipments().stream().map(shipments::get).toList());
        model.addAttribute(
                "candidates",
                shipments
                        .list(new Shipments.Filter(null, request.recipient(), false), new Paging(1, Paging.MAX_SIZE))
                        .items()
                        .stream()
                        .filter(s -> !request.shipments().contains(s.id()))
                        .filter(s ->
                                s.lines().stream().anyMatch(l -> l.edition().equals(request.edition())))
                        .toList());
        return "distribution/request";
    }

    @PostMapping("/{id}/shipments")
    @PreAuthorize(DistributionRoles.WRITE)
    String link(@PathVariable String id, @RequestParam(required = false) String shipment, RedirectAttributes redirect) {
        CopyRequestId request = CopyRequestId.parse(id);
        return act(
                request,
                redirect,
                () -> requests.link(
                        request, shipment == null || shipment.isBlank() ? null : ShipmentId.parse(shipment)));
    }

    @PostMapping("/{id}/decline")
    @PreAuthorize(DistributionRoles.WRITE)
    String decline(
            @PathVariable String id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        CopyRequestId request = CopyRequestId.parse(id);
        return act(request, redirect, () -> requests.changeStatus(request, CopyRequest.Status.DECLINED, reason));
    }

    private String act(CopyRequestId request, RedirectAttributes redirect, Supplier<CopyRequest> change) {
        try {
            change.get();
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", errors.say(e));
            redirect.addFlashAttribute("errorCode", e.code());
        }
        return "redirect:/distribution/requests/" + request;
    }

    private void names(Model model, List<CopyRequest> shown) {
        model.addAttribute(
                "recipientNames",
                shown.stream().map(CopyRequest::recipient).distinct().collect(Collectors.toMap(r -> r, r -> recipients
                        .get(r)
                        .name())));
        model.addAttribute(
                "editionTitles",
                shown.stream().map(CopyRequest::edition).distinct().collect(Collectors.toMap(e -> e, e -> editions.get(
                                e)
                        .title())));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
