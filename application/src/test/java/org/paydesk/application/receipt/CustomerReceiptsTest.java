package org.paydesk.application.receipt;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.paydesk.application.payment.PaymentDesk.CASHIER;
import static org.paydesk.application.payment.PaymentDesk.START;
import static org.paydesk.application.payment.PaymentDesk.explicit;
import static org.paydesk.application.payment.PaymentDesk.withRequestKey;
import static org.paydesk.domain.testdata.Amounts.usd;
import static org.paydesk.domain.testdata.Customers.aCustomer;
import static org.paydesk.domain.testdata.Payments.allocate;
import static org.paydesk.domain.testdata.Payments.bankAccount;
import static org.paydesk.domain.testdata.Payments.card;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.paydesk.application.fake.CapturedLog;
import org.paydesk.application.fake.InMemoryOutbox;
import org.paydesk.application.notification.Notification;
import org.paydesk.application.order.OrderDesk;
import org.paydesk.application.order.port.in.PayOrderCommand;
import org.paydesk.application.payment.FollowUpSchedule;
import org.paydesk.application.payment.PaymentDesk;
import org.paydesk.application.payment.ReconciliationService;
import org.paydesk.application.payment.RefundService;
import org.paydesk.application.payment.port.in.ReceivePaymentCommand;
import org.paydesk.application.payment.port.in.RefundPaymentCommand;
import org.paydesk.application.payment.port.out.ProcessorCharge;
import org.paydesk.application.payment.port.out.ProcessorEvent;
import org.paydesk.application.payment.port.out.ProcessorEvent.Kind;
import org.paydesk.application.payment.port.out.RefundOutcome;
import org.paydesk.domain.customer.Customer;
import org.paydesk.domain.customer.CustomerPreferences;
import org.paydesk.domain.order.SalesOrder;
import org.paydesk.domain.payment.PaymentChannel;
import org.paydesk.domain.payment.Payment;
import org.paydesk.domain.payment.PaymentMethod;
import org.paydesk.domain.payment.PaymentOutcome;
import org.paydesk.domain.payment.PaymentStatus;
import org.paydesk.domain.receivable.Receivable;
import org.paydesk.domain.refund.Refund;
import org.paydesk.domain.refund.RefundStatus;

/**
 * Receipts and refund notices on the real ledgers and in-memory fakes: one mail per payment that went through and per
 * refund the processor took, whoever records it and however often the answer comes; none when turned off.
 */
class CustomerReceiptsTest {

    private final PaymentDesk desk = new PaymentDesk();
    private final InMemoryOutbox outbox = new InMemoryOutbox();
    private final Customer acme = desk.customer();
    private final Receivable december = desk.invoice(acme, "60.00", LocalDate.of(2024, 1, 10));
    private final Receivable january = desk.invoice(acme, "40.00", LocalDate.of(2024, 2, 10));

    CustomerReceiptsTest() {
        CustomerReceipts notifications = new CustomerReceipts(desk.customers, desk.payments, outbox);
        desk.recorded.observe(notifications::onPaymentRecorded);
        desk.refundRecorded.observe(notifications::onRefundRecorded);
    }

    /** 120.00: 60.00 on December, 40.00 on January, 20.00 left as credit. */
    private ReceivePaymentCommand payBoth(Customer customer, PaymentMethod method) {
        return explicit(customer, usd("120.00"), method,
                List.of(allocate(december.id().value(), "60.00"), allocate(january.id().value(), "40.00")));
    }

    private Payment paidByCard() {
        desk.processor.answers(new PaymentOutcome.Succeeded("pi_card"));
        Payment payment = desk.receiving.receive(payBoth(acme, card()));
        assertEquals(PaymentStatus.SUCCEEDED, payment.status());
        return payment;
    }

    private List<Notification> receipts() {
        return outbox.enqueued(Notification.PAYMENT_RECEIPT);
    }

    private List<Notification> refundNotices() {
        return outbox.enqueued(Notification.REFUND_NOTICE);
    }

    private static RefundPaymentCommand refundOf(Payment payment, String amount, String requestKey) {
        return new RefundPaymentCommand(payment.id(), usd(amount), "damaged goods", requestKey, CASHIER);
    }

    private Customer customerWith(CustomerPreferences preferences, boolean withEmail) {
        var builder = aCustomer().withId(desk.customers.nextId().value()).withPreferences(preferences);
        Customer customer = (withEmail ? builder : builder.withoutEmail()).build();
        desk.customers.add(customer);
        return customer;
    }

