package org.paydesk.application.paymentmethod.port.in;

import java.time.Instant;

/** What the hosted form shows: whose request it is, who sent it, and until when it works. */
public record HostedFormView(String customerName, String requestedBy, Instant expiresAt) {
}
