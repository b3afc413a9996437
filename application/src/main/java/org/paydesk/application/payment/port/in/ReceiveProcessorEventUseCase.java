package org.paydesk.application.payment.port.in;

/**
 * A notification from the processor (a Stripe webhook). It is verified, applied once (a repeat changes nothing) and
 * only as legal transitions of what the processor now says, so a late or repeated event never moves anything back.
 */
public interface ReceiveProcessorEventUseCase {

    /** What became of one notification. */
    enum Receipt {
        /** Applied now. */
        APPLIED,
        /** Applied before; nothing changed. */
        DUPLICATE,
        /** About nothing Paydesk holds (another system's charge, an event type Paydesk does not follow). */
        IGNORED
    }

    /**
     * @throws org.paydesk.application.payment.port.out.InvalidProcessorEventException when the signature or payload
     *     does not verify; nothing changed
     */
    Receipt receive(String payload, String signatureHeader);
}
