package org.paydesk.adapters.rest.order;

import org.paydesk.adapters.rest.payment.PaymentJson;

/** The answer to Pay &amp; Confirm and to checkout: the order as the payment left it, and the payment. */
public record PaidOrderJson(OrderJson order, PaymentJson payment) {
}
