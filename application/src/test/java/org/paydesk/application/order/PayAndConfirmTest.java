package org.paydesk.application.order;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paydesk.application.payment.PaymentDesk.CASHIER;
import static org.paydesk.domain.testdata.Payments.bankAccount;
import static org.paydesk.domain.testdata.Payments.card;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.paydesk.application.idempotency.port.in.IdempotentAnswer;
import org.paydesk.application.idempotency.port.in.IdempotentRequest;
import org.paydesk.application.order.port.in.PayOrderCommand;
import org.paydesk.application.shared.ConflictException;
import org.paydesk.application.shared.NotFoundException;
import org.paydesk.domain.customer.Customer;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.customer.CustomerPreferences;
import org.paydesk.domain.order.OrderStatus;
import org.paydesk.domain.order.SalesOrder;
import org.paydesk.domain.payment.Payment;
import org.paydesk.domain.payment.PaymentChannel;
import org.paydesk.domain.payment.PaymentMethod;
import org.paydesk.domain.payment.PaymentOutcome;
import org.paydesk.domain.payment.PaymentStatus;
import org.paydesk.domain.receivable.ReceivableStatus;
import org.paydesk.domain.shared.DomainException;
import org.paydesk.domain.shared.Money;

class PayAndConfirmTest {

    private final OrderDesk desk = new OrderDesk();
    private final Customer customer = desk.payments.customer();

    private IdempotentAnswer pay(SalesOrder order, PaymentMethod method) {
        return pay(order, method, desk.request());
    }

    private IdempotentAnswer pay(SalesOrder order, PaymentMethod method, IdempotentRequest request) {
        return desk.payAndConfirm.payAndConfirm(new PayOrderCommand(order.id(), method, null, false,
                PaymentChannel.ORDER_ENTRY, CASHIER, null), request, desk.render);
    }

    private Payment paymentOf(SalesOrder order) {
        return desk.payments.payments.find(desk.stored(order).paymentId()).orElseThrow();
    }

    @Test
    void aCardPaymentConfirmsTheOrderAndPaysItsNewInvoice() {
        SalesOrder order = desk.order(customer, "BOLT-1:100:0.25", "NUT-2:40:0.10");
        desk.payments.processor.answers(new PaymentOutcome.Succeeded("pi_1"));

        pay(order, card());

        SalesOrder confirmed = desk.stored(order);
        Payment payment = paymentOf(order);
        assertAll(
                () -> assertEquals(Money.parse("29.00", "USD"), order.total()),
                () -> assertEquals(OrderStatus.CONFIRMED, confirmed.status()),
                () -> assertEquals(PaymentStatus.SUCCEEDED, payment.status()),
                () -> assertEquals(ReceivableStatus.PAID, desk.invoiceOf(order).status()),
                () -> assertEquals(order.number(), desk.invoiceOf(order).number()),
                () -> assertEquals(Money.parse("29.00", "USD"), desk.invoiceOf(order).originalAmount()),
                () -> assertEquals(1, payment.allocations().size()),
                () -> assertEquals(confirmed.receivableId(), payment.allocations().get(0).receivableId()),
                () -> assertTrue(payment.unapplied().isZero()),
                () -> assertTrue(desk.payments.creditOf(customer).isZero(), "nothing left over as credit"),
                () -> assertEquals(PaymentChannel.ORDER_ENTRY, payment.channel()));
    }

    @Test
    void aDeclineLeavesTheOrderOpenWithoutAnInvoiceAndAnotherCardCanPayIt() {
        SalesOrder order = desk.order(customer, "BOLT-1:10:1.00");
        desk.payments.processor.answers(new PaymentOutcome.Declined("pi_1", desk.payments.doNotHonor()));

        pay(order, card());

        assertAll(
                () -> assertEquals(OrderStatus.OPEN, desk.stored(order).status()),
                () -> assertNull(desk.stored(order).receivableId()),
                () -> assertTrue(desk.payments.receivables.allFor(customer.id()).isEmpty(), "no invoice"),
                () -> assertEquals(PaymentStatus.FAILED, paymentOf(order).status()),
                () -> assertTrue(desk.payments.creditOf(customer).isZero()));

        desk.payments.processor.answers(new PaymentOutcome.Succeeded("pi_2"));
        pay(order, card());

        assertEquals(OrderStatus.CONFIRMED, desk.stored(order).status());
        assertEquals(2, desk.payments.processor.requests().size());
    }

    @Test
    void anAchDebitConfirmsWhileProcessingAndAFailureLaterReopensTheInvoice() {
        SalesOrder order = desk.order(customer, "PIPE-9:2:50.00");
        desk.payments.processor.answers(new PaymentOutcome.Processing("pi_ach"));

        pay(order, bankAccount());

        assertEquals(OrderStatus.CONFIRMED, desk.stored(order).status());
        assertEquals(PaymentStatus.PROCESSING, paymentOf(order).status());
        assertEquals(ReceivableStatus.PAID, desk.invoiceOf(order).status(), "reserved by the processing debit");

        desk.payments.outcomes.record("pi_ach", new PaymentOutcome.Declined("pi_ach", desk.payments.doNotHonor()),
                CASHIER);

        assertAll(
                () -> assertEquals(OrderStatus.CONFIRMED, desk.stored(order).status(), "the goods are ordered"),
                () -> assertEquals(ReceivableStatus.OPEN, desk.invoiceOf(order).status(), "and owed in A/R"),
                () -> assertEquals(PaymentStatus.FAILED, paymentOf(order).status()),
                () -> assertTrue(desk.payments.creditOf(customer).isZero()));
    }

