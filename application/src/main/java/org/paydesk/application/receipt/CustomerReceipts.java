package org.paydesk.application.receipt;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.paydesk.application.customer.port.out.CustomerRepository;
import org.paydesk.application.notification.Notification;
import org.paydesk.application.notification.port.out.Outbox;
import org.paydesk.application.payment.PaymentRecorded;
import org.paydesk.application.payment.RefundRecorded;
import org.paydesk.application.payment.port.out.PaymentRepository;
import org.paydesk.domain.customer.Customer;
import org.paydesk.domain.payment.Payment;
import org.paydesk.domain.payment.PaymentMethodType;
import org.paydesk.domain.payment.PaymentOutcome;
import org.paydesk.domain.payment.PaymentStatus;
import org.paydesk.domain.refund.Refund;

/**
 * Mails the customer a receipt when a payment goes through and a notice when a refund starts, unless the customer
 * turned them off ({@code receiptsEnabled}) or has no e-mail address.
 *
 * <p>Both are written to the outbox by the observers of the ledgers' events, which run inside the transaction that
 * records the change: a mail exists exactly when that change committed, and only once, because the change itself
 * happens once. A payment becomes {@code SUCCEEDED} once (from pending, processing or unknown; every later answer,
 * webhook or replay finds it settled and records nothing, so fires nothing): at once for a card or wallet, when the
 * debit settles for ACH (not while it is processing), whoever records it (the request, a webhook, the reconciler). A
 * refund starts once: the processor's first answer that takes it (accepted or already done) moves it out of
 * {@code REQUESTED}; a refusal sends nothing, a lost answer sends nothing until the reconciler or a webhook records
 * the processor's answer.
 *
 * <p>These observers run after every other observer of the same events ({@link ReceiptsObserveLast}): a receipt shows
 * the payment as the transaction leaves it, after Pay &amp; Confirm applied it to the order's new invoice.
 */
@ApplicationScoped
public class CustomerReceipts {

    private static final Logger LOG = Logger.getLogger(CustomerReceipts.class.getName());

    private final CustomerRepository customers;
    private final PaymentRepository payments;
    private final Outbox outbox;

    @Inject
    public CustomerReceipts(CustomerRepository customers, PaymentRepository payments, Outbox outbox) {
        this.customers = customers;
        this.payments = payments;
        this.outbox = outbox;
    }

    /** A receipt for a payment that has just gone through. */
    void onPaymentRecorded(@Observes PaymentRecorded recorded) {
        Payment payment = recorded.payment();
        if (!(recorded.outcome() instanceof PaymentOutcome.Succeeded) || payment.status() != PaymentStatus.SUCCEEDED) {
            return;
        }
        Customer customer = customers.find(payment.customerId()).orElseThrow();
        if (!wantsMail(customer, "receipt for payment " + payment.id())) {
            return;
        }
        outbox.enqueue(new Notification(Notification.PAYMENT_RECEIPT, customer.email(), Map.of(
                "customerName", customer.name(),
                "customerNumber", customer.number(),
                "paymentId", payment.id().toString(),
                "amount", payment.amount().toString(),
                "method", describe(payment.method().type()),
                "paidAt", recorded.at().toString(),
                "paidInvoices", paidInvoices(payment),
                "creditKept", payment.unapplied().toString())), recorded.at());
    }

    /** A notice for a refund the processor has just taken. */
    void onRefundRecorded(@Observes RefundRecorded recorded) {
        if (!recorded.started()) {
            return;
        }
        Refund refund = recorded.refund();
        Customer customer = customers.find(refund.customerId()).orElseThrow();
        if (!wantsMail(customer, "notice for refund " + refund.id())) {
            return;
        }
        Payment payment = payments.find(refund.paymentId()).orElseThrow();
        PaymentMethodType method = payment.method().type();
        outbox.enqueue(new Notification(Notification.REFUND_NOTICE, customer.email(), Map.of(
                "customerName", customer.name(),
                "customerNumber", customer.number(),
                "refundId", refund.id().toString(),
                "amount", refund.amount().toString(),
                "paymentId", payment.id().toString(),
                "paymentAmount", payment.amount().toString(),
                "paidAt", payment.createdAt().toString(),
                "method", describe(method),
                "requestedAt", refund.createdAt().toString(),
                "expectedTiming", expectedTiming(method))), recorded.at());
    }

    private static boolean wantsMail(Customer customer, String what) {
        if (!customer.preferences().receiptsEnabled()) {
            return false;
        }
        if (customer.email() == null) {
            LOG.fine(() -> "no " + what + ": customer " + customer.id() + " has no e-mail address");
            return false;
        }
        return true;
    }

    /** One line per invoice the payment paid, as far as it paid it; what it did not apply is credit. */
    static String paidInvoices(Payment payment) {
        if (payment.allocations().isEmpty()) {
            return "No invoices: the whole payment is kept as credit on your account.";
        }
        return payment.allocations().stream().map(a -> a.receivableNumber() + ": " + a.amount())
                .collect(Collectors.joining("\n"));
    }

    /** How the customer paid, in their words; never the token or any digit of the card or account. */
    static String describe(PaymentMethodType type) {
        return switch (type) {
            case CARD -> "Card";
            case ACH -> "Bank account (ACH debit)";
            case APPLE_PAY -> "Apple Pay";
            case GOOGLE_PAY -> "Google Pay";
        };
    }

    /** When the money usually reaches the customer, by how they paid. */
    static String expectedTiming(PaymentMethodType type) {
        return type == PaymentMethodType.ACH
                ? "Refunds to a bank account (ACH) usually reach it within 5 business days."
                : "Refunds to a card usually appear on its statement within 5 to 10 business days.";
    }

    /** For CDI's proxy only. */
    protected CustomerReceipts() {
        this(null, null, null);
    }
}
