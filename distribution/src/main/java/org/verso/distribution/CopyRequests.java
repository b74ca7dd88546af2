package org.verso.distribution;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.verso.accounts.AccountId;
import org.verso.distribution.CopyRequest.NewRequest;
import org.verso.distribution.CopyRequest.Status;

/**
 * Requests for copies. A request's status follows from the shipments linked to it ({@link RequestProgress#derive}):
 * linking a shipment that serves it (same recipient, carrying the edition) plans it; the deliveries of its shipments
 * fulfil it, or fulfil it in part once they have all ended. Only declining (with a reason, while open or planned) is
 * done by hand. Thread-safe: a change locks the shipment's row, then the request's. Throws {@link
 * DistributionConflict} ({@code status-step-not-allowed}), {@link DistributionInputInvalid} ({@code
 * shipment-does-not-serve-request}, {@code reason-required}, {@code invalid-request-status}) and {@link
 * DistributionNotFound}.
 */
@Service
public class CopyRequests {
    private final JdbcClient db;
    private final Shipments shipments;
    private final Clock clock;
    private final RequestProgress progress;

    CopyRequests(JdbcClient db, Shipments shipments, Clock clock, RequestProgress progress) {
        this.db = db;
        this.shipments = shipments;
        this.clock = clock;
        this.progress = progress;
    }

    @Transactional
    public CopyRequest create(NewRequest request, AccountId actor) {
        Exists.require(db, "dist_recipient", request.recipient().value(), "recipient");
        Exists.require(db, "dist_edition", request.edition().value(), "edition");
        CopyRequestId id = CopyRequestId.random();
        db.sql("INSERT INTO dist_request (id, recipient_id, edition_id, copies, requested_by, note, status, created_by,"
                        + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        id.value(),
                        request.recipient().value(),
                        request.edition().value(),
                        request.copies(),
                        request.requestedBy(),
                        request.note(),
                        Status.OPEN.name(),
                        actor.value(),
                        Timestamp.from(clock.instant()))
                .update();
        return get(id);
    }

    @Transactional(readOnly = true)
    public CopyRequest get(CopyRequestId id) {
        return db.sql("SELECT * FROM dist_request WHERE id = ?")
                .param(id.value())
                .query(this::request)
                .optional()
                .orElseThrow(() -> new DistributionNotFound("request", id));
    }

    /** Requests, oldest first (the longest waiting on top); of one status when {@code status} is given. */
    @Transactional(readOnly = true)
    public ResultPage<CopyRequest> list(Status status, Paging paging) {
        String where = status == null ? "" : " WHERE status = ?";
        List<Object> params = new ArrayList<>();
        if (status != null) {
            params.add(status.name());
        }
        long total = db.sql("SELECT COUNT(*) FROM dist_request" + where)
                .params(params)
                .query(Long.class)
                .single();
        params.add(paging.size());
        params.add(paging.offset());
        return ResultPage.of(
                db.sql("SELECT * FROM dist_request" + where + " ORDER BY created_at, id LIMIT ? OFFSET ?")
                        .params(params)
                        .query(this::request)
                        .list(),
                paging,
                total);
    }

    /**
     * Links a shipment that serves the request and sets its status from its shipments: an open request becomes
     * planned (or fulfilled, when the shipment has already delivered). A declined or fulfilled request takes no more.
     */
    @Transactional
    public CopyRequest link(CopyRequestId id, ShipmentId shipmentId) {
        if (shipmentId == null) {
            throw new DistributionInputInvalid("invalid-request", "shipment is required");
        }
        Shipment shipment = shipments.lock(shipmentId);
        CopyRequest request = lock(id);
        if (!shipment.recipient().equals(request.recipient())
                || shipment.lines().stream().noneMatch(l -> l.edition().equals(request.edition()))) {
            throw new DistributionInputInvalid(
                    "shipment-does-not-serve-request",
                    "shipment " + shipmentId + " does not carry the requested edition to the requesting recipient");
        }
        if (request.status() == Status.DECLINED || request.status() == Status.FULFILLED) {
            request.status().requireStep(Status.PLANNED);
        }
        if (!request.shipments().contains(shipmentId)) {
            db.sql("INSERT INTO dist_request_shipment (request_id, shipment_id) VALUES (?, ?)")
                    .params(id.value(), shipmentId.value())
                    .update();
        }
        progress.refresh(id);
        return get(id);
    }

    /**
     * Declines the request (from open or planned, with a reason). Fulfilled and partly fulfilled are not set by hand:
     * they follow from the deliveries of its shipments.
     */
    @Transactional
    public CopyRequest changeStatus(CopyRequestId id, Status status, String reason) {
        CopyRequest request = lock(id);
        String why = Text.optional(reason, "reason", 500);
        if (status == null) {
            throw new DistributionInputInvalid("invalid-request-status", "status is required");
        }
        if (status != Status.DECLINED) {
            throw new DistributionInputInvalid(
                    "invalid-request-status",
                    "only declined is set by hand; planned, fulfilled and partly fulfilled follow from the request's"
                            + " shipments");
        }
        request.status().requireStep(status);
        if (why == null) {
            throw new DistributionInputInvalid("reason-required", "a declined request needs a reason");
        }
        setStatus(id, status, why);
        return get(id);
    }

    private CopyRequest lock(CopyRequestId id) {
        db.sql("SELECT id FROM dist_request WHERE id = ? FOR UPDATE")
                .param(id.value())
                .query(UUID.class)
                .optional()
                .orElseThrow(() -> new DistributionNotFound("request", id));
        return get(id);
    }

    private void setStatus(CopyRequestId id, Status status, String reason) {
        db.sql("UPDATE dist_request SET status = ?, reason = ? WHERE id = ?")
                .params(status.name(), reason, id.value())
                .update();
    }

    private CopyRequest request(ResultSet rs, int n) throws SQLException {
        CopyRequestId id = new CopyRequestId(rs.getObject("id", UUID.class));
        return new CopyRequest(
                id,
                new RecipientId(rs.getObject("recipient_id", UUID.class)),
                new EditionId(rs.getObject("edition_id", UUID.class)),
                rs.getInt("copies"),
                rs.getString("requested_by"),
                rs.getString("note"),
                Status.valueOf(rs.getString("status")),
                rs.getString("reason"),
                db.sql("SELECT shipment_id FROM dist_request_shipment WHERE request_id = ? ORDER BY shipment_id")
                        .param(id.value())
                        .query((r, i) -> new ShipmentId(r.getObject("shipment_id", UUID.class)))
                        .list(),
                rs.getTimestamp("created_at").toInstant());
    }
}
