package org.paydesk.application.paymentmethod.port.out;

/** Unguessable link secrets: at least 128 bits from a CSPRNG, URL-safe. */
public interface SecretGenerator {

    String newSecret();
}