    @Test
    void a_card_payment_that_goes_through_enqueues_one_receipt_with_its_invoices_and_credit() {
        Payment payment = paidByCard();

        assertEquals(1, receipts().size());
        Notification receipt = receipts().get(0);
        assertAll(
                () -> assertEquals(acme.email(), receipt.recipient()),
                () -> assertEquals(Map.of(
                        "customerName", acme.name(),
                        "customerNumber", acme.number(),
                        "paymentId", payment.id().toString(),
                        "amount", "USD 120.00",
                        "method", "Card",
                        "paidAt", START.toString(),
                        "paidInvoices", december.number() + ": USD 60.00\n" + january.number() + ": USD 40.00",
                        "creditKept", "USD 20.00"), receipt.values()),
                () -> assertFalse(receipt.values().toString().contains(payment.method().token()),
                        "the processor's token is not for the customer's eyes"));
    }

    @Test
    void a_payment_that_paid_no_invoice_says_the_whole_amount_is_credit() {
        desk.processor.answers(new PaymentOutcome.Succeeded("pi_card"));
        desk.receiving.receive(explicit(acme, usd("25.00"), card(), List.of()));

        assertEquals("No invoices: the whole payment is kept as credit on your account.",
                receipts().get(0).values().get("paidInvoices"));
        assertEquals("USD 25.00", receipts().get(0).values().get("creditKept"));
    }

    @Test
    void a_declined_payment_sends_no_receipt() {
        desk.processor.answers(new PaymentOutcome.Declined("pi_card", PaymentDesk.doNotHonor()));

        Payment payment = desk.receiving.receive(payBoth(acme, card()));

        assertEquals(PaymentStatus.FAILED, payment.status());
        assertEquals(List.of(), outbox.enqueued());
    }

    @Test
    void an_ach_debit_gets_its_receipt_when_it_settles_not_while_processing_and_once_however_often_told() {
        desk.processor.answers(new PaymentOutcome.Processing("pi_ach"));
        Payment payment = desk.receiving.receive(payBoth(acme, bankAccount()));
        assertEquals(PaymentStatus.PROCESSING, payment.status());
        desk.deliver(new ProcessorEvent("evt_1", "payment_intent.processing", Kind.PAYMENT_CHANGED, "pi_ach",
                payment.id().value(), null, null));
        assertEquals(List.of(), receipts(), "no receipt while the debit is processing");

        desk.processor.nowSays(payment.id(), new ProcessorCharge("pi_ach", null, usd("120.00"), "x",
                ProcessorCharge.State.SUCCEEDED, null, false));
        ProcessorEvent settled = new ProcessorEvent("evt_2", "payment_intent.succeeded", Kind.PAYMENT_CHANGED,
                "pi_ach", payment.id().value(), null, null);
        desk.deliver(settled);
        desk.deliver(settled);
        desk.deliver(new ProcessorEvent("evt_3", "charge.succeeded", Kind.PAYMENT_CHANGED, "pi_ach",
                payment.id().value(), null, null));

        assertEquals(PaymentStatus.SUCCEEDED, desk.stored(payment).status());
        assertEquals(1, receipts().size());
        assertEquals("Bank account (ACH debit)", receipts().get(0).values().get("method"));
    }

    @Test
    void an_ach_debit_that_fails_sends_no_receipt() {
        desk.processor.answers(new PaymentOutcome.Processing("pi_ach"));
        Payment payment = desk.receiving.receive(payBoth(acme, bankAccount()));
        desk.processor.nowSays(payment.id(), new ProcessorCharge("pi_ach", null, usd("120.00"), "x",
                ProcessorCharge.State.FAILED, null, false));

        desk.deliver(new ProcessorEvent("evt_1", "payment_intent.payment_failed", Kind.PAYMENT_CHANGED, "pi_ach",
                payment.id().value(), null, null));

        assertEquals(PaymentStatus.FAILED, desk.stored(payment).status());
        assertEquals(List.of(), outbox.enqueued());
    }

    @Test
    void a_retried_request_with_the_same_key_sends_no_second_receipt() {
        desk.processor.answers(new PaymentOutcome.Succeeded("pi_card"));
        ReceivePaymentCommand command = withRequestKey(payBoth(acme, card()), "carla:key-1");

        Payment first = desk.receiving.receive(command);
        Payment again = desk.receiving.receive(command);

        assertEquals(first.id(), again.id());
        assertEquals(1, receipts().size());
    }

