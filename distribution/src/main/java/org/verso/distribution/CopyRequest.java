package org.verso.distribution;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A request for copies of an edition by a recipient, or by someone on its behalf ({@code requestedBy}: "the deputy
 * minister"), and the shipments that serve it.
 */
public record CopyRequest(
        CopyRequestId id,
        RecipientId recipient,
        EditionId edition,
        int copies,
        String requestedBy,
        String note,
        Status status,
        String reason,
        List<ShipmentId> shipments,
        Instant createdAt) {
    public CopyRequest {
        Objects.requireNonNull(id, "id");
        shipments = List.copyOf(shipments);
    }

    /**
     * open → planned (a shipment serving it on its way) → fulfilled (every copy delivered) or partly fulfilled (its
     * shipments ended with fewer delivered), or open again (they ended with none), as {@link CopyRequests} derives
     * from its shipments; open or planned → declined, by hand with a reason. {@link #next()} are the steps by hand
     * and by linking.
     */
    public enum Status {
        OPEN,
        PLANNED,
        FULFILLED,
        PARTLY_FULFILLED,
        DECLINED;

        private static final Map<Status, List<Status>> NEXT = Map.of(
                OPEN, List.of(PLANNED, DECLINED),
                PLANNED, List.of(FULFILLED, PARTLY_FULFILLED, DECLINED));

        public List<Status> next() {
            return NEXT.getOrDefault(this, List.of());
        }

        /** Throws {@link DistributionConflict} {@code status-step-not-allowed} unless {@code to} comes next. */
        public void requireStep(Status to) {
            Steps.require("request", this, to, next());
        }

        public String code() {
            return Steps.code(this);
        }

        public static Status parse(String text) {
            return Steps.parse(Status.class, text, "invalid-request-status", "request");
        }
    }

    /** A request as asked for. */
    public record NewRequest(RecipientId recipient, EditionId edition, int copies, String requestedBy, String note) {
        public NewRequest {
            if (recipient == null || edition == null) {
                throw new DistributionInputInvalid("invalid-request", "recipient and edition are required");
            }
            Text.positive(copies, "copies");
            requestedBy = Text.optional(requestedBy, "requestedBy", 300);
            note = Text.optional(note, "note", 2000);
        }
    }
}
