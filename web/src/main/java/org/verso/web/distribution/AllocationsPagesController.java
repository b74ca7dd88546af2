package org.verso.web.distribution;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
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
import org.verso.distribution.Allocation;
import org.verso.distribution.AllocationId;
import org.verso.distribution.Allocations;
import org.verso.distribution.EditionId;
import org.verso.distribution.Editions;
import org.verso.distribution.FunderId;
import org.verso.distribution.Funders;
import org.verso.distribution.LocationId;
import org.verso.distribution.Locations;
import org.verso.distribution.Paging;
import org.verso.distribution.Recipient;
import org.verso.distribution.RecipientId;
import org.verso.distribution.Recipients;
import org.verso.distribution.Shipment;
import org.verso.distribution.Shipments;
import org.verso.library.DomainException;
import org.verso.web.api.Problems;
import org.verso.web.security.VersoPrincipal;
import org.verso.web.shell.PageErrors;

/**
 * The pages of allocations: the list; a form to split copies of an edition at a location over recipients chosen from
 * a list (narrowed to one parent's children), equally, by weight or by hand; the draft's plan (copies per recipient,
 * their sum, the remainder rule) adjustable by hand, then planned as shipments, with links to them. Read as the API
 * is (coordinators too); only logistics staff and admins change anything.
 */
@Controller
@RequestMapping("/distribution/allocations")
@PreAuthorize(DistributionRoles.READ)
class AllocationsPagesController {
    private final Allocations allocations;
    private final Recipients recipients;
    private final Editions editions;
    private final Locations locations;
    private final Funders funders;
    private final Shipments shipments;
    private final PageErrors errors;

