package org.paydesk.application.paymentmethod.port.in;

/**
 * A link that does not exist, is spent, revoked or expired. Deliberately says no more than that, so a guessed or
 * old link reveals nothing about any customer.
 */
public class LinkUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LinkUnavailableException() {
        super("this link can no longer be used");
    }
}
