package org.paydesk.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * How the time of one payment grows with the invoices it is spread over: customers with 10, 100, 1,000 and 10,000
 * open invoices each receive one payment of their whole open total, applied oldest due first, so it touches every
 * invoice. Payments run one at a time (nothing else competes); the median of several is reported per size, and the
 * growth exponent is the slope of log(time) over log(invoices).
 */
final class Scaling {

    /** The API's import limit per request. */
    static final int IMPORT_BATCH = 500;

    private Scaling() {
    }

    /**
     * One size.
     *
     * @param invoices open invoices per customer
     * @param millis each payment's time, in the order made
     */
    record Point(int invoices, List<Double> millis) {

        double medianMillis() {
            List<Double> sorted = new ArrayList<>(millis);
            sorted.sort(null);
            int n = sorted.size();
            return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        }
    }

    /**
     * All sizes.
     *
     * @param points by size, smallest first
     */
    record Result(List<Point> points) {

        /** The slope between the two largest sizes (1,000 to 10,000 in the full run). */
        double lastExponent() {
            if (points.size() < 2) {
                return Double.NaN;
            }
            Point a = points.get(points.size() - 2);
            Point b = points.get(points.size() - 1);
            return slope(a.invoices(), a.medianMillis(), b.invoices(), b.medianMillis());
        }

        /** The least-squares slope of log(median time) over log(invoices), all sizes. */
        double overallExponent() {
            int n = points.size();
            if (n < 2) {
                return Double.NaN;
            }
            double sx = 0;
            double sy = 0;
            double sxx = 0;
            double sxy = 0;
            for (Point p : points) {
                double x = Math.log(p.invoices());
                double y = Math.log(p.medianMillis());
                sx += x;
                sy += y;
                sxx += x * x;
                sxy += x * y;
            }
            return (n * sxy - sx * sy) / (n * sxx - sx * sx);
        }

        String lastSpan() {
            if (points.size() < 2) {
                return "-";
            }
            return String.format(java.util.Locale.ROOT, "%,d -> %,d", points.get(points.size() - 2).invoices(),
                    points.get(points.size() - 1).invoices());
        }

        Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            List<Object> sizes = new ArrayList<>();
            for (Point p : points) {
                Map<String, Object> size = new LinkedHashMap<>();
                size.put("invoices", p.invoices());
                size.put("medianMs", p.medianMillis());
                size.put("msPerInvoice", p.medianMillis() / p.invoices());
                size.put("samplesMs", p.millis());
                sizes.add(size);
            }
            json.put("sizes", sizes);
            json.put("exponentLastSpan", lastExponent());
            json.put("lastSpan", lastSpan());
            json.put("exponentOverall", overallExponent());
            return json;
        }
    }

    static double slope(double x1, double y1, double x2, double y2) {
        return (Math.log(y2) - Math.log(y1)) / (Math.log(x2) - Math.log(x1));
    }

    static Result run(ApiPayments api, List<Integer> sizes, int repeats, Consumer<String> log) throws Exception {
        // One unmeasured payment first, so the first size does not pay for the allocation path's warm-up.
        api.payOldestFirst(api.seedCustomerWith(sizes.get(0), IMPORT_BATCH));
        List<Point> points = new ArrayList<>();
        for (int size : sizes) {
            List<PaymentSlot> customers = new ArrayList<>();
            for (int r = 0; r < repeats; r++) {
                customers.add(api.seedCustomerWith(size, IMPORT_BATCH));
            }
            List<Double> millis = new ArrayList<>();
            for (PaymentSlot customer : customers) {
                long start = System.nanoTime();
                api.payOldestFirst(customer);
                millis.add((System.nanoTime() - start) / 1e6);
            }
            Point point = new Point(size, millis);
            log.accept(String.format(java.util.Locale.ROOT, "scaling: %,d invoices, median %.1f ms %s", size,
                    point.medianMillis(), millis));
            points.add(point);
        }
        return new Result(points);
    }
}
