package org.verso.web.distribution;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.verso.distribution.Shipment;
import org.verso.distribution.ShipmentReceipts;
import org.verso.library.DomainException;
import org.verso.web.api.Problems;
import org.verso.web.distribution.ReceiptBodies.ReceiptBody;

/**
 * The recipient's receipt, without an account: the token in the path is the only credential, and it reaches only its
 * own shipment's receipt. Wrong tokens are counted per address ({@link ReceiptThrottle}): too many is 429.
 */
@RestController
@PreAuthorize("permitAll()")
class ReceiptsApiController {
    private final ShipmentReceipts receipts;
    private final ReceiptThrottle throttle;

    ReceiptsApiController(ShipmentReceipts receipts, ReceiptThrottle throttle) {
        this.receipts = receipts;
        this.throttle = throttle;
    }

    record ReceiptLineAnswer(int line, int accepted, int damaged, int missing, String note) {}

    record ReceiptAnswer(String status, boolean discrepancies, List<ReceiptLineAnswer> lines) {
        static ReceiptAnswer of(Shipment s) {
            return new ReceiptAnswer(
                    s.status().code(),
                    s.receipt().discrepancies(),
                    s.receipt().lines().stream()
                            .map(l -> new ReceiptLineAnswer(l.line(), l.accepted(), l.damaged(), l.missing(), l.note()))
                            .toList());
        }
    }

    @PostMapping("/api/receipts/{token}")
    ResponseEntity<Object> submit(
            @PathVariable String token, @RequestBody ReceiptBody body, HttpServletRequest request) {
        String address = request.getRemoteAddr();
        var refused = throttle.refusedFor(address);
        if (refused.isPresent()) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(
                            "Retry-After",
                            String.valueOf(Math.max(1, refused.get().toSeconds())))
                    .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                    .body(Problems.of(
                            HttpStatus.TOO_MANY_REQUESTS,
                            "receipt-throttled",
                            "too many wrong receipt links from this address; try again later"));
        }
        try {
            return ResponseEntity.ok(ReceiptAnswer.of(receipts.submit(token, body.form())));
        } catch (DomainException e) {
            if (e.code().startsWith("receipt-link-")) {
                throttle.failed(address);
            }
            throw e;
        }
    }
}
