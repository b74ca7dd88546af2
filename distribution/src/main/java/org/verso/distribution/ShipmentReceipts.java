package org.verso.distribution;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.verso.accounts.AccountId;
import org.verso.library.LanguageTag;

/**
 * Receipts without an account. A receipt link is a token of 144 random bits ({@link java.security.SecureRandom}),
 * bound to one shipment, with an expiry; the database keeps its SHA-256 and the token sealed with a key kept in the
 * data directory ({@link ReceiptLinkSeal}), so the live link can be shown again ({@link #current}: a reprinted
 * packing slip shows the same QR code). A shipment gets a link when it is packed; issuing a new link ({@link #issue},
 * an explicit action) revokes the earlier ones; a link can be revoked. With a link, the recipient sees the shipment's lines and confirms, per line, the copies
 * accepted, damaged and missing, once: a second receipt (also one racing the first) is {@code
 * receipt-already-submitted} and changes nothing.
 *
 * <p>A receipt takes the shipment's copies out of transit through the ledger: accepted ones as {@code delivered},
 * damaged ones as {@code damaged}, missing ones as {@code lost} (each split over the funders the dispatch took them
 * from), and sets the shipment {@code delivered} (all accepted) or {@code partly_delivered} (anything damaged or
 * missing); a shipment still {@code dispatched} passes {@code in_transit} first. Those changes have no account: their
 * movements carry {@link #RECIPIENT} as the actor.
 *
 * <p>Thread-safe. Throws {@link DistributionNotFound} ({@code receipt-link-not-found}), {@link ReceiptLinkRefused},
 * {@link DistributionConflict} ({@code receipt-already-submitted}, {@code shipment-not-on-its-way}) and {@link
 * DistributionInputInvalid} ({@code receipt-exceeds-shipped}, {@code receipt-incomplete}, {@code invalid-line}).
 */
@Service
public class ShipmentReceipts {
    /** The actor of the movements a recipient's receipt writes (no account signs a receipt). */
    public static final AccountId RECIPIENT = new AccountId(UUID.fromString("00000000-0000-0000-0000-00000000ec01"));

    public static final Duration DEFAULT_VALIDITY = Duration.ofDays(60);
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{16,64}");

    private final JdbcClient db;
    private final Ledger ledger;
    private final Shipments shipments;
    private final Recipients recipients;
    private final Editions editions;
    private final Clock clock;
    private final RequestProgress requests;
    private final ReceiptTokens tokens;

    ShipmentReceipts(
            JdbcClient db,
            Ledger ledger,
            Shipments shipments,
            Recipients recipients,
            Editions editions,
            Clock clock,
            RequestProgress requests,
            ReceiptTokens tokens) {
        this.db = db;
        this.tokens = tokens;
        this.requests = requests;
        this.ledger = ledger;
        this.shipments = shipments;
        this.recipients = recipients;
        this.editions = editions;
        this.clock = clock;
    }

    /** A link just issued: the token is shown this once and never stored. */
    public record ReceiptLink(ShipmentId shipment, String token, Instant expiresAt) {}

    /** What the recipient sees through a link. */
    public record ReceiptView(
            ShipmentId shipment,
            String recipientName,
            LanguageTag recipientLanguage,
            String senderOfRecord,
            ShipmentStatus status,
            List<Item> lines,
            Shipment.Receipt receipt,
            Instant expiresAt) {
        public ReceiptView {
            lines = List.copyOf(lines);
        }
    }

    /** One line as the recipient sees it. */
    public record Item(int line, String title, int copies) {}

    /**
     * The recipient's count of one line; {@code missing} {@code null} means the rest of the line's copies.
     *
     * @param note what the recipient says about the line, or {@code null}
     */
    public record Count(int line, int accepted, int damaged, Integer missing, String note) {
        public Count {
            if (accepted < 0 || damaged < 0 || (missing != null && missing < 0)) {
                throw new DistributionInputInvalid("invalid-count", "copies counted are never negative");
            }
            note = Text.optional(note, "note", 1000);
        }
    }