    @Test
    void anOrderIsNeverPaidTwice() {
        SalesOrder order = desk.order(customer, "BOLT-1:1:9.99");
        desk.payments.processor.answers(new PaymentOutcome.Succeeded("pi_1"));
        pay(order, card());

        ConflictException refused = assertThrows(ConflictException.class, () -> pay(order, card()));

        assertEquals("order_already_paid", refused.code());
        assertEquals(1, desk.payments.processor.requests().size(), "the second request charged nothing");
    }

    @Test
    void aRetryWithTheSameKeyReplaysTheFirstAnswerWithoutCharging() {
        SalesOrder order = desk.order(customer, "BOLT-1:1:9.99");
        desk.payments.processor.answers(new PaymentOutcome.Succeeded("pi_1"));
        IdempotentRequest request = desk.request();
        IdempotentAnswer first = pay(order, card(), request);

        IdempotentAnswer retry = pay(order, card(), request);

        assertTrue(retry.replayed());
        assertEquals(first.response(), retry.response());
        assertEquals(1, desk.payments.processor.requests().size());
    }

    @Test
    void whileAPaymentAwaitsTheProcessorNoOtherIsTakenAndTheOrderCannotBeCancelled() {
        SalesOrder order = desk.order(customer, "BOLT-1:1:9.99");
        desk.payments.processor.answers(new PaymentOutcome.Unknown("timeout"));
        try (var log = org.paydesk.application.fake.CapturedLog.of(
                org.paydesk.application.payment.ReceivePaymentService.class)) {
            pay(order, card());
        }

        ConflictException again = assertThrows(ConflictException.class, () -> pay(order, card()));
        ConflictException cancel = assertThrows(ConflictException.class,
                () -> desk.orderService.cancel(order.id(), CASHIER));

        assertEquals("payment_in_progress", again.code());
        assertEquals("payment_in_progress", cancel.code());
        assertEquals(OrderStatus.OPEN, desk.stored(order).status());
    }

    @Test
    void aCancelledOrderCannotBePaid() {
        SalesOrder order = desk.order(customer, "BOLT-1:1:9.99");
        desk.orderService.cancel(order.id(), CASHIER);

        DomainException refused = assertThrows(DomainException.class, () -> pay(order, card()));

        assertEquals("order_cancelled", refused.code());
        assertTrue(desk.payments.processor.requests().isEmpty(), "nothing charged");
        assertEquals(OrderStatus.CANCELLED, desk.stored(order).status());
        assertNull(desk.stored(order).paymentId(), "the refused payment never became the order's");
    }

    @Test
    void aCustomerRequiringPaymentCannotHaveAnOrderConfirmedOnAccount() {
        desk.payments.customers.lock(customer.id()).ifPresent(c -> {
            c.changePreferences(new CustomerPreferences(true, true, true));
            desk.payments.customers.update(c);
        });
        SalesOrder order = desk.order(customer, "BOLT-1:1:9.99");

        DomainException refused = assertThrows(DomainException.class,
                () -> desk.orderService.confirm(order.id(), CASHIER));
        assertEquals("payment_required", refused.code());
        assertEquals(OrderStatus.OPEN, desk.stored(order).status());

        desk.payments.processor.answers(new PaymentOutcome.Succeeded("pi_1"));
        pay(order, card());
        assertEquals(OrderStatus.CONFIRMED, desk.stored(order).status());
    }

    @Test
    void anOrderConfirmedOnAccountHasAnOpenInvoiceDueInThirtyDays() {
        SalesOrder order = desk.order(customer, "BOLT-1:3:10.00");

        desk.orderService.confirm(order.id(), CASHIER);

        LocalDate today = LocalDate.ofInstant(desk.payments.time.now(), ZoneOffset.UTC);
        assertEquals(OrderStatus.CONFIRMED, desk.stored(order).status());
        assertEquals(ReceivableStatus.OPEN, desk.invoiceOf(order).status());
        assertEquals(today.plusDays(30), desk.invoiceOf(order).dueDate());
        ConflictException refused = assertThrows(ConflictException.class, () -> pay(order, card()));
        assertEquals("order_already_confirmed", refused.code());
    }

    @Test
    void aBuyerCannotPayAnotherCustomersOrder() {
        SalesOrder order = desk.order(customer, "BOLT-1:1:9.99");

        assertThrows(NotFoundException.class, () -> desk.payAndConfirm.payAndConfirm(new PayOrderCommand(order.id(),
                card(), null, false, PaymentChannel.ECOMMERCE, CASHIER, new CustomerId(999)), desk.request(),
                desk.render));
        assertTrue(desk.payments.processor.requests().isEmpty());
    }
}
