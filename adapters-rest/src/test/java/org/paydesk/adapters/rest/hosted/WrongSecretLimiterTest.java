package org.paydesk.adapters.rest.hosted;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WrongSecretLimiterTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-01T12:00:00Z"));
    private final WrongSecretLimiter limiter = new WrongSecretLimiter(10, Duration.ofMinutes(1), clock);

    @Test
    void ten_wrong_secrets_a_minute_are_tolerated_and_the_eleventh_request_waits() {
        for (int i = 0; i < 10; i++) {
            assertEquals(Optional.empty(), limiter.retryAfter("10.0.0.1"), "request " + (i + 1));
            limiter.recordMiss("10.0.0.1");
            clock.advance(Duration.ofSeconds(1));
        }
        // The first miss was at 12:00:00 and it is now 12:00:10: 50 seconds until it leaves the window.
        assertEquals(Optional.of(Duration.ofSeconds(50)), limiter.retryAfter("10.0.0.1"));
    }

    @Test
    void a_blocked_address_may_go_on_once_its_oldest_miss_leaves_the_window() {
        for (int i = 0; i < 10; i++) {
            limiter.recordMiss("10.0.0.1");
            clock.advance(Duration.ofSeconds(1));
        }
        clock.advance(Duration.ofSeconds(49));
        assertEquals(Optional.of(Duration.ofSeconds(1)), limiter.retryAfter("10.0.0.1"));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(Optional.empty(), limiter.retryAfter("10.0.0.1"), "the 12:00:00 miss has left the window");
        limiter.recordMiss("10.0.0.1");
        assertEquals(Optional.of(Duration.ofSeconds(1)), limiter.retryAfter("10.0.0.1"),
                "ten misses within the last minute again, the oldest at 12:00:01");
    }

    @Test
    void addresses_are_counted_separately() {
        missTimes("10.0.0.1", 10);
        assertTrue(limiter.retryAfter("10.0.0.1").isPresent());
        assertEquals(Optional.empty(), limiter.retryAfter("10.0.0.2"));
        assertEquals(Optional.empty(), limiter.retryAfter("::1"));
    }

    @Test
    void misses_spread_thinner_than_the_limit_never_block() {
        for (int i = 0; i < 100; i++) {
            assertEquals(Optional.empty(), limiter.retryAfter("10.0.0.1"), "request " + (i + 1));
            limiter.recordMiss("10.0.0.1");
            clock.advance(Duration.ofSeconds(7));
        }
    }

    @Test
    void quiet_addresses_are_forgotten_when_many_are_tracked() {
        for (int i = 0; i < WrongSecretLimiter.MAX_ADDRESSES; i++) {
            limiter.recordMiss("a" + i);
        }
        assertEquals(WrongSecretLimiter.MAX_ADDRESSES, limiter.trackedAddresses());
        clock.advance(Duration.ofMinutes(2));
        limiter.recordMiss("newcomer");
        assertEquals(1, limiter.trackedAddresses());
    }

    @Test
    void the_retry_after_header_rounds_up_to_whole_seconds() {
        assertEquals(50, HostedPages.retryAfterSeconds(Duration.ofSeconds(50)));
        assertEquals(51, HostedPages.retryAfterSeconds(Duration.ofMillis(50_001)));
        assertEquals(1, HostedPages.retryAfterSeconds(Duration.ZERO));
    }

    private void missTimes(String address, int times) {
        for (int i = 0; i < times; i++) {
            limiter.recordMiss(address);
        }
    }

    /** A clock the test moves by hand. */
    static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
