package org.verso.web.distribution;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Counts wrong receipt links (unknown, expired, revoked) per client address: after {@value #ALLOWANCE} within {@link
 * #WINDOW}, every receipt request from that address is refused (429) until the window has passed since the last
 * failure. Thread-safe; memory is bounded.
 */
@Component
class ReceiptThrottle {
    static final int ALLOWANCE = 100;
    static final Duration WINDOW = Duration.ofMinutes(15);
    private static final int MAX_ADDRESSES = 100_000;

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    ReceiptThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long requests from {@code address} stay refused, if they are. */
    Optional<Duration> refusedFor(String address) {
        Deque<Instant> times = failures.get(address);
        if (times == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        synchronized (times) {
            prune(times, now);
            if (times.size() < ALLOWANCE) {
                return Optional.empty();
            }
            return Optional.of(Duration.between(now, times.peekLast().plus(WINDOW)));
        }
    }

    void failed(String address) {
        if (failures.size() > MAX_ADDRESSES) {
            failures.clear();
        }
        Instant now = clock.instant();
        failures.compute(address, (a, times) -> {
            Deque<Instant> list = times == null ? new ArrayDeque<>() : times;
            synchronized (list) {
                prune(list, now);
                list.addLast(now);
            }
            return list;
        });
    }

    private static void prune(Deque<Instant> times, Instant now) {
        while (!times.isEmpty() && times.peekFirst().isBefore(now.minus(WINDOW))) {
            times.pollFirst();
        }
    }
}
