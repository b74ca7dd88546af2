package org.verso.web.distribution;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.verso.distribution.Allocation;
import org.verso.distribution.AllocationId;
import org.verso.distribution.Allocations;
import org.verso.distribution.EditionId;
import org.verso.distribution.FunderId;
import org.verso.distribution.LocationId;
import org.verso.distribution.Paging;
import org.verso.distribution.RecipientId;
import org.verso.web.distribution.Views.PageView;
import org.verso.web.security.VersoPrincipal;

/**
 * Allocations: a draft split of copies over recipients (equal, weighted or by hand), reviewed, then planned as one
 * shipment per recipient ({@code POST /api/allocations/{id}/plan}, once).
 */
@RestController
@RequestMapping("/api/allocations")
@PreAuthorize(DistributionRoles.READ)
class AllocationsApiController {
    private final Allocations allocations;

    AllocationsApiController(Allocations allocations) {
        this.allocations = allocations;
    }

    record PartBody(String recipient, Integer weight, Integer copies) {
        @JsonAnySetter
        void unknown(String name, Object value) {
            UnknownField.refuse(name, value);
        }
    }

    record AllocationBody(
            String edition,
            String location,
            String funder,
            Integer copies,
            String method,
            String senderOfRecord,
            List<PartBody> recipients) {
        @JsonAnySetter
        void unknown(String name, Object value) {
            UnknownField.refuse(name, value);
        }

        Allocation.NewAllocation command() {
            return new Allocation.NewAllocation(
                    edition == null ? null : EditionId.parse(edition),
                    location == null ? null : LocationId.parse(location),
                    funder == null || funder.isBlank() ? null : FunderId.parse(funder),
                    copies == null ? 0 : copies,
                    method == null ? null : Allocation.Method.parse(method),
                    senderOfRecord,
                    recipients == null
                            ? null
                            : recipients.stream()
                                    .map(p -> new Allocation.Part(
                                            p.recipient() == null ? null : RecipientId.parse(p.recipient()),
                                            p.weight(),
                                            p.copies()))
                                    .toList());
        }
    }

    record AdjustBody(List<Integer> copies) {
        @JsonAnySetter
        void unknown(String name, Object value) {
            UnknownField.refuse(name, value);
        }
    }

    record ShareView(String recipient, int weight, int copies, String shipment) {}

    record AllocationView(
            String id,
            String edition,
            String location,
            String funder,
            int copies,
            String method,
            String senderOfRecord,
            String status,
            List<ShareView> shares,
            Instant createdAt) {
        static AllocationView of(Allocation a) {
            return new AllocationView(
                    a.id().toString(),
                    a.edition().toString(),
                    a.location().toString(),
                    a.funder() == null ? null : a.funder().toString(),
                    a.copies(),
                    a.method().code(),
                    a.senderOfRecord(),
                    a.status().code(),
                    a.shares().stream()
                            .map(s -> new ShareView(
                                    s.recipient().toString(),
                                    s.weight(),
                                    s.copies(),
                                    s.shipment() == null ? null : s.shipment().toString()))
                            .toList(),
                    a.createdAt());
        }
    }

    @GetMapping
    PageView<AllocationView> list(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return PageView.of(allocations.list(Paging.of(page, size)), AllocationView::of);
    }

    @PostMapping
    @PreAuthorize(DistributionRoles.WRITE)
    ResponseEntity<AllocationView> create(
            @RequestBody AllocationBody body, @AuthenticationPrincipal VersoPrincipal user) {
        return ResponseEntity.status(201).body(AllocationView.of(allocations.create(body.command(), user.id())));
    }

    @GetMapping("/{id}")
    AllocationView get(@PathVariable String id) {
        return AllocationView.of(allocations.get(AllocationId.parse(id)));
    }

    /** A draft's copies by hand, one per recipient in its order, summing to its copies; it becomes by_hand. */
    @PostMapping("/{id}/adjust")
    @PreAuthorize(DistributionRoles.WRITE)
    AllocationView adjust(@PathVariable String id, @RequestBody AdjustBody body) {
        return AllocationView.of(allocations.adjust(AllocationId.parse(id), body.copies()));
    }

    @PostMapping("/{id}/plan")
    @PreAuthorize(DistributionRoles.WRITE)
    AllocationView plan(@PathVariable String id, @AuthenticationPrincipal VersoPrincipal user) {
        return AllocationView.of(allocations.plan(AllocationId.parse(id), user.id()));
    }
}
