package org.paydesk.application.fake;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.paydesk.application.payment.port.out.RefundOutcome;
import org.paydesk.application.payment.port.out.RefundProcessor;
import org.paydesk.application.payment.port.out.RefundRequest;

/**
 * A processor's refunds answering each new refund with the next scripted step (an outcome, or an exception: the answer
 * was lost). Like Stripe, a key it has already answered gets the same answer again and refunds nothing more; a refund
 * made before its answer was lost is answered for when asked again. {@link #settle} changes what it later says.
 */
public final class ScriptedRefundProcessor implements RefundProcessor {

    private final Deque<Function<RefundRequest, RefundOutcome>> script = new ArrayDeque<>();
    private final Map<String, RefundOutcome> byKey = new LinkedHashMap<>();
    private final Map<String, RefundOutcome> byId = new LinkedHashMap<>();
    private final List<RefundRequest> requests = new ArrayList<>();
    private final List<RefundRequest> refunded = new ArrayList<>();

    public ScriptedRefundProcessor answers(RefundOutcome outcome) {
        script.addLast(request -> outcome);
        return this;
    }

    /** The next refund is made (as {@code made} says) but its answer is lost: the call throws. */
    public ScriptedRefundProcessor makesAndLoses(RefundOutcome made) {
        script.addLast(request -> {
            remember(request, made);
            throw new IllegalStateException("read timed out");
        });
        return this;
    }

    @Override
    public synchronized RefundOutcome refund(RefundRequest request) {
        requests.add(request);
        RefundOutcome earlier = byKey.get(request.idempotencyKey());
        if (earlier != null) {
            return byId.getOrDefault(earlier.processorRefundId(), earlier);
        }
        if (script.isEmpty()) {
            throw new AssertionError("the refund processor was not expected to be called: " + request);
        }
        RefundOutcome outcome = script.removeFirst().apply(request);
        remember(request, outcome);
        return outcome;
    }

    private void remember(RefundRequest request, RefundOutcome outcome) {
        byKey.put(request.idempotencyKey(), outcome);
        if (outcome.processorRefundId() != null) {
            byId.put(outcome.processorRefundId(), outcome);
        }
        if (!(outcome instanceof RefundOutcome.Failed)) {
            refunded.add(request);
        }
    }

    @Override
    public synchronized RefundOutcome refundStatus(String processorRefundId) {
        RefundOutcome outcome = byId.get(processorRefundId);
        if (outcome == null) {
            throw new IllegalArgumentException("no refund " + processorRefundId);
        }
        return outcome;
    }

    /** From now on the processor says this of a refund it holds. */
    public synchronized void settle(RefundOutcome outcome) {
        if (!byId.containsKey(outcome.processorRefundId())) {
            throw new IllegalArgumentException("no refund " + outcome.processorRefundId());
        }
        byId.put(outcome.processorRefundId(), outcome);
    }

    /** Every refund call, including repeats with a known key. */
    public synchronized List<RefundRequest> requests() {
        return List.copyOf(requests);
    }

    /** Refunds actually made (once per key; refused ones are not). */
    public synchronized List<RefundRequest> refunded() {
        return List.copyOf(refunded);
    }
}
