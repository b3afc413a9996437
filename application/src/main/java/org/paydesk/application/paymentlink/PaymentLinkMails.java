package org.paydesk.application.paymentlink;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.paydesk.application.notification.DocumentValues;
import org.paydesk.application.notification.Notification;
import org.paydesk.domain.customer.Customer;
import org.paydesk.domain.paymentlink.PaymentLink;
import org.paydesk.domain.paymentlink.PaymentLinkKind;
import org.paydesk.domain.receivable.Receivable;
import org.paydesk.domain.shared.Money;

/**
 * The mails of payment links: the invoice (or statement) as a PDF attachment, described in the values
 * ({@link DocumentValues}), and a Pay button with the link.
 */
public final class PaymentLinkMails {

    /** Values: customerName, sentBy, linkPath, invoiceNumber, total, dueDate, plus the PDF's values. */
    public static final String INVOICE = "invoice-payment-link";
    /** Values: customerName, sentBy, linkPath, invoiceCount, total, plus the PDF's values. */
    public static final String STATEMENT = "statement-payment-link";

    /** An invoice mailed without a Pay link (customer opted out). Values: customerName, sentBy, invoiceNumber, total,
     *  dueDate, plus the PDF's values. */
    public static final String INVOICE_ONLY = "invoice";

    private PaymentLinkMails() {
    }

    static Notification of(PaymentLink link, Customer customer, List<Receivable> invoices, Money total,
            String secret, String statementDate) {
        Map<String, String> values = new HashMap<>();
        values.put("customerName", customer.name());
        values.put("sentBy", link.sentBy());
        values.put("linkPath", "/pay/links/" + secret);
        values.put("total", amount(total));
        List<DocumentValues.Line> lines = invoices.stream().map(invoice -> new DocumentValues.Line(invoice.number(),
                invoice.issueDate().toString(), invoice.dueDate().toString(), amount(invoice.originalAmount()),
                amount(invoice.openBalance()))).toList();
        String who = customer.name() + " (" + customer.number() + ")";
        DocumentValues document;
        String kind;
        if (link.kind() == PaymentLinkKind.INVOICE) {
            Receivable invoice = invoices.get(0);
            kind = INVOICE;
            values.put("invoiceNumber", invoice.number());
            values.put("dueDate", invoice.dueDate().toString());
            document = new DocumentValues("invoice-" + fileSafe(invoice.number()) + ".pdf",
                    "Invoice " + invoice.number(), who, lines, amount(total));
        } else {
            kind = STATEMENT;
            values.put("invoiceCount", Integer.toString(invoices.size()));
            document = new DocumentValues("statement-" + fileSafe(customer.number()) + "-" + statementDate + ".pdf",
                    "Statement of " + statementDate, who, lines, amount(total));
        }
        values.putAll(document.values());
        return new Notification(kind, link.recipientEmail(), values);
    }

    /** The invoice as a PDF, with no link: for a customer who takes no payment links. */
    static Notification invoiceOnly(Customer customer, Receivable invoice, String email, String sentBy) {
        Map<String, String> values = new HashMap<>();
        values.put("customerName", customer.name());
        values.put("sentBy", sentBy);
        values.put("invoiceNumber", invoice.number());
        values.put("total", amount(invoice.openBalance()));
        values.put("dueDate", invoice.dueDate().toString());
        values.putAll(new DocumentValues("invoice-" + fileSafe(invoice.number()) + ".pdf", "Invoice " + invoice.number(),
                customer.name() + " (" + customer.number() + ")", List.of(new DocumentValues.Line(invoice.number(),
                        invoice.issueDate().toString(), invoice.dueDate().toString(),
                        amount(invoice.originalAmount()), amount(invoice.openBalance()))),
                amount(invoice.openBalance())).values());
        return new Notification(INVOICE_ONLY, email, values);
    }

    static String amount(Money money) {
        return money.toDecimalString() + " " + money.currency().getCurrencyCode();
    }

    private static String fileSafe(String text) {
        return text.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
