package org.paydesk.adapters.rest.order;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import org.paydesk.adapters.rest.payment.PaymentJson;
import org.paydesk.adapters.rest.shared.MoneyJson;
import org.paydesk.adapters.rest.shared.PaymentMethodTypes;
import org.paydesk.adapters.rest.shared.ProblemJson;
import org.paydesk.application.order.port.in.FindOrdersQuery;
import org.paydesk.domain.order.SalesOrder;
import org.paydesk.domain.payment.Payment;
import org.paydesk.domain.payment.PaymentStatus;

/**
 * Renders the outcome of a payment taken for an order (Pay &amp; Confirm, checkout). It runs inside the transaction
 * that recorded the outcome, after the order was updated, so the order it shows is the one the payment left.
 */
public final class OrderPayments {

    private OrderPayments() {
    }

    /**
     * {@code 201} with the order and the payment; a decline is {@code 402} problem+json with both.
     *
     * @param base the API's base URI ({@code UriInfo.getBaseUriBuilder()})
     */
    public static Response outcome(Payment payment, FindOrdersQuery orders, UriBuilder base) {
        SalesOrder order = orders.paidBy(payment.id()).orElseThrow(() -> new IllegalStateException(
                "payment " + payment.id() + " was taken for an order, but no order names it"));
        OrderJson orderView = OrderJson.of(order, order.paymentId() != null
                && order.paymentId().equals(payment.id()) ? payment.status() : null);
        PaymentJson paymentView = paymentJson(payment);
        URI location = base.path("payments").path(payment.id().toString()).build();
        if (payment.status() == PaymentStatus.FAILED) {
            String code = payment.failure().code();
            OrderPaymentProblemJson problem = new OrderPaymentProblemJson(
                    "https://paydesk.org/problems/" + code.replace('_', '-'), "Payment failed", 402,
                    payment.failure().message(), code, null, payment.failure().declineCode(), paymentView, orderView);
            return Response.status(402).location(location).type(ProblemJson.MEDIA_TYPE).entity(problem).build();
        }
        return Response.created(location).type(MediaType.APPLICATION_JSON)
                .entity(new PaidOrderJson(orderView, paymentView)).build();
    }

    /** The payment exactly as {@code GET /payments/{id}} shows it. */
    public static PaymentJson paymentJson(Payment payment) {
        return PaymentJson.of(payment);
    }
}
