package org.paydesk.application.payment.port.out;

import java.util.Objects;

/**
 * What the processor said about a refund. A refusal (more than is left to refund, a charge that cannot be refunded)
 * is an expected outcome, not an exception.
 */
public sealed interface RefundOutcome {

    /** The processor's id for the refund ({@code re_...}), when one exists. */
    String processorRefundId();

    /** Accepted; the money is on its way back but the processor has not confirmed it (ACH, some cards). */
    record Pending(String processorRefundId) implements RefundOutcome {
        public Pending {
            Objects.requireNonNull(processorRefundId, "processorRefundId");
        }
    }

    /** The money went back. */
    record Succeeded(String processorRefundId) implements RefundOutcome {
        public Succeeded {
            Objects.requireNonNull(processorRefundId, "processorRefundId");
        }
    }

    /**
     * Refused or failed: no money moved.
     *
     * @param processorRefundId the failed refund's id, or null when the processor refused before creating one
     * @param code the processor's stable code ({@code amount_too_large}, {@code charge_already_refunded},
     *     {@code resource_missing} ...)
     * @param message words fit to show staff; never a card or account number
     */
    record Failed(String processorRefundId, String code, String message) implements RefundOutcome {
        public Failed {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }
    }

    /** No answer came back: the refund may or may not exist; ask again with {@link RefundProcessor#refundStatus}. */
    record Unknown(String reason) implements RefundOutcome {
        @Override
        public String processorRefundId() {
            return null;
        }
    }
}
