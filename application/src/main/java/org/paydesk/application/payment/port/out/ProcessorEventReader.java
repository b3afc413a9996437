package org.paydesk.application.payment.port.out;

/**
 * Reads a notification the processor sent (Stripe: a webhook request's raw body and its {@code Stripe-Signature}).
 */
public interface ProcessorEventReader {

    /**
     * Verifies the signature over the raw payload with the endpoint's signing secret and the timestamp against a
     * tolerance, then reads the event.
     *
     * @throws InvalidProcessorEventException when the signature is missing, wrong or too old, the payload is not an
     *     event, or this processor sends no notifications (the sandbox); nothing may change then
     */
    ProcessorEvent read(String payload, String signatureHeader);
}
