package org.verso.distribution;

import static org.verso.distribution.LedgerSummaries.month;
import static org.verso.distribution.LedgerSummaries.start;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * How to sum the ledger over a period {@code [start, end)} from its monthly summaries: the months {@code [wholeFrom,
 * wholeTo)} from the summaries, plus or minus the movements of a few spans read from the ledger. A month the period
 * only partly covers is read from the ledger when the part is at most half of it, otherwise from the summary less the
 * parts outside the period (so a period ending today subtracts the empty rest of this month). Months are UTC months.
 *
 * @param spans each inside one month, whose movements are added ({@code sign} 1) or subtracted (-1)
 */
record MonthPlan(LocalDate wholeFrom, LocalDate wholeTo, List<Span> spans) {
    MonthPlan {
        spans = List.copyOf(spans);
    }

    /** Movements from {@code from} (included) to {@code to} (excluded), all within {@code month}. */
    record Span(Instant from, Instant to, int sign, LocalDate month) {}

    /** The plan for {@code [start, end)}; {@code start} before {@code end}. */
    static MonthPlan of(Instant start, Instant end) {
        LocalDate first = month(start);
        LocalDate last = month(end.minusNanos(1));
        LocalDate wholeFrom = first;
        LocalDate wholeTo = last.plusMonths(1);
        List<Span> spans = new ArrayList<>();
        if (first.equals(last)) {
            Duration inside = Duration.between(start, end);
            Duration month = Duration.between(start(first), start(wholeTo));
            if (inside.compareTo(month.minus(inside)) <= 0 && !inside.equals(month)) {
                return new MonthPlan(first, first, List.of(new Span(start, end, 1, first)));
            }
            subtract(spans, start(first), start, first);
            subtract(spans, end, start(wholeTo), first);
            return new MonthPlan(wholeFrom, wholeTo, spans);
        }
        Instant firstEnd = start(first.plusMonths(1));
        if (!start.equals(start(first))) {
            if (Duration.between(start, firstEnd).compareTo(Duration.between(start(first), start)) <= 0) {
                wholeFrom = first.plusMonths(1);
                spans.add(new Span(start, firstEnd, 1, first));
            } else {
                subtract(spans, start(first), start, first);
            }
        }
        Instant lastEnd = start(last.plusMonths(1));
        if (!end.equals(lastEnd)) {
            if (Duration.between(start(last), end).compareTo(Duration.between(end, lastEnd)) <= 0) {
                wholeTo = last;
                spans.add(new Span(start(last), end, 1, last));
            } else {
                subtract(spans, end, lastEnd, last);
            }
        }
        return new MonthPlan(wholeFrom, wholeTo, spans);
    }

    private static void subtract(List<Span> spans, Instant from, Instant to, LocalDate month) {
        if (from.isBefore(to)) {
            spans.add(new Span(from, to, -1, month));
        }
    }

    /** True when no month is read from the summaries. */
    boolean noWholeMonths() {
        return !wholeFrom.isBefore(wholeTo);
    }
}
