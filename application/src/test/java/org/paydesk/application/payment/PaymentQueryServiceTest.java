package org.paydesk.application.payment;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paydesk.application.payment.PaymentDesk.oldestFirst;
import static org.paydesk.domain.testdata.Amounts.usd;
import static org.paydesk.domain.testdata.Payments.allocate;
import static org.paydesk.domain.testdata.Payments.card;
import static org.paydesk.domain.testdata.Refusals.assertRefused;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.paydesk.application.payment.port.in.AllocationInstruction;
import org.paydesk.application.payment.port.out.ProcessorCharge;
import org.paydesk.application.shared.NotFoundException;
import org.paydesk.domain.customer.Customer;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.payment.Allocation;
import org.paydesk.domain.payment.AllocationPlan;
import org.paydesk.domain.payment.Payment;
import org.paydesk.domain.payment.PaymentId;
import org.paydesk.domain.payment.PaymentOutcome;
import org.paydesk.domain.receivable.Receivable;

class PaymentQueryServiceTest {

    private final PaymentDesk desk = new PaymentDesk();
    private final Customer acme = desk.customer();
    private final Receivable older = desk.invoice(acme, "100.00", LocalDate.of(2024, 1, 15));
    private final Receivable newer = desk.invoice(acme, "50.00", LocalDate.of(2024, 2, 15));

    @Test
    void a_preview_shows_the_oldest_due_first_plan_and_changes_nothing() {
        AllocationPlan plan = desk.queries.preview(new AllocationInstruction(acme.id(), usd("130.00"), null));

        assertAll(
                () -> assertEquals(List.of(new Allocation(older.id(), older.number(), usd("100.00")),
                        new Allocation(newer.id(), newer.number(), usd("30.00"))), plan.allocations()),
                () -> assertEquals(usd("0"), plan.unapplied()),
                () -> assertEquals(usd("100.00"), desk.balanceOf(older)),
                () -> assertEquals(usd("50.00"), desk.balanceOf(newer)),
                () -> assertTrue(desk.payments.all().isEmpty()),
                () -> assertTrue(desk.audit.entries().isEmpty()),
                () -> assertTrue(desk.processor.requests().isEmpty()));
    }

    @Test
    void a_preview_computes_the_plan_the_payment_then_applies() {
        AllocationPlan preview = desk.queries.preview(new AllocationInstruction(acme.id(), usd("175.00"), null));
        desk.processor.answers(new PaymentOutcome.Succeeded("pi_1"));

        Payment payment = desk.receiving.receive(oldestFirst(acme, usd("175.00"), card()));

        assertEquals(preview, payment.plan());
    }

    @Test
    void a_preview_refuses_what_the_payment_would_refuse() {
        assertRefused("allocation_exceeds_balance", "allocations[0].amount", () -> desk.queries.preview(
                new AllocationInstruction(acme.id(), usd("200.00"), List.of(allocate(newer.id().value(), "50.01")))));
        assertRefused("customer_not_found", "customerId", () -> desk.queries.preview(
                new AllocationInstruction(new CustomerId(77), usd("1.00"), null)));
    }

    @Test
    void an_unknown_payment_is_not_found() {
        assertThrows(NotFoundException.class, () -> desk.queries.get(new PaymentId(404)));
        assertThrows(NotFoundException.class, () -> desk.queries.chargesFor(new PaymentId(404)));
    }

    @Test
    void the_processor_side_of_a_payment_lists_the_charges_the_processor_holds() {
        desk.processor.answers(new PaymentOutcome.Processing("py_1"));
        Payment payment = desk.receiving.receive(oldestFirst(acme, usd("20.00"), card()));

        List<ProcessorCharge> charges = desk.queries.chargesFor(payment.id());

        assertEquals(List.of(new ProcessorCharge("py_1", desk.processor.lastRequest().idempotencyKey(), usd("20.00"),
                "processing")), charges);
        assertEquals(payment.id(), desk.queries.get(payment.id()).id());
    }
}
