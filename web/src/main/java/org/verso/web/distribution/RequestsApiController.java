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
import org.verso.distribution.CopyRequest;
import org.verso.distribution.CopyRequestId;
import org.verso.distribution.CopyRequests;
import org.verso.distribution.EditionId;
import org.verso.distribution.Paging;
import org.verso.distribution.RecipientId;
import org.verso.distribution.ShipmentId;
import org.verso.web.distribution.Views.PageView;
import org.verso.web.security.VersoPrincipal;

/**
 * Requests for copies: open → planned (by linking a shipment that serves it, {@code POST /api/requests/{id}/shipments})
 * → fulfilled, partly fulfilled or declined ({@code POST /api/requests/{id}/status}).
 */
@RestController
@RequestMapping("/api/requests")
@PreAuthorize(DistributionRoles.READ)
class RequestsApiController {
    private final CopyRequests requests;

    RequestsApiController(CopyRequests requests) {
        this.requests = requests;
    }

    record NewRequestBody(String recipient, String edition, Integer copies, String requestedBy, String note) {
        @JsonAnySetter
        void unknown(String name, Object value) {
            UnknownField.refuse(name, value);
        }

        CopyRequest.NewRequest command() {
            return new CopyRequest.NewRequest(
                    recipient == null ? null : RecipientId.parse(recipient),
                    edition == null ? null : EditionId.parse(edition),
                    copies == null ? 0 : copies,
                    requestedBy,
                    note);
        }
    }

    record LinkBody(String shipment) {
        @JsonAnySetter
        void unknown(String name, Object value) {
            UnknownField.refuse(name, value);
        }
    }

    record StatusBody(String status, String reason) {
        @JsonAnySetter
        void unknown(String name, Object value) {
            UnknownField.refuse(name, value);
        }
    }

    record RequestView(
            String id,
            String recipient,
            String edition,
            int copies,
            String requestedBy,
            String note,
            String status,
            String reason,
            List<String> shipments,
            Instant createdAt) {
        static RequestView of(CopyRequest r) {
            return new RequestView(
                    r.id().toString(),
                    r.recipient().toString(),
                    r.edition().toString(),
                    r.copies(),
                    r.requestedBy(),
                    r.note(),
                    r.status().code(),
                    r.reason(),
                    r.shipments().stream().map(ShipmentId::toString).toList(),
                    r.createdAt());
        }
    }

    @GetMapping
    PageView<RequestView> list(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        var chosen = status == null || status.isBlank() ? null : CopyRequest.Status.parse(status);
        return PageView.of(requests.list(chosen, Paging.of(page, size)), RequestView::of);
    }

    @PostMapping
    @PreAuthorize(DistributionRoles.WRITE)
    ResponseEntity<RequestView> create(@RequestBody NewRequestBody body, @AuthenticationPrincipal VersoPrincipal user) {
        return ResponseEntity.status(201).body(RequestView.of(requests.create(body.command(), user.id())));
    }

    @GetMapping("/{id}")
    RequestView get(@PathVariable String id) {
        return RequestView.of(requests.get(CopyRequestId.parse(id)));
    }

    @PostMapping("/{id}/shipments")
    @PreAuthorize(DistributionRoles.WRITE)
    RequestView link(@PathVariable String id, @RequestBody LinkBody body) {
        return RequestView.of(requests.link(
                CopyRequestId.parse(id), body.shipment() == null ? null : ShipmentId.parse(body.shipment())));
    }

    @PostMapping("/{id}/status")
    @PreAuthorize(DistributionRoles.WRITE)
    RequestView status(@PathVariable String id, @RequestBody StatusBody body) {
        return RequestView.of(requests.changeStatus(
                CopyRequestId.parse(id),
                body.status() == null ? null : CopyRequest.Status.parse(body.status()),
                body.reason()));
    }
}
