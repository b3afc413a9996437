package org.paydesk.domain.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paydesk.domain.payment.PaymentStatus.DISPUTED;
import static org.paydesk.domain.payment.PaymentStatus.FAILED;
import static org.paydesk.domain.payment.PaymentStatus.PARTIALLY_REFUNDED;
import static org.paydesk.domain.payment.PaymentStatus.PENDING;
import static org.paydesk.domain.payment.PaymentStatus.PROCESSING;
import static org.paydesk.domain.payment.PaymentStatus.REFUNDED;
import static org.paydesk.domain.payment.PaymentStatus.RETURNED;
import static org.paydesk.domain.payment.PaymentStatus.SUCCEEDED;
import static org.paydesk.domain.payment.PaymentStatus.UNKNOWN;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every ordered pair of statuses, checked against the life cycle as the design describes it. */
class PaymentStatusTest {

    /** The legal moves, written out from DESIGN.md section 2; every pair not listed is illegal. */
    private static final Map<PaymentStatus, Set<PaymentStatus>> LEGAL = new EnumMap<>(PaymentStatus.class);

    static {
        LEGAL.put(PENDING, EnumSet.of(PROCESSING, FAILED));
        LEGAL.put(PROCESSING, EnumSet.of(SUCCEEDED, FAILED, UNKNOWN));
        LEGAL.put(UNKNOWN, EnumSet.of(PROCESSING, SUCCEEDED, FAILED));
        LEGAL.put(SUCCEEDED, EnumSet.of(PARTIALLY_REFUNDED, REFUNDED, RETURNED, DISPUTED));
        LEGAL.put(FAILED, EnumSet.noneOf(PaymentStatus.class));
        // A later refund, a dispute or ACH return of what is left; back to SUCCEEDED when the only refund failed.
        LEGAL.put(PARTIALLY_REFUNDED, EnumSet.of(PARTIALLY_REFUNDED, REFUNDED, DISPUTED, RETURNED, SUCCEEDED));
        // Only a refund the processor refused after accepting it gives money back to the payment.
        LEGAL.put(REFUNDED, EnumSet.of(PARTIALLY_REFUNDED, SUCCEEDED));
        LEGAL.put(RETURNED, EnumSet.noneOf(PaymentStatus.class));
        LEGAL.put(DISPUTED, EnumSet.of(SUCCEEDED, REFUNDED));
    }

    static List<Arguments> legalMoves() {
        return pairs(true);
    }

    static List<Arguments> illegalMoves() {
        return pairs(false);
    }

    private static List<Arguments> pairs(boolean legal) {
        List<Arguments> pairs = new ArrayList<>();
        for (PaymentStatus from : PaymentStatus.values()) {
            for (PaymentStatus to : PaymentStatus.values()) {
                if (LEGAL.get(from).contains(to) == legal) {
                    pairs.add(Arguments.of(from, to));
                }
            }
        }
        return pairs;
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("legalMoves")
    void allows_the_moves_of_the_life_cycle(PaymentStatus from, PaymentStatus to) {
        assertTrue(from.canMoveTo(to));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("illegalMoves")
    void refuses_every_other_move(PaymentStatus from, PaymentStatus to) {
        assertFalse(from.canMoveTo(to));
    }

    @Test
    void the_table_covers_every_pair_of_statuses() {
        int statuses = PaymentStatus.values().length;

        assertEquals(statuses, LEGAL.size());
        assertEquals(statuses * statuses, legalMoves().size() + illegalMoves().size());
        assertEquals(21, legalMoves().size());
    }

    @Test
    void a_failed_payment_can_never_succeed() {
        assertFalse(FAILED.canMoveTo(SUCCEEDED));
        assertFalse(FAILED.canMoveTo(PROCESSING));
    }

    @Test
    void a_payment_cannot_succeed_before_it_was_submitted() {
        assertFalse(PENDING.canMoveTo(SUCCEEDED));
        assertFalse(PENDING.canMoveTo(UNKNOWN));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = PaymentStatus.class, names = {"PENDING", "PROCESSING", "UNKNOWN"})
    void awaits_the_processor_until_it_has_answered(PaymentStatus status) {
        assertTrue(status.awaitsProcessor());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = PaymentStatus.class, names = {"PENDING", "PROCESSING", "UNKNOWN"},
            mode = EnumSource.Mode.EXCLUDE)
    void does_not_await_the_processor_once_it_has_answered(PaymentStatus status) {
        assertFalse(status.awaitsProcessor());
    }
}