    @Test
    void a_payment_whose_answer_was_lost_gets_its_receipt_when_the_reconciler_settles_it_and_only_then() {
        desk.processor.answersWith(request -> {
            desk.processor.nowSays(request.paymentId(), new ProcessorCharge("pi_lost", request.idempotencyKey(),
                    request.amount(), "succeeded"));
            throw new IllegalStateException("read timed out");
        });
        Payment payment = desk.receiveLosingTheAnswer(payBoth(acme, card()));
        assertEquals(List.of(), receipts());

        reconcileAfter(FollowUpSchedule.FIRST_CHECK);
        reconcileAfter(FollowUpSchedule.FIRST_CHECK.multipliedBy(4));

        assertEquals(PaymentStatus.SUCCEEDED, desk.stored(payment).status());
        assertEquals(1, receipts().size());
    }

    @Test
    void a_customer_who_turned_receipts_off_gets_no_receipt_and_no_refund_notice() {
        Customer quiet = customerWith(new CustomerPreferences(false, true, false), true);
        desk.processor.answers(new PaymentOutcome.Succeeded("pi_card"));
        Payment payment = desk.receiving.receive(explicit(quiet, usd("50.00"), card(), List.of()));
        desk.refundProcessor.answers(new RefundOutcome.Succeeded("re_1"));

        Refund refund = desk.refunding.refund(refundOf(payment, "10.00", null));

        assertEquals(RefundStatus.SUCCEEDED, refund.status());
        assertEquals(List.of(), outbox.enqueued());
    }

    @Test
    void a_customer_without_an_email_address_gets_nothing_and_the_payment_stands() {
        Customer unreachable = customerWith(CustomerPreferences.DEFAULT, false);
        desk.processor.answers(new PaymentOutcome.Succeeded("pi_card"));

        Payment payment = desk.receiving.receive(explicit(unreachable, usd("50.00"), card(), List.of()));

        assertEquals(PaymentStatus.SUCCEEDED, payment.status());
        assertEquals(List.of(), outbox.enqueued());
    }

    @Test
    void a_refund_the_processor_takes_sends_one_notice_with_the_amount_the_payment_and_the_card_timing() {
        Payment payment = paidByCard();
        desk.refundProcessor.answers(new RefundOutcome.Succeeded("re_1"));

        Refund refund = desk.refunding.refund(refundOf(payment, "30.00", null));

        assertEquals(1, refundNotices().size());
        Notification notice = refundNotices().get(0);
        assertAll(
                () -> assertEquals(acme.email(), notice.recipient()),
                () -> assertEquals(Map.of(
                        "customerName", acme.name(),
                        "customerNumber", acme.number(),
                        "refundId", refund.id().toString(),
                        "amount", "USD 30.00",
                        "paymentId", payment.id().toString(),
                        "paymentAmount", "USD 120.00",
                        "paidAt", START.toString(),
                        "method", "Card",
                        "requestedAt", START.toString(),
                        "expectedTiming",
                        "Refunds to a card usually appear on its statement within 5 to 10 business days."),
                        notice.values()));
    }

    @Test
    void a_refund_accepted_then_finished_by_a_webhook_sends_one_notice_when_accepted() {
        Payment payment = paidByCard();
        desk.refundProcessor.answers(new RefundOutcome.Pending("re_1"));

        Refund refund = desk.refunding.refund(refundOf(payment, "30.00", null));
        assertEquals(RefundStatus.PENDING, refund.status());
        assertEquals(1, refundNotices().size(), "the notice goes out when the processor accepts the refund");

        desk.refundProcessor.settle(new RefundOutcome.Succeeded("re_1"));
        ProcessorEvent refunded = new ProcessorEvent("evt_r", "charge.refunded", Kind.REFUND_CHANGED, "pi_card",
                null, null, null);
        desk.deliver(refunded);
        desk.deliver(refunded);

        assertEquals(RefundStatus.SUCCEEDED, desk.refunds.find(refund.id()).orElseThrow().status());
        assertEquals(1, refundNotices().size());
    }

    @Test
    void a_refused_refund_sends_no_notice() {
        Payment payment = paidByCard();
        desk.refundProcessor.answers(new RefundOutcome.Failed("re_1", "charge_disputed", "The charge is disputed."));

        Refund refund = desk.refunding.refund(refundOf(payment, "30.00", null));

        assertEquals(RefundStatus.FAILED, refund.status());
        assertEquals(List.of(), refundNotices());
    }

