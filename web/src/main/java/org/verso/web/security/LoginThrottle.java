package org.verso.web.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.verso.web.VersoProperties;

/**
 * Counts failed sign-ins per account and per client address, and refuses further attempts for a while once there were
 * too many. A client address gets four times the allowance of an account, so that one office behind one address is
 * not locked out by a single forgetful colleague. Thread-safe; memory is bounded.
 */
@Component
class LoginThrottle {
    private static final int MAX_KEYS = 100_000;
    private static final int ADDRESS_FACTOR = 4;

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final VersoProperties.Login policy;
    private final Clock clock;

    LoginThrottle(VersoProperties properties, Clock clock) {
        this.policy = properties.login();
        this.clock = clock;
    }

    /** When sign-in for this account or from this address is refused, how long it stays refused. */
    Optional<Duration> lockedFor(String username, String address) {
        Instant now = clock.instant();
        return longest(
                locked("user:" + normal(username), policy.maxFailures(), now),
                locked("addr:" + address, policy.maxFailures() * ADDRESS_FACTOR, now));
    }

    void failed(String username, String address) {
        if (failures.size() > MAX_KEYS) {
            failures.clear();
        }
        Instant now = clock.instant();
        record("user:" + normal(username), now);
        record("addr:" + address, now);
    }

    void succeeded(String username) {
        failures.remove("user:" + normal(username));
    }

    private void record(String key, Instant now) {
        failures.compute(key, (k, times) -> {
            Deque<Instant> list = times == null ? new ArrayDeque<>() : times;
            synchronized (list) {
                prune(list, now);
                list.addLast(now);
            }
            return list;
        });
    }

    private Optional<Duration> locked(String key, int allowance, Instant now) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return Optional.empty();
        }
        synchronized (times) {
            prune(times, now);
            Instant windowStart = now.minus(policy.window());
            long recent = times.stream().filter(t -> !t.isBefore(windowStart)).count();
            if (recent < allowance) {
                return Optional.empty();
            }
            Duration left = Duration.between(now, times.peekLast().plus(policy.lockFor()));
            return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
        }
    }

    private void prune(Deque<Instant> times, Instant now) {
        Instant horizon =
                now.minus(policy.window().compareTo(policy.lockFor()) > 0 ? policy.window() : policy.lockFor());
        while (!times.isEmpty() && times.peekFirst().isBefore(horizon)) {
            times.pollFirst();
        }
    }

    private static Optional<Duration> longest(Optional<Duration> a, Optional<Duration> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        return a.get().compareTo(b.get()) >= 0 ? a : b;
    }

    private static String normal(String username) {
        return username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
