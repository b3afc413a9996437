package org.paydesk.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScalingTest {

    @Test
    void aLinearCostHasExponentOne() {
        Scaling.Result linear = new Scaling.Result(List.of(point(10, 5), point(100, 50), point(1_000, 500),
                point(10_000, 5_000)));
        assertEquals(1.0, linear.lastExponent(), 1e-9);
        assertEquals(1.0, linear.overallExponent(), 1e-9);
    }

    @Test
    void aQuadraticTailShowsInTheLastSpan() {
        Scaling.Result result = new Scaling.Result(List.of(point(10, 10), point(100, 10), point(1_000, 100),
                point(10_000, 10_000)));
        assertEquals(2.0, result.lastExponent(), 1e-9);
        assertEquals("1,000 -> 10,000", result.lastSpan());
    }

    @Test
    void theMedianOfSeveralIgnoresOneSlowPayment() {
        assertEquals(12.0, new Scaling.Point(10, List.of(11.0, 500.0, 12.0)).medianMillis());
        assertEquals(11.5, new Scaling.Point(10, List.of(11.0, 500.0, 12.0, 3.0)).medianMillis());
    }

    private static Scaling.Point point(int invoices, double millis) {
        return new Scaling.Point(invoices, List.of(millis, millis * 2, millis * 0.5));
    }
}
