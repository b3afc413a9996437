package org.paydesk.application.order;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.function.Function;
import org.paydesk.application.idempotency.port.in.IdempotentAnswer;
import org.paydesk.application.idempotency.port.in.IdempotentRequest;
import org.paydesk.application.idempotency.port.in.StoredResponse;
import org.paydesk.application.order.port.in.PayAndConfirmUseCase;
import org.paydesk.application.order.port.in.PayOrderCommand;
import org.paydesk.application.order.port.out.SalesOrderRepository;
import org.paydesk.application.payment.PaymentPurpose;
import org.paydesk.application.payment.PaymentRecorded;
import org.paydesk.application.payment.ReceivePaymentService;
import org.paydesk.application.payment.port.in.ReceivePaymentCommand;
import org.paydesk.application.shared.ConflictException;
import org.paydesk.application.shared.InvalidRequestException;
import org.paydesk.application.shared.NotFoundException;
import org.paydesk.application.shared.port.out.AuditEntry;
import org.paydesk.application.shared.port.out.AuditTrail;
import org.paydesk.application.shared.port.out.TimeSource;
import org.paydesk.domain.order.OrderStatus;
import org.paydesk.domain.order.SalesOrder;
import org.paydesk.domain.order.SalesOrderId;
import org.paydesk.domain.payment.Payment;
import org.paydesk.domain.payment.PaymentOutcome;
import org.paydesk.domain.receivable.Receivable;

/**
 * Pay &amp; Confirm. The payment is recorded with nothing applied (the order has no invoice yet) and the order names
 * it, in one transaction under the customer's lock, so a second payment for the same order is refused before it is
 * charged. When the processor's answer is recorded ({@link PaymentRecorded}, same transaction as that answer): a
 * success, or an ACH debit now processing, confirms the order and applies the payment to the order's new invoice; a
 * decline leaves the order open (nothing was invoiced); an ACH failure after confirmation reopens the invoice, which
 * the ledger does for every payment, and the order stays confirmed with its debt in A/R.
 */
@ApplicationScoped
public class OrderPaymentService implements PayAndConfirmUseCase {

    private final SalesOrderRepository orders;
    private final ReceivePaymentService receiving;
    private final OrderService orderRules;
    private final OrderInvoicing invoicing;
    private final AuditTrail audit;
    private final TimeSource time;

    @Inject
    public OrderPaymentService(SalesOrderRepository orders, ReceivePaymentService receiving, OrderService orderRules,
            OrderInvoicing invoicing, AuditTrail audit, TimeSource time) {
        this.orders = orders;
        this.receiving = receiving;
        this.orderRules = orderRules;
        this.invoicing = invoicing;
        this.audit = audit;
        this.time = time;
    }

    @Override
    @Transactional(Transactional.TxType.NEVER)
    public IdempotentAnswer payAndConfirm(PayOrderCommand command, IdempotentRequest request,
            Function<Payment, StoredResponse> respond) {
        if ((command.method() == null) == (command.savedMethod() == null)) {
            throw new InvalidRequestException("paymentMethod", "payment_method_required",
                    "give either paymentMethod or savedMethodId");
        }
        SalesOrder order = orders.find(command.orderId())
                .filter(found -> command.owner() == null || found.customerId().equals(command.owner()))
                .orElseThrow(() -> new NotFoundException("order " + command.orderId()));
        ReceivePaymentCommand payment = new ReceivePaymentCommand(order.customerId(), order.total(),
                command.method(), List.of(), command.channel(), null, command.actor(), command.savedMethod(),
                command.saveMethod());
        return receiving.receive(payment, request, respond, paying(order.id()));
    }

    /** Checked and recorded under the customer's lock, in the transaction that records the payment. */
    private PaymentPurpose paying(SalesOrderId id) {
        return payment -> {
            SalesOrder order = orders.find(id).orElseThrow(() -> new NotFoundException("order " + id));
            if (order.status() == OrderStatus.CONFIRMED) {
                throw new ConflictException(order.paymentId() == null ? "order_already_confirmed" : "order_already_paid",
                        "orderId", "order " + order.number() + " is already confirmed"
                                + (order.paymentId() == null ? " on account" : " and paid by payment " + order.paymentId()));
            }
            orderRules.requireNoPaymentRunning(order);
            if (!payment.amount().equals(order.total())) {
                throw new IllegalStateException("payment " + payment.id() + " of " + payment.amount()
                        + " for order total " + order.total());
            }
            order.paymentStarted(payment.id(), payment.createdAt());
            orders.update(order);
        };
    }

    /** Follows the order's payment: runs in the transaction that records each processor answer. */
    void onPaymentRecorded(@Observes PaymentRecorded recorded) {
        Payment payment = recorded.payment();
        SalesOrder order = orders.findByPayment(payment.id()).orElse(null);
        if (order == null) {
            return;
        }
        PaymentOutcome outcome = recorded.outcome();
        boolean paidOrProcessing = outcome instanceof PaymentOutcome.Succeeded
                || outcome instanceof PaymentOutcome.Processing;
        if (paidOrProcessing && order.status() == OrderStatus.OPEN) {
            Receivable invoice = invoicing.invoiceFor(order, true, recorded.at());
            payment.applyUnappliedTo(invoice, order.total(), recorded.at());
            invoicing.store(invoice);
            order.confirmPaid(payment.id(), invoice.id(), recorded.at());
            orders.update(order);
            audit.record(new AuditEntry(recorded.at(), recorded.actor(), "order.confirmed", "order",
                    order.id().toString(), "ok", "paid by payment " + payment.id() + " (" + payment.status()
                            + "), invoice " + invoice.number()));
        } else if (outcome instanceof PaymentOutcome.Declined && order.status() == OrderStatus.CONFIRMED) {
            audit.record(new AuditEntry(recorded.at(), recorded.actor(), "order.payment_failed", "order",
                    order.id().toString(), "reopened", "payment " + payment.id() + " failed after confirmation; "
                            + "invoice " + order.receivableId() + " is open again"));
        } else if (outcome instanceof PaymentOutcome.Declined) {
            audit.record(new AuditEntry(recorded.at(), recorded.actor(), "order.payment_declined", "order",
                    order.id().toString(), "declined", "payment " + payment.id() + "; the order stays open"));
        }
    }

    /** For CDI's proxy only. */
    protected OrderPaymentService() {
        this(null, null, null, null, null, null);
    }
}
