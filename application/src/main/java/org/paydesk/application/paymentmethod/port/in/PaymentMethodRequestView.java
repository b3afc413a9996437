package org.paydesk.application.paymentmethod.port.in;

import org.paydesk.domain.paymentmethod.PaymentMethodRequest;
import org.paydesk.domain.paymentmethod.PaymentMethodRequestStatus;

/** A request and its status as of now. */
public record PaymentMethodRequestView(PaymentMethodRequest request, PaymentMethodRequestStatus status) {
}
