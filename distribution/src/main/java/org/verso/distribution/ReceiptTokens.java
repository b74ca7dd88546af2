package org.verso.distribution;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.verso.accounts.AccountId;
import org.verso.distribution.ShipmentReceipts.ReceiptLink;

/**
 * The rows of {@code dist_receipt_token}: a shipment's receipt links, each stored as the token's SHA-256 (what a
 * receipt is checked against) and the token sealed ({@link ReceiptLinkSeal}) so that the current link can be shown
 * again. At most one link of a shipment is live: issuing one revokes the earlier. Callers hold the shipment's row lock.
 */
@Component
class ReceiptTokens {
    private static final int TOKEN_BYTES = 18;
    private final JdbcClient db;
    private final ReceiptLinkSeal seal;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ReceiptTokens(JdbcClient db, ReceiptLinkSeal seal, Clock clock) {
        this.db = db;
        this.seal = seal;
        this.clock = clock;
    }

    /** A new link, valid for {@code validity}; the shipment's earlier live links are revoked. */
    ReceiptLink issue(ShipmentId id, Duration validity, AccountId actor) {
        Instant now = clock.instant();
        revokeLive(id);
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant expires = now.plus(validity);
        db.sql("INSERT INTO dist_receipt_token (token_hash, shipment_id, expires_at, created_by, created_at,"
                        + " token_sealed) VALUES (?, ?, ?, ?, ?, ?)")
                .params(
                        ShipmentReceipts.hash(token),
                        id.value(),
                        Timestamp.from(expires),
                        actor.value(),
                        Timestamp.from(now),
                        seal.seal(token, id))
                .update();
        return new ReceiptLink(id, token, expires);
    }

    /** Issues a link unless the shipment has a live one that can be shown again. */
    void issueIfNone(ShipmentId id, Duration validity, AccountId actor) {
        if (current(id).isEmpty()) {
            issue(id, validity, actor);
        }
    }

    /** The shipment's live link (newest first, not revoked, not expired), when its token can be unsealed. */
    Optional<ReceiptLink> current(ShipmentId id) {
        record Row(String sealed, Instant expires) {}
        return db
                .sql("SELECT token_sealed, expires_at FROM dist_receipt_token WHERE shipment_id = ?"
                        + " AND revoked_at IS NULL AND expires_at > ? AND token_sealed IS NOT NULL"
                        + " ORDER BY created_at DESC")
                .params(id.value(), Timestamp.from(clock.instant()))
                .query((rs, n) -> new Row(
                        rs.getString("token_sealed"),
                        rs.getTimestamp("expires_at").toInstant()))
                .list()
                .stream()
                .map(row -> {
                    String token = seal.open(row.sealed(), id);
                    return token == null ? null : new ReceiptLink(id, token, row.expires());
                })
                .filter(java.util.Objects::nonNull)
                .findFirst();
    }

    /** Revokes the shipment's live links; answers how many. */
    int revokeLive(ShipmentId id) {
        Instant now = clock.instant();
        return db.sql("UPDATE dist_receipt_token SET revoked_at = ? WHERE shipment_id = ? AND revoked_at IS NULL"
                        + " AND expires_at > ?")
                .params(Timestamp.from(now), id.value(), Timestamp.from(now))
                .update();
    }

    /** When the shipment's live link expires, if it has one. */
    Optional<Instant> liveExpiry(ShipmentId id) {
        return db.sql("SELECT MAX(expires_at) FROM dist_receipt_token WHERE shipment_id = ? AND revoked_at IS NULL"
                        + " AND expires_at > ?")
                .params(id.value(), Timestamp.from(clock.instant()))
                .query((rs, n) -> rs.getTimestamp(1))
                .optional()
                .map(Timestamp::toInstant);
    }
}
