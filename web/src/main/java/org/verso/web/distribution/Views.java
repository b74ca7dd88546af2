package org.verso.web.distribution;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import org.verso.distribution.Balance;
import org.verso.distribution.Edition;
import org.verso.distribution.Funder;
import org.verso.distribution.Location;
import org.verso.distribution.Movement;
import org.verso.distribution.PrintRun;
import org.verso.distribution.Recipient;
import org.verso.distribution.ResultPage;

/** What the distribution API answers: ids as text, enum values in lower case. */
final class Views {
    private Views() {}

    record PageView<T>(List<T> items, int page, int size, long total, long pages) {
        static <S, T> PageView<T> of(ResultPage<S> page, Function<S, T> view) {
            return new PageView<>(
                    page.items().stream().map(view).toList(), page.page(), page.size(), page.total(), page.pages());
        }
    }

    record FunderView(String id, String name, String country, String reference, String currency, String contact) {
        static FunderView of(Funder f) {
            return new FunderView(f.id().toString(), f.name(), f.country(), f.reference(), f.currency(), f.contact());
        }
    }

    record LocationView(String id, String name, String address) {
        static LocationView of(Location l) {
            return new LocationView(l.id().toString(), l.name(), l.address());
        }
    }

    record ItemView(String revision, String code, String description) {
        static ItemView of(Edition.Item item) {
            return new ItemView(
                    item.revision() == null ? null : item.revision().toString(), item.code(), item.description());
        }
    }

    record EditionView(String id, String title, String language, String isbn, List<ItemView> items, boolean frozen) {
        static EditionView of(Edition e) {
            return new EditionView(
                    e.id().toString(),
                    e.title(),
                    e.language().value(),
                    e.isbn(),
                    e.items().stream().map(ItemView::of).toList(),
                    e.frozen());
        }
    }

    record ShareView(String funder, int copies, int received) {}

    record PrintRunView(
            String id,
            String edition,
            int quantity,
            String printer,
            LocalDate orderedOn,
            LocalDate expectedOn,
            LocalDate receivedOn,
            BigDecimal cost,
            String currency,
            String status,
            int received,
            int shortfall,
            String shortfallReason,
            List<ShareView> funders) {
        static PrintRunView of(PrintRun r) {
            return new PrintRunView(
                    r.id().toString(),
                    r.edition().toString(),
                    r.quantity(),
                    r.printer(),
                    r.orderedOn(),
                    r.expectedOn(),
                    r.receivedOn(),
                    r.cost(),
                    r.currency(),
                    r.status().code(),
                    r.received(),
                    r.shortfall(),
                    r.shortfallReason(),
                    r.shares().stream()
                            .map(s -> new ShareView(s.funder().toString(), s.copies(), s.received()))
                            .toList());
        }
    }

    record BalanceView(
            String edition,
            String editionTitle,
            String location,
            String locationName,
            String funder,
            String funderName,
            int quantity,
            int reserved,
            int available) {
        static BalanceView of(Balance b) {
            return new BalanceView(
                    b.edition().toString(),
                    b.editionTitle(),
                    b.location().toString(),
                    b.locationName(),
                    b.funder().toString(),
                    b.funderName(),
                    b.quantity(),
                    b.reserved(),
                    b.available());
        }
    }

    record MovementView(
            long id,
            String type,
            String edition,
            String location,
            String funder,
            int quantity,
            int balanceAfter,
            String reason,
            String printRun,
            Long reverses,
            String actor,
            Instant at) {
        static MovementView of(Movement m) {
            return new MovementView(
                    m.id(),
                    m.type().code(),
                    m.edition().toString(),
                    m.location().toString(),
                    m.funder().toString(),
                    m.quantity(),
                    m.balanceAfter(),
                    m.reason(),
                    m.printRun() == null ? null : m.printRun().toString(),
                    m.reverses(),
                    m.actor().toString(),
                    m.at());
        }
    }

    record RecipientView(
            String id,
            String name,
            String kind,
            String parent,
            String region,
            String city,
            String address,
            String contacts,
            String language) {
        static RecipientView of(Recipient r) {
            return new RecipientView(
                    r.id().toString(),
                    r.name(),
                    r.kind().code(),
                    r.parent() == null ? null : r.parent().toString(),
                    r.region(),
                    r.city(),
                    r.address(),
                    r.contacts(),
                    r.language().value());
        }
    }

    record RecipientNodeView(RecipientView recipient, List<RecipientNodeView> children) {
        static RecipientNodeView of(Recipient.Node node) {
            return new RecipientNodeView(
                    RecipientView.of(node.recipient()),
                    node.children().stream().map(RecipientNodeView::of).toList());
        }
    }
}
