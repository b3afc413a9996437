package org.paydesk.adapters.rest.hosted;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Slows down anyone guessing link secrets: a client address that has used more than {@code limit} unknown, spent,
 * revoked or expired secrets within a sliding {@code window} gets 429 for every hosted-page request, valid or not,
 * until its oldest miss leaves the window.
 *
 * <p><b>Per node, in memory.</b> Each server counts only what it saw itself and forgets it on restart; behind a load
 * balancer of N nodes a guesser gets up to N times the limit. That is acceptable because a secret has at least 128
 * bits, so the limit is a second line of defence against noise, not what keeps links safe. The client address is
 * the TCP peer's ({@code getRemoteAddr()}); forwarded-for headers are not trusted here.
 *
 * <p>Memory stays bounded: at most {@code limit} instants per address, and addresses without a miss in the window
 * are dropped once more than {@value #MAX_ADDRESSES} are tracked.
 */
@ApplicationScoped
public class WrongSecretLimiter {

    static final int MAX_ADDRESSES = 50_000;
    private static final Logger LOG = Logger.getLogger(WrongSecretLimiter.class.getName());

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final ConcurrentHashMap<String, Deque<Instant>> misses = new ConcurrentHashMap<>();

    @Inject
    public WrongSecretLimiter(HostedPageSettings settings) {
        this(settings.wrongSecretLimit(), settings.wrongSecretWindow(), Clock.systemUTC());
    }

    /** @param clock the time source; a test passes one it controls */
    WrongSecretLimiter(int limit, Duration window, Clock clock) {
        if (limit < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the limit and the window must be positive");
        }
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** For CDI's proxy only. */
    protected WrongSecretLimiter() {
        this(1, Duration.ofMinutes(1), Clock.systemUTC());
    }

    /** Empty when this address may go on; otherwise how long it has to wait (at least one second). */
    public Optional<Duration> retryAfter(String address) {
        Deque<Instant> recent = misses.get(address);
        if (recent == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        synchronized (recent) {
            prune(recent, now);
            if (recent.size() < limit) {
                return Optional.empty();
            }
            Duration wait = Duration.between(now, recent.peekFirst().plus(window));
            return Optional.of(wait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : wait);
        }
    }

    /** This address used a secret that opens nothing. */
    public void recordMiss(String address) {
        Instant now = clock.instant();
        if (misses.size() >= MAX_ADDRESSES && !misses.containsKey(address)) {
            forgetQuietAddresses(now);
        }
        Deque<Instant> recent = misses.computeIfAbsent(address, any -> new ArrayDeque<>());
        synchronized (recent) {
            prune(recent, now);
            recent.addLast(now);
            while (recent.size() > limit) {
                recent.removeFirst();
            }
        }
    }

    int trackedAddresses() {
        return misses.size();
    }

    private void prune(Deque<Instant> recent, Instant now) {
        Instant horizon = now.minus(window);
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(horizon)) {
            recent.removeFirst();
        }
    }

    private void forgetQuietAddresses(Instant now) {
        misses.entrySet().removeIf(entry -> {
            synchronized (entry.getValue()) {
                prune(entry.getValue(), now);
                return entry.getValue().isEmpty();
            }
        });
        if (misses.size() >= MAX_ADDRESSES) {
            // Only a very wide guessing attack gets here; start over rather than grow without bound.
            LOG.warning("more than " + MAX_ADDRESSES + " addresses used wrong link secrets within "
                    + window.toSeconds() + " s; the wrong-secret counts were reset");
            misses.clear();
        }
    }
}