    @Test
    void a_refund_whose_answer_was_lost_sends_its_notice_once_the_reconciler_records_it() {
        Payment payment = paidByCard();
        desk.refundProcessor.makesAndLoses(new RefundOutcome.Succeeded("re_1"));
        Refund refund;
        try (CapturedLog quiet = CapturedLog.of(RefundService.class)) {
            refund = desk.refunding.refund(refundOf(payment, "30.00", null));
        }
        assertEquals(RefundStatus.REQUESTED, refund.status());
        assertEquals(List.of(), refundNotices(), "no notice while nobody knows whether the processor took it");

        reconcileAfter(FollowUpSchedule.FIRST_CHECK);
        reconcileAfter(FollowUpSchedule.FIRST_CHECK.multipliedBy(4));

        assertEquals(RefundStatus.SUCCEEDED, desk.refunds.find(refund.id()).orElseThrow().status());
        assertEquals(1, refundNotices().size());
    }

    @Test
    void a_retried_refund_request_with_the_same_key_sends_no_second_notice() {
        Payment payment = paidByCard();
        desk.refundProcessor.answers(new RefundOutcome.Succeeded("re_1"));

        Refund first = desk.refunding.refund(refundOf(payment, "30.00", "carla:refund-1"));
        Refund again = desk.refunding.refund(refundOf(payment, "30.00", "carla:refund-1"));

        assertEquals(first.id(), again.id());
        assertEquals(1, refundNotices().size());
    }

    @Test
    void each_refund_of_a_payment_has_its_own_notice() {
        Payment payment = paidByCard();
        desk.refundProcessor.answers(new RefundOutcome.Succeeded("re_1")).answers(new RefundOutcome.Succeeded("re_2"));

        desk.refunding.refund(refundOf(payment, "30.00", null));
        desk.refunding.refund(refundOf(payment, "20.00", null));

        assertEquals(List.of("USD 30.00", "USD 20.00"),
                refundNotices().stream().map(n -> n.values().get("amount")).toList());
    }

    @Test
    void an_ach_refund_notice_gives_the_bank_account_timing() {
        desk.processor.answers(new PaymentOutcome.Processing("pi_ach"));
        Payment payment = desk.receiving.receive(payBoth(acme, bankAccount()));
        desk.processor.nowSays(payment.id(), new ProcessorCharge("pi_ach", null, usd("120.00"), "x",
                ProcessorCharge.State.SUCCEEDED, null, false));
        desk.deliver(new ProcessorEvent("evt_2", "payment_intent.succeeded", Kind.PAYMENT_CHANGED, "pi_ach",
                payment.id().value(), null, null));
        desk.refundProcessor.answers(new RefundOutcome.Pending("re_1"));

        desk.refunding.refund(refundOf(payment, "30.00", null));

        assertEquals("Refunds to a bank account (ACH) usually reach it within 5 business days.",
                refundNotices().get(0).values().get("expectedTiming"));
        assertEquals("Bank account (ACH debit)", refundNotices().get(0).values().get("method"));
    }

    @Test
    void a_pay_and_confirm_receipt_lists_the_orders_new_invoice_the_payment_paid() {
        OrderDesk orders = new OrderDesk();
        InMemoryOutbox mails = new InMemoryOutbox();
        CustomerReceipts notifications = new CustomerReceipts(orders.payments.customers,
                orders.payments.payments, mails);
        // Observed after the order's own observer, as the container orders them (ReceiptsObserveLast).
        orders.payments.recorded.observe(notifications::onPaymentRecorded);
        Customer buyer = orders.payments.customer();
        SalesOrder order = orders.order(buyer, "BOLT-1:100:0.25");
        orders.payments.processor.answers(new PaymentOutcome.Succeeded("pi_1"));

        orders.payAndConfirm.payAndConfirm(new PayOrderCommand(order.id(), card(), null, false,
                PaymentChannel.ORDER_ENTRY, CASHIER, null), orders.request(), orders.render);

        List<Notification> sent = mails.enqueued(Notification.PAYMENT_RECEIPT);
        assertEquals(1, sent.size());
        assertEquals(orders.invoiceOf(order).number() + ": USD 25.00", sent.get(0).values().get("paidInvoices"));
        assertEquals("USD 0.00", sent.get(0).values().get("creditKept"));
    }

    private void reconcileAfter(java.time.Duration wait) {
        desk.time.advance(wait);
        try (CapturedLog quiet = CapturedLog.of(ReconciliationService.class)) {
            desk.reconciler.reconcileDue();
        }
    }
}
