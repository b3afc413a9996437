package org.paydesk.application.fake;

import java.util.Set;
import org.paydesk.domain.payment.PaymentMethodType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.paydesk.application.payment.port.out.ChargeRequest;
import org.paydesk.application.payment.port.out.PaymentProcessor;
import org.paydesk.application.payment.port.out.ProcessorCharge;
import org.paydesk.domain.payment.PaymentId;
import org.paydesk.domain.payment.PaymentOutcome;

/**
 * A processor that answers each charge with the next scripted step: an outcome, an exception (the answer was lost),
 * or a function of the request (to look at the world while the charge is "in flight"). Every request it got is
 * recorded. A charge nobody scripted fails the test with an {@link AssertionError}, which no service catches. Like
 * Stripe, a request with an idempotency key it has already answered gets the same answer again without a new charge.
 */
public final class ScriptedPaymentProcessor implements PaymentProcessor {

    private final Deque<Function<ChargeRequest, PaymentOutcome>> script = new ArrayDeque<>();
    private final List<ChargeRequest> requests = new ArrayList<>();
    private final Map<String, PaymentOutcome> answeredByKey = new LinkedHashMap<>();
    private final Map<PaymentId, List<ProcessorCharge>> charges = new LinkedHashMap<>();
    private final Map<String, ProcessorCharge> truths = new LinkedHashMap<>();
    private RuntimeException unreachable;

    private Set<PaymentMethodType> wallets = Set.of();

    /** The wallets it takes, as a real processor would say. */
    public ScriptedPaymentProcessor supporting(Set<PaymentMethodType> supported) {
        this.wallets = Set.copyOf(supported);
        return this;
    }

    @Override
    public Set<PaymentMethodType> supportedWallets() {
        return wallets;
    }

    public ScriptedPaymentProcessor answers(PaymentOutcome outcome) {
        return answersWith(request -> outcome);
    }

    public ScriptedPaymentProcessor answersWith(Function<ChargeRequest, PaymentOutcome> answer) {
        script.addLast(answer);
        return this;
    }

    /** The next charge ends without an answer: the call throws. */
    public ScriptedPaymentProcessor loses(RuntimeException failure) {
        return answersWith(request -> {
            throw failure;
        });
    }

    @Override
    public PaymentOutcome charge(ChargeRequest request) {
        requests.add(request);
        PaymentOutcome earlier = answeredByKey.get(request.idempotencyKey());
        if (earlier != null) {
            return earlier;
        }
        if (script.isEmpty()) {
            throw new AssertionError("the processor was not expected to be called: " + request);
        }
        PaymentOutcome outcome = script.removeFirst().apply(request);
        answeredByKey.put(request.idempotencyKey(), outcome);
        if (outcome.processorReference() != null) {
            charges.computeIfAbsent(request.paymentId(), id -> new ArrayList<>()).add(new ProcessorCharge(
                    outcome.processorReference(), request.idempotencyKey(), request.amount(), statusWord(outcome)));
        }
        return outcome;
    }

    @Override
    public List<ProcessorCharge> chargesFor(PaymentId payment) {
        failIfUnreachable();
        return charges.getOrDefault(payment, List.of()).stream()
                .map(charge -> truths.getOrDefault(charge.reference(), charge)).toList();
    }

    @Override
    public Optional<ProcessorCharge> lookup(String processorReference) {
        failIfUnreachable();
        if (truths.containsKey(processorReference)) {
            return Optional.of(truths.get(processorReference));
        }
        return charges.values().stream().flatMap(List::stream)
                .filter(charge -> charge.reference().equals(processorReference)).findFirst();
    }

    /**
     * From now on the processor says this of the charge (settled, failed, returned, disputed), as Stripe's API would
     * answer after the change; the charge is also listed for its payment if it was not yet (made at the processor,
     * its answer lost).
     */
    public ScriptedPaymentProcessor nowSays(PaymentId payment, ProcessorCharge truth) {
        truths.put(truth.reference(), truth);
        List<ProcessorCharge> listed = charges.computeIfAbsent(payment, id -> new ArrayList<>());
        if (listed.stream().noneMatch(charge -> charge.reference().equals(truth.reference()))) {
            listed.add(truth);
        }
        return this;
    }

    /** Lookups fail with this until it is called with null: the processor cannot be reached. */
    public ScriptedPaymentProcessor unreachable(RuntimeException failure) {
        this.unreachable = failure;
        return this;
    }

    private void failIfUnreachable() {
        if (unreachable != null) {
            throw unreachable;
        }
    }

    /** Every request received, in order, including those answered from the idempotency cache. */
    public List<ChargeRequest> requests() {
        return List.copyOf(requests);
    }

    public ChargeRequest lastRequest() {
        if (requests.isEmpty()) {
            throw new AssertionError("the processor was never called");
        }
        return requests.get(requests.size() - 1);
    }

    /** Scripted steps not used yet. */
    public int unusedSteps() {
        return script.size();
    }

    private static String statusWord(PaymentOutcome outcome) {
        if (outcome instanceof PaymentOutcome.Succeeded) {
            return "succeeded";
        }
        if (outcome instanceof PaymentOutcome.Processing) {
            return "processing";
        }
        return "requires_payment_method";
    }
}
