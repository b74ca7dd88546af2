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
 * Requests for copies. Linking a shipment that serves a request (same recipient, carrying the edition) plans it;
 * logistics then close it as fulfilled or partly fulfilled, or decline it (with a reason) while open or planned.
 * Thread-safe: a change locks the request's row. Throws {@link DistributionConflict} ({@code
 * status-step-not-allowed}), {@link DistributionInputInvalid} ({@code shipment-does-not-serve-request}, {@code
 * reason-required}) and {@link DistributionNotFound}.
 */
@Service
public class CopyRequests {
    private final JdbcClient db;
    private final Shipments shipments;
    private final Clock clock;

    CopyRequests(JdbcClient db, Shipments shipments, Clock clock) {
        this.db = db;
        this.shipments = shipments;
        this.clock = clock;
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

    /** Links a shipment that serves the request: an open request becomes planned. */
    @Transactional
    public CopyRequest link(CopyRequestId id, ShipmentId shipmentId) {
        if (shipmentId == null) {
            throw new DistributionInputInvalid("invalid-request", "shipment is required");
        }
        CopyRequest request = lock(id);
        Shipment shipment = shipments.get(shipmentId);
        if (!shipment.recipient().equals(request.recipient())
                || shipment.lines().stream().noneMatch(l -> l.edition().equals(request.edition()))) {
            throw new DistributionInputInvalid(
                    "shipment-does-not-serve-request",
                    "shipment " + shipmentId + " does not carry the requested edition to the requesting recipient");
        }
        if (request.status() == Status.OPEN) {
            request.status().requireStep(Status.PLANNED);
            setStatus(id, Status.PLANNED, null);
        } else if (request.status() != Status.PLANNED) {
            request.status().requireStep(Status.PLANNED);
        }
        if (!request.shipments().contains(shipmentId)) {
            db.sql("INSERT INTO dist_request_shipment (request_id, shipment_id) VALUES (?, ?)")
                    .params(id.value(), shipmentId.value())
                    .update();
        }
        return get(id);
    }

    /** Fulfilled or partly fulfilled (from planned), or declined (from open or planned, with a reason). */
    @Transactional
    public CopyRequest changeStatus(CopyRequestId id, Status status, String reason) {
        CopyRequest request = lock(id);
        String why = Text.optional(reason, "reason", 500);
        if (status == null) {
            throw new DistributionInputInvalid("invalid-request-status", "status is required");
        }
        if (status == Status.PLANNED) {
            throw new DistributionInputInvalid(
                    "invalid-request-status", "a request is planned by linking a shipment that serves it");
        }
        request.status().requireStep(status);
        if (status == Status.DECLINED && why == null) {
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
