package org.paydesk.domain.payment;

import java.util.Objects;

/**
 * What the processor said about a charge. Declines are expected business outcomes, not exceptions.
 */
public sealed interface PaymentOutcome {

    /** The processor's reference for the charge, when it gave one. */
    String processorReference();

    /** The money was taken. */
    record Succeeded(String processorReference) implements PaymentOutcome {
        public Succeeded {
            Objects.requireNonNull(processorReference, "processorReference");
        }
    }

    /** The processor refused; no money moved. */
    record Declined(String processorReference, PaymentFailure failure) implements PaymentOutcome {
        public Declined {
            Objects.requireNonNull(failure, "failure");
        }
    }

    /** Accepted, but the result comes later (ACH). */
    record Processing(String processorReference) implements PaymentOutcome {
        public Processing {
            Objects.requireNonNull(processorReference, "processorReference");
        }
    }

    /** No answer came back (timeout, lost connection): it may or may not have been charged. */
    record Unknown(String reason) implements PaymentOutcome {
        @Override
        public String processorReference() {
            return null;
        }
    }
}
