/**
 * Payment links for staff: email an invoice ({@code POST /receivables/{id}/payment-links}) or a customer's statement
 * ({@code POST /customers/{id}/statement-links}) as a PDF with a Pay link. The customer's page is
 * {@link org.paydesk.adapters.rest.hosted.PaymentLinkServlet}.
 */
package org.paydesk.adapters.rest.paymentlink;