    /** A receipt as submitted: a count for every line of the shipment. */
    public record ReceiptForm(String note, List<Count> lines) {
        public ReceiptForm {
            note = Text.optional(note, "note", 2000);
            lines = lines == null ? List.of() : List.copyOf(lines);
        }
    }

    /**
     * Issues a new link, valid for {@code validity} (1 to 365 days), and revokes the shipment's earlier links: the
     * earlier link (and a slip printed with it) stops working.
     */
    @Transactional
    public ReceiptLink issue(ShipmentId id, Duration validity, AccountId actor) {
        if (validity.compareTo(Duration.ofDays(1)) < 0 || validity.compareTo(Duration.ofDays(365)) > 0) {
            throw new DistributionInputInvalid("invalid-validity", "a receipt link is valid for 1 to 365 days");
        }
        shipments.lock(id);
        return tokens.issue(id, validity, actor);
    }

    /**
     * The shipment's live link, shown again (the packing slip, the shipment's page): empty when it has none, or only
     * one issued before links were sealed, or the key in the data directory was lost. Changes nothing.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<ReceiptLink> current(ShipmentId id) {
        shipments.get(id);
        return tokens.current(id);
    }

    /** As {@link #current}, or {@link DistributionNotFound} ({@code receipt-link-not-found}) when there is none. */
    @Transactional(readOnly = true)
    public ReceiptLink requireCurrent(ShipmentId id) {
        return current(id).orElseThrow(() -> new DistributionNotFound("receipt-link", "of shipment " + id));
    }

    /** Revokes every live link of the shipment; answers how many. */
    @Transactional
    public int revoke(ShipmentId id) {
        shipments.lock(id);
        return tokens.revokeLive(id);
    }

    /** When the shipment's live link expires, if it has one. */
    @Transactional(readOnly = true)
    public java.util.Optional<Instant> liveLinkExpiry(ShipmentId id) {
        return tokens.liveExpiry(id);
    }

    /** The shipment behind a link, as its recipient sees it. */
    @Transactional(readOnly = true)
    public ReceiptView open(String token) {
        Resolved link = resolve(token);
        Shipment shipment = shipments.get(link.shipment());
        Recipient recipient = recipients.get(shipment.recipient());
        List<Item> items = shipment.lines().stream()
                .map(l -> new Item(l.line(), editions.get(l.edition()).title(), l.copies()))
                .toList();
        return new ReceiptView(
                shipment.id(),
                recipient.name(),
                recipient.language(),
                shipment.senderOfRecord(),
                shipment.status(),
                items,
                shipment.receipt(),
                link.expiresAt());
    }

    /** Records the recipient's receipt once; answers the shipment after it. */
    public Shipment submit(String token, ReceiptForm form) {
        String key = "receipt-" + UUID.randomUUID();
        ShipmentId[] id = new ShipmentId[1];
        ledger.write(
                key,
                Stock.fingerprint(key),
                RECIPIENT,
                locks -> {
                    Resolved link = resolve(token);
                    id[0] = link.shipment();
                    return plan(link, form, locks);
                },
                () -> requests.shipmentChanged(id[0]));
        return shipments.get(id[0]);
    }

