package org.paydesk.adapters.rest.order;

import java.util.List;
import org.paydesk.adapters.rest.payment.PaymentJson;
import org.paydesk.adapters.rest.shared.ProblemJson;

/**
 * A declined Pay &amp; Confirm or checkout: the problem document of {@code POST /payments}'s decline (the recorded
 * {@code FAILED} payment and the processor's decline code) plus the order, still open, so it can be paid again.
 */
public record OrderPaymentProblemJson(String type, String title, int status, String detail, String code,
        List<ProblemJson.FieldErrorJson> errors, String declineCode, PaymentJson payment, OrderJson order) {
}
