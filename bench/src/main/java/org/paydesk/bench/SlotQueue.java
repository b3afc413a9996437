package org.paydesk.bench;

import java.util.Collection;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Seeded payments not made yet; each is taken once, by whichever worker asks first. */
final class SlotQueue {

    private final ConcurrentLinkedQueue<PaymentSlot> slots = new ConcurrentLinkedQueue<>();

    void addAll(Collection<PaymentSlot> more) {
        slots.addAll(more);
    }

    /** The next slot, or null when every seeded payment has been made. */
    PaymentSlot take() {
        return slots.poll();
    }

    int size() {
        return slots.size();
    }

    /**
     * Seeds more through {@code target} until at least {@code needed} slots wait.
     *
     * @return how many were seeded now
     */
    int fillTo(PaymentTarget target, int needed) throws Exception {
        int missing = needed - size();
        if (missing <= 0) {
            return 0;
        }
        var seeded = target.seed(missing);
        addAll(seeded);
        return seeded.size();
    }
}