    private List<Ledger.Leg> plan(Resolved link, ReceiptForm form, Ledger.Locks locks) {
        Shipment shipment = shipments.lock(link.shipment());
        boolean received = db.sql("SELECT COUNT(*) FROM dist_receipt WHERE shipment_id = ?")
                        .param(shipment.id().value())
                        .query(Long.class)
                        .single()
                > 0;
        if (received) {
            throw new DistributionConflict(
                    "receipt-already-submitted", "this shipment's receipt was already submitted; nothing was changed");
        }
        if (shipment.status() != ShipmentStatus.DISPATCHED && shipment.status() != ShipmentStatus.IN_TRANSIT) {
            throw new DistributionConflict(
                    "shipment-not-on-its-way",
                    "the shipment is " + shipment.status().code() + "; a receipt is taken while it is on its way");
        }
        Map<Integer, Shipments.Counts> counts = counts(shipment, form);
        Timestamp now = Timestamp.from(clock.instant());
        db.sql("INSERT INTO dist_receipt (shipment_id, token_hash, note, submitted_at) VALUES (?, ?, ?, ?)")
                .params(shipment.id().value(), link.hash(), form.note(), now)
                .update();
        for (Count count : form.lines()) {
            Shipments.Counts c = counts.get(count.line());
            db.sql("INSERT INTO dist_receipt_line (shipment_id, line_no, accepted, damaged, missing, note)"
                            + " VALUES (?, ?, ?, ?, ?, ?)")
                    .params(shipment.id().value(), count.line(), c.delivered(), c.damaged(), c.missing(), count.note())
                    .update();
        }
        if (shipment.status() == ShipmentStatus.DISPATCHED) {
            shipments.setStatus(shipment.id(), ShipmentStatus.IN_TRANSIT, null, "receipt");
        }
        boolean whole = counts.values().stream().allMatch(c -> c.damaged() == 0 && c.missing() == 0);
        shipments.setStatus(
                shipment.id(),
                whole ? ShipmentStatus.DELIVERED : ShipmentStatus.PARTLY_DELIVERED,
                null,
                form.note() == null ? "receipt" : "receipt: " + form.note());
        return shipments.fromTransit(shipment, counts, Shipments.reason(shipment, "receipt"), locks);
    }

    private static Map<Integer, Shipments.Counts> counts(Shipment shipment, ReceiptForm form) {
        Map<Integer, Shipments.Counts> counts = new TreeMap<>();
        Map<Integer, Integer> shipped = new HashMap<>();
        shipment.lines().forEach(l -> shipped.put(l.line(), l.copies()));
        for (Count count : form.lines()) {
            Integer copies = shipped.get(count.line());
            if (copies == null || counts.containsKey(count.line())) {
                throw new DistributionInputInvalid("invalid-line", "no such line, or counted twice: " + count.line());
            }
            int missing = count.missing() == null
                    ? Math.max(0, copies - count.accepted() - count.damaged())
                    : count.missing();
            int total = count.accepted() + count.damaged() + missing;
            if (total > copies) {
                throw new DistributionInputInvalid(
                        "receipt-exceeds-shipped",
                        "line " + count.line() + ": " + total + " copies counted but " + copies + " were shipped",
                        Map.of("line", count.line(), "shipped", copies, "counted", total));
            }
            if (total < copies) {
                throw new DistributionInputInvalid(
                        "receipt-incomplete",
                        "line " + count.line() + ": " + total + " copies counted of " + copies
                                + " shipped; count every copy as accepted, damaged or missing",
                        Map.of("line", count.line(), "shipped", copies, "counted", total));
            }
            counts.put(count.line(), new Shipments.Counts(count.accepted(), count.damaged(), missing));
        }
        if (counts.size() != shipped.size()) {
            List<Integer> absent = new ArrayList<>(shipped.keySet());
            absent.removeAll(counts.keySet());
            throw new DistributionInputInvalid(
                    "receipt-incomplete", "every line is counted; missing: " + absent, Map.of("lines", absent));
        }
        return counts;
    }

    private record Resolved(String hash, ShipmentId shipment, Instant expiresAt) {}

    private Resolved resolve(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            throw unknown();
        }
        String hash = hash(token);
        var row = db.sql("SELECT shipment_id, expires_at, revoked_at FROM dist_receipt_token WHERE token_hash = ?")
                .param(hash)
                .query((rs, n) -> new Object[] {
                    rs.getObject("shipment_id", UUID.class),
                    rs.getTimestamp("expires_at"),
                    rs.getTimestamp("revoked_at")
                })
                .optional()
                .orElseThrow(ShipmentReceipts::unknown);
        if (row[2] != null) {
            throw new ReceiptLinkRefused("receipt-link-revoked", "this receipt link was revoked");
        }
        Instant expires = ((Timestamp) row[1]).toInstant();
        if (!clock.instant().isBefore(expires)) {
            throw new ReceiptLinkRefused("receipt-link-expired", "this receipt link expired at " + expires);
        }
        return new Resolved(hash, new ShipmentId((UUID) row[0]), expires);
    }

    private static DistributionNotFound unknown() {
        return new DistributionNotFound("receipt-link", "with this token");
    }

    static String hash(String token) {
        return Stock.fingerprint(token);
    }
}
