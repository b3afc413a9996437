package org.paydesk.adapters.processor.sandbox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.paydesk.application.payment.port.out.ChargeRequest;
import org.paydesk.application.payment.port.out.ProcessorCharge;
import org.paydesk.application.payment.port.out.RefundOutcome;
import org.paydesk.application.payment.port.out.RefundRequest;
import org.paydesk.domain.payment.PaymentFailure;
import org.paydesk.domain.payment.PaymentId;
import org.paydesk.domain.payment.PaymentOutcome;
import org.paydesk.domain.shared.Money;

/**
 * The sandbox's memory of charges and their refunds, faithful to Stripe's idempotency: the first request with a key that gets past
 * validation creates one charge and its answer is kept; the same key with the same parameters replays that answer
 * and creates nothing; the same key with other parameters is refused. A request refused by validation is not kept,
 * so its key may be used again, as at Stripe. Refunds follow the same rules with their own keys, and never give back
 * more than the charge minus its earlier refunds (pending or succeeded). Safe for concurrent callers; held in memory
 * only.
 */
final class SandboxLedger {

    /** Stripe's status words for a PaymentIntent. */
    static final String SUCCEEDED = "succeeded";
    static final String PROCESSING = "processing";
    static final String REQUIRES_PAYMENT_METHOD = "requires_payment_method";

    private final SandboxTokens ids;
    private final Map<String, Charge> byKey = new HashMap<>();
    private final Map<String, Charge> byReference = new HashMap<>();
    private final Map<PaymentId, List<Charge>> byPayment = new HashMap<>();
    private final Map<String, Refund> refundsByKey = new HashMap<>();
    private final Map<String, Refund> refundsById = new HashMap<>();