    AllocationsPagesController(
            Allocations allocations,
            Recipients recipients,
            Editions editions,
            Locations locations,
            Funders funders,
            Shipments shipments,
            PageErrors errors) {
        this.allocations = allocations;
        this.recipients = recipients;
        this.editions = editions;
        this.locations = locations;
        this.funders = funders;
        this.shipments = shipments;
        this.errors = errors;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "1") int page, @AuthenticationPrincipal VersoPrincipal user, Model model) {
        var result = allocations.list(new Paging(Math.max(1, page), 50));
        model.addAttribute("result", result);
        model.addAttribute("canWrite", RequestsPagesController.writes(user));
        model.addAttribute(
                "editionTitles",
                result.items().stream()
                        .map(Allocation::edition)
                        .distinct()
                        .collect(Collectors.toMap(e -> e, e -> editions.get(e).title())));
        return "distribution/allocations";
    }

    @GetMapping("/new")
    @PreAuthorize(DistributionRoles.WRITE)
    String form(@RequestParam(required = false) String parent, Model model) {
        return form(parent, Map.of("method", "equal"), Set.of(), model);
    }

    private String form(String parent, Map<String, String> form, Set<String> chosen, Model model) {
        List<Recipient> all = recipients.all();
        Set<RecipientId> parents =
                all.stream().map(Recipient::parent).filter(p -> p != null).collect(Collectors.toSet());
        RecipientId under = parent == null || parent.isBlank() ? null : RecipientId.parse(parent);
        model.addAttribute("parent", under);
        model.addAttribute(
                "parents", all.stream().filter(r -> parents.contains(r.id())).toList());
        model.addAttribute(
                "recipients",
                all.stream()
                        .filter(r -> under == null || under.equals(r.parent()))
                        .toList());
        model.addAttribute(
                "editions", editions.list(new Paging(1, Paging.MAX_SIZE)).items());
        model.addAttribute("locations", locations.stores());
        model.addAttribute("funders", funders.all());
        model.addAttribute("methods", Allocation.Method.values());
        model.addAttribute("form", form);
        model.addAttribute("chosen", chosen);
        return "distribution/allocation-new";
    }

    @PostMapping
    @PreAuthorize(DistributionRoles.WRITE)
    String create(
            @RequestParam Map<String, String> form,
            @RequestParam(name = "recipient", required = false) List<String> chosen,
            @AuthenticationPrincipal VersoPrincipal user,
            Model model,
            HttpServletResponse response) {
        List<String> picked = chosen == null ? List.of() : chosen;
        try {
            Allocation.Method method = Allocation.Method.parse(form.getOrDefault("method", ""));
            List<Allocation.Part> parts = new ArrayList<>();
            for (String id : picked) {
                parts.add(new Allocation.Part(
                        RecipientId.parse(id),
                        method == Allocation.Method.WEIGHTED
                                ? PageForms.number(form.get("weight-" + id), "weight")
                                : null,
                        method == Allocation.Method.BY_HAND
                                ? PageForms.number(form.get("copies-" + id), "copies")
                                : null));
            }
            Allocation draft = allocations.create(
                    new Allocation.NewAllocation(
                            id(form.get("edition"), EditionId::parse),
                            id(form.get("location"), LocationId::parse),
                            id(form.get("funder"), FunderId::parse),
                            PageForms.count(form.get("copies"), "copies"),
                            method,
                            form.get("senderOfRecord"),
                            parts),
                    user.id());
            return "redirect:/distribution/allocations/" + draft.id();
        } catch (DomainException e) {
            response.setStatus(Problems.statusOf(e).value());
            model.addAttribute("error", errors.say(e));
            model.addAttribute("errorCode", e.code());
            return form(form.get("parent"), form, Set.copyOf(picked), model);
        }
    }

    private static <T> T id(String text, Function<String, T> parse) {
        return text == null || text.isBlank() ? null : parse.apply(text);
    }

    @GetMapping("/{id}")
    String allocation(@PathVariable String id, @AuthenticationPrincipal VersoPrincipal user, Model model) {
        Allocation allocation = allocations.get(AllocationId.parse(id));
        model.addAttribute("allocation", allocation);
        model.addAttribute("canWrite", RequestsPagesController.writes(user));
        model.addAttribute("edition", editions.get(allocation.edition()));
        model.addAttribute("location", locations.get(allocation.location()));
        model.addAttribute("funder", allocation.funder() == null ? null : funders.get(allocation.funder()));
        model.addAttribute(
                "recipientNames",
                allocation.shares().stream().collect(Collectors.toMap(Allocation.Share::recipient, s -> recipients
                        .get(s.recipient())
                        .name())));
        Map<org.verso.distribution.ShipmentId, Shipment> made = new LinkedHashMap<>();
        allocation.shares().stream()
                .filter(s -> s.shipment() != null)
                .forEach(s -> made.put(s.shipment(), shipments.get(s.shipment())));
        model.addAttribute("made", made);
        model.addAttribute(
                "sum",
                allocation.shares().stream().mapToInt(Allocation.Share::copies).sum());
        return "distribution/allocation";
    }

    @PostMapping("/{id}/adjust")
    @PreAuthorize(DistributionRoles.WRITE)
    String adjust(@PathVariable String id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        AllocationId allocation = AllocationId.parse(id);
        try {
            int shares = allocations.get(allocation).shares().size();
            List<Integer> copies = new ArrayList<>();
            for (int position = 1; position <= shares; position++) {
                copies.add(PageForms.number(form.get("copies-" + position), "copies"));
            }
            allocations.adjust(allocation, copies);
            redirect.addFlashAttribute("adjusted", true);
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", errors.say(e));
            redirect.addFlashAttribute("errorCode", e.code());
        }
        return "redirect:/distribution/allocations/" + allocation;
    }

    @PostMapping("/{id}/plan")
    @PreAuthorize(DistributionRoles.WRITE)
    String plan(@PathVariable String id, @AuthenticationPrincipal VersoPrincipal user, RedirectAttributes redirect) {
        AllocationId allocation = AllocationId.parse(id);
        try {
            allocations.plan(allocation, user.id());
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", errors.say(e));
            redirect.addFlashAttribute("errorCode", e.code());
        }
        return "redirect:/distribution/allocations/" + allocation;
    }
}
