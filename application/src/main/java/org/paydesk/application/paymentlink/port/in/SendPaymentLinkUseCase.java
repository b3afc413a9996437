package org.paydesk.application.paymentlink.port.in;

import org.paydesk.domain.paymentlink.PaymentLinkId;

/**
 * Staff email an invoice, or a customer's statement, as a PDF with a Pay link. Refused for a customer opted out of
 * payment links ({@code payment_links_disabled}): then nothing is stored and nothing sent.
 */
public interface SendPaymentLinkUseCase {

    /**
     * @throws org.paydesk.application.shared.NotFoundException when there is no such invoice
     * @throws org.paydesk.domain.shared.DomainException {@code payment_links_disabled}, {@code invoice_not_open},
     *     {@code invalid_email}
     */
    PaymentLinkView sendForInvoice(SendInvoiceLinkCommand command);

    /**
     * As {@link #sendForInvoice}, for the invoice of an order (Order Entry's "email invoice").
     *
     * @throws org.paydesk.application.shared.NotFoundException when there is no such order
     * @throws org.paydesk.domain.shared.DomainException {@code order_not_invoiced} for an order not confirmed yet
     *     (it has no invoice), and as {@link #sendForInvoice}
     */
    PaymentLinkView sendForOrder(SendOrderLinkCommand command);

    /**
     * Emails the invoice as a PDF: with a Pay link (as {@link #sendForInvoice}) when the customer takes payment links,
     * without one when the customer is opted out.
     *
     * @return the link, or empty when the invoice went without one
     * @throws org.paydesk.application.shared.NotFoundException when there is no such invoice
     * @throws org.paydesk.domain.shared.DomainException {@code invoice_not_open}, {@code invalid_email}
     */
    java.util.Optional<PaymentLinkView> emailInvoice(SendInvoiceLinkCommand command);

    /**
     * @throws org.paydesk.application.shared.NotFoundException when there is no such customer
     * @throws org.paydesk.domain.shared.DomainException {@code payment_links_disabled}, {@code nothing_open},
     *     {@code invalid_email}
     */
    PaymentLinkView sendStatement(SendStatementLinkCommand command);

    /**
     * A link as it stands now (never its secret).
     *
     * @throws org.paydesk.application.shared.NotFoundException when there is no such link
     */
    PaymentLinkView get(PaymentLinkId id);
}