    SandboxLedger(SandboxTokens ids) {
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    /**
     * Charges once per idempotency key.
     *
     * @param decide validates a new request: the instrument to charge, or why it is refused before any charge
     * @throws IllegalStateException Stripe's {@code idempotency_error}: the key was first used with other parameters
     */
    synchronized Entry charge(ChargeRequest request, Function<ChargeRequest, Decision> decide) {
        Charge earlier = byKey.get(request.idempotencyKey());
        if (earlier != null) {
            if (!earlier.request.equals(request)) {
                throw new IllegalStateException("idempotency_error: Keys for idempotent requests can only be used with "
                        + "the same parameters they were first used with. Try using a key other than '"
                        + request.idempotencyKey() + "' if you meant to execute a different request.");
            }
            return new Entry(Entry.Kind.REPLAYED, earlier.firstAnswer, earlier.snapshot());
        }
        Decision decision = decide.apply(request);
        if (decision.refusal() != null) {
            return new Entry(Entry.Kind.REFUSED, new PaymentOutcome.Declined(null, decision.refusal()), null);
        }
        String reference;
        do {
            reference = ids.newReference();
        } while (byReference.containsKey(reference));
        Charge charge = new Charge(reference, request, decision.instrument());
        byKey.put(request.idempotencyKey(), charge);
        byReference.put(reference, charge);
        byPayment.computeIfAbsent(request.paymentId(), id -> new ArrayList<>()).add(charge);
        return new Entry(Entry.Kind.CREATED, charge.firstAnswer, charge.snapshot());
    }

    /**
     * Settles a processing debit as its test account dictates.
     *
     * @return the final outcome, or empty when the reference is unknown or the charge is not waiting to settle
     */
    synchronized Optional<Settlement> settle(String reference) {
        Charge charge = byReference.get(reference);
        if (charge == null || !PROCESSING.equals(charge.status)
                || !(charge.instrument.behaviour() instanceof Behaviour.SettlesLater later)) {
            return Optional.empty();
        }
        PaymentOutcome outcome;
        if (later.succeeds()) {
            charge.status = SUCCEEDED;
            outcome = new PaymentOutcome.Succeeded(reference);
        } else {
            // A failed debit sends Stripe's PaymentIntent back to waiting for another payment method.
            charge.status = REQUIRES_PAYMENT_METHOD;
            charge.failure = later.failure();
            outcome = new PaymentOutcome.Declined(reference, later.failure());
        }
        return Optional.of(new Settlement(charge.snapshot(), outcome));
    }

    /**
     * Refunds once per idempotency key, as Stripe does: a card refund succeeds at once, an ACH refund is pending until
     * {@link #settleRefund}. A refusal (unknown charge, not succeeded, more than is left) creates no refund and is not
     * kept, so its key may be used again.
     *
     * @throws IllegalStateException Stripe's {@code idempotency_error}: the key was first used with another request
     */
    synchronized RefundEntry refund(RefundRequest request) {
        Refund earlier = refundsByKey.get(request.idempotencyKey());
        if (earlier != null) {
            if (!earlier.request.equals(request)) {
                throw new IllegalStateException("idempotency_error: Keys for idempotent requests can only be used with "
                        + "the same parameters they were first used with. Try using a key other than '"
                        + request.idempotencyKey() + "' if you meant to execute a different request.");
            }
            return new RefundEntry(Entry.Kind.REPLAYED, earlier.firstAnswer, earlier.charge.instrument);
        }
        Charge charge = byReference.get(request.processorPaymentReference());
        if (charge == null) {
            return refused(null, "resource_missing", "No such payment_intent; the sandbox knows only its own charges.");
        }
        if (!charge.request.amount().hasSameCurrencyAs(request.amount())) {
            return refused(charge, "currency_mismatch", "The refund must be in the charge's currency, "
                    + charge.request.amount().currency().getCurrencyCode() + ".");
        }
        if (!SUCCEEDED.equals(charge.status)) {
            return refused(charge, "payment_intent_unexpected_state",
                    "This PaymentIntent does not have a successful charge to refund.");
        }
        Money left = charge.request.amount();
        for (Refund refund : charge.refunds) {
            if (!REFUND_FAILED.equals(refund.status)) {
                left = left.minus(refund.request.amount());
            }
        }
        if (left.isZero()) {
            return refused(charge, "charge_already_refunded", "This charge has already been refunded in full.");
        }
        if (request.amount().isGreaterThan(left)) {
            return refused(charge, "amount_too_large", "Refund amount (" + request.amount()
                    + ") is greater than unrefunded amount on charge (" + left + ").");
        }
        String id;
        do {
            id = ids.newRefundId();
        } while (refundsById.containsKey(id));
        Refund refund = new Refund(id, request, charge);
        refundsByKey.put(request.idempotencyKey(), refund);
        refundsById.put(id, refund);
        charge.refunds.add(refund);
        return new RefundEntry(Entry.Kind.CREATED, refund.firstAnswer, charge.instrument);
    }

    /** Completes a pending refund; empty when unknown or not pending. */
    synchronized Optional<RefundOutcome> settleRefund(String refundId) {
        Refund refund = refundsById.get(refundId);
        if (refund == null || !REFUND_PENDING.equals(refund.status)) {
            return Optional.empty();
        }
        refund.status = REFUND_SUCCEEDED;
        return Optional.of(refund.current());
    }

    /** The refund's current state; empty when the sandbox never made it. */
    synchronized Optional<RefundOutcome> refundStatus(String refundId) {
        return Optional.ofNullable(refundsById.get(refundId)).map(Refund::current);
    }

    private static RefundEntry refused(Charge charge, String code, String message) {
        return new RefundEntry(Entry.Kind.REFUSED, new RefundOutcome.Failed(null, code, message),
                charge == null ? null : charge.instrument);
    }

    /** Every charge made for this payment, oldest first, as it stands now. */
    synchronized List<ProcessorCharge> chargesFor(PaymentId payment) {
        return byPayment.getOrDefault(payment, List.of()).stream().map(Charge::current).toList();
    }

    /** The charge with this reference as it stands now; empty when the sandbox never made it. */
    synchronized Optional<ProcessorCharge> lookup(String reference) {
        return Optional.ofNullable(byReference.get(reference)).map(Charge::current);
    }

    /** What to do with a new request: charge {@code instrument}, or refuse it before any charge exists. */
    record Decision(StripeTestInstrument instrument, PaymentFailure refusal) {

        static Decision charge(StripeTestInstrument instrument) {
            return new Decision(Objects.requireNonNull(instrument), null);
        }

        static Decision refuse(PaymentFailure refusal) {
            return new Decision(null, Objects.requireNonNull(refusal));
        }
    }

    /** A charge as it stood when read: enough to log it and to settle it. */
    record ChargeView(String reference, PaymentId paymentId, StripeTestInstrument instrument, String status) {
    }

    /**
     * The answer to one request.
     *
     * @param charge the charge created or replayed; null when the request was refused before any charge
     */
    record Entry(Kind kind, PaymentOutcome outcome, ChargeView charge) {

        enum Kind {
            CREATED, REPLAYED, REFUSED
        }
    }

    record Settlement(ChargeView charge, PaymentOutcome outcome) {
    }

    /**
     * The answer to one refund request.
     *
     * @param instrument the refunded charge's test instrument; null when the charge is unknown
     */
    record RefundEntry(Entry.Kind kind, RefundOutcome outcome, StripeTestInstrument instrument) {
    }

    /** Stripe's status words for a Refund. */
    static final String REFUND_PENDING = "pending";
    static final String REFUND_SUCCEEDED = "succeeded";
    static final String REFUND_FAILED = "failed";

    /** One Refund of a charge. Its status changes only under the ledger's lock. */
    private static final class Refund {

        private final String id;
        private final RefundRequest request;
        private final Charge charge;
        private final RefundOutcome firstAnswer;
        private String status;

        private Refund(String id, RefundRequest request, Charge charge) {
            this.id = id;
            this.request = request;
            this.charge = charge;
            // Card refunds succeed at once in Stripe's test mode; bank debits are refunded by a later credit.
            this.status = charge.instrument instanceof StripeTestBankAccount ? REFUND_PENDING : REFUND_SUCCEEDED;
            this.firstAnswer = current();
        }

        private RefundOutcome current() {
            return switch (status) {
                case REFUND_PENDING -> new RefundOutcome.Pending(id);
                case REFUND_SUCCEEDED -> new RefundOutcome.Succeeded(id);
                default -> new RefundOutcome.Failed(id, "refund_failed", "The refund failed.");
            };
        }
    }

    /** One PaymentIntent. Its status changes only under the ledger's lock. */
    private static final class Charge {

        private final String reference;
        private final ChargeRequest request;
        private final StripeTestInstrument instrument;
        private final PaymentOutcome firstAnswer;
        private final List<Refund> refunds = new ArrayList<>();
        private String status;
        /** Why it failed, once it has. */
        private PaymentFailure failure;

        private Charge(String reference, ChargeRequest request, StripeTestInstrument instrument) {
            this.reference = reference;
            this.request = request;
            this.instrument = instrument;
            Behaviour behaviour = instrument.behaviour();
            if (behaviour instanceof Behaviour.Approves) {
                firstAnswer = new PaymentOutcome.Succeeded(reference);
                status = SUCCEEDED;
            } else if (behaviour instanceof Behaviour.Declines declines) {
                failure = declines.failure();
                firstAnswer = new PaymentOutcome.Declined(reference, failure);
                status = REQUIRES_PAYMENT_METHOD;
            } else if (behaviour instanceof Behaviour.RequiresAuthentication authentication) {
                // On session Stripe would wait in requires_action for a challenge no one can answer here.
                failure = authentication.failure(request.offSession());
                firstAnswer = new PaymentOutcome.Declined(reference, failure);
                status = REQUIRES_PAYMENT_METHOD;
            } else {
                firstAnswer = new PaymentOutcome.Processing(reference);
                status = PROCESSING;
            }
        }

        /**
         * In Paydesk's words. The sandbox simulates neither ACH returns nor disputes, so a charge is never
         * {@link ProcessorCharge.State#RETURNED} nor disputed here.
         */
        private ProcessorCharge current() {
            ProcessorCharge.State state = ProcessorCharge.stateOf(status);
            return new ProcessorCharge(reference, request.idempotencyKey(), request.amount(), status, state,
                    state == ProcessorCharge.State.FAILED ? failure : null, false);
        }

        private ChargeView snapshot() {
            return new ChargeView(reference, request.paymentId(), instrument, status);
        }
    }
}
