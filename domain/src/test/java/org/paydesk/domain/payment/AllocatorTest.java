package org.paydesk.domain.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paydesk.domain.testdata.Amounts.eur;
import static org.paydesk.domain.testdata.Amounts.usd;
import static org.paydesk.domain.testdata.Payments.allocate;
import static org.paydesk.domain.testdata.Receivables.aReceivable;
import static org.paydesk.domain.testdata.Receivables.byId;
import static org.paydesk.domain.testdata.Refusals.assertRefused;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.receivable.Receivable;
import org.paydesk.domain.receivable.ReceivableId;
import org.paydesk.domain.shared.DomainException;
import org.paydesk.domain.shared.Money;

class AllocatorTest {

    private static final CustomerId CUSTOMER = new CustomerId(1);
    private static final LocalDate JAN_1 = LocalDate.of(2024, 1, 1);

    private static Allocation allocation(Receivable receivable, String amount) {
        return new Allocation(receivable.id(), receivable.number(), usd(amount));
    }

    @Nested
    class OldestDueFirst {

        @Test
        void pays_invoices_in_due_date_order_whatever_order_they_come_in() {
            Receivable dueMarch = aReceivable().withId(1).withBalance("100.00").dueOn(LocalDate.of(2024, 3, 1))
                    .build();
            Receivable dueFebruary = aReceivable().withId(2).withBalance("50.00").dueOn(LocalDate.of(2024, 2, 1))
                    .build();
            Receivable dueApril = aReceivable().withId(3).withBalance("70.00").dueOn(LocalDate.of(2024, 4, 1))
                    .build();

            AllocationPlan plan = Allocator.oldestDueFirst(usd("200.00"), CUSTOMER,
                    List.of(dueMarch, dueFebruary, dueApril));

            assertEquals(List.of(allocation(dueFebruary, "50.00"), allocation(dueMarch, "100.00"),
                    allocation(dueApril, "50.00")), plan.allocations());
            assertEquals(usd("0"), plan.unapplied());
            assertEquals(usd("200.00"), plan.amount());
        }

        @Test
        void breaks_due_date_ties_by_issue_date_then_by_id() {
            LocalDate due = LocalDate.of(2024, 2, 1);
            Receivable issuedLater = aReceivable().withId(1).withBalance("10.00").issuedOn(JAN_1.plusDays(3))
                    .dueOn(due).build();
            Receivable issuedEarlierHighId = aReceivable().withId(8).withBalance("10.00").issuedOn(JAN_1).dueOn(due)
                    .build();
            Receivable issuedEarlierLowId = aReceivable().withId(5).withBalance("10.00").issuedOn(JAN_1).dueOn(due)
                    .build();

            AllocationPlan plan = Allocator.oldestDueFirst(usd("25.00"), CUSTOMER,
                    List.of(issuedLater, issuedEarlierHighId, issuedEarlierLowId));

            assertEquals(List.of(allocation(issuedEarlierLowId, "10.00"), allocation(issuedEarlierHighId, "10.00"),
                    allocation(issuedLater, "5.00")), plan.allocations());
        }

        @Test
        void pays_the_last_invoice_it_reaches_only_in_part() {
            Receivable first = aReceivable().withId(1).withBalance("60.00").dueOn(JAN_1.plusDays(10)).build();
            Receivable second = aReceivable().withId(2).withBalance("60.00").dueOn(JAN_1.plusDays(20)).build();
            Receivable third = aReceivable().withId(3).withBalance("60.00").dueOn(JAN_1.plusDays(30)).build();

            AllocationPlan plan = Allocator.oldestDueFirst(usd("75.00"), CUSTOMER, List.of(third, second, first));

            assertEquals(List.of(allocation(first, "60.00"), allocation(second, "15.00")), plan.allocations());
            assertEquals(usd("0"), plan.unapplied());
        }

        @Test
        void leaves_what_exceeds_all_open_balances_unapplied() {
            Receivable first = aReceivable().withId(1).withBalance("60.00").build();
            Receivable second = aReceivable().withId(2).withBalance("40.00").dueOn(JAN_1.plusDays(45)).build();

            AllocationPlan plan = Allocator.oldestDueFirst(usd("130.00"), CUSTOMER, List.of(first, second));

            assertEquals(List.of(allocation(first, "60.00"), allocation(second, "40.00")), plan.allocations());
            assertEquals(usd("30.00"), plan.unapplied());
            assertEquals(usd("100.00"), plan.allocated());
        }

        @Test
        void leaves_everything_unapplied_when_nothing_is_open() {
            AllocationPlan plan = Allocator.oldestDueFirst(usd("50.00"), CUSTOMER, List.of());

            assertTrue(plan.allocations().isEmpty());
            assertEquals(usd("50.00"), plan.unapplied());
        }

        @Test
        void skips_invoices_that_are_already_paid() {
            Receivable paidOldest = aReceivable().withId(1).paid().dueOn(JAN_1.plusDays(1)).build();
            Receivable open = aReceivable().withId(2).withBalance("80.00").dueOn(JAN_1.plusDays(90)).build();

            AllocationPlan plan = Allocator.oldestDueFirst(usd("50.00"), CUSTOMER, List.of(open, paidOldest));

            assertEquals(List.of(allocation(open, "50.00")), plan.allocations());
        }

        @Test
        void uses_the_open_balance_not_the_original_amount() {
            Receivable partlyPaid = aReceivable().withId(1).withAmount("100.00").withBalance("30.00").build();

            AllocationPlan plan = Allocator.oldestDueFirst(usd("50.00"), CUSTOMER, List.of(partlyPaid));

            assertEquals(List.of(allocation(partlyPaid, "30.00")), plan.allocations());
            assertEquals(usd("20.00"), plan.unapplied());
        }

        @Test
        void only_plans_and_changes_no_balance() {
            Receivable invoice = aReceivable().withId(1).withBalance("60.00").build();

            Allocator.oldestDueFirst(usd("50.00"), CUSTOMER, List.of(invoice));

            assertEquals(usd("60.00"), invoice.openBalance());
        }

        @Test
        void refuses_another_customers_invoice() {
            Receivable theirs = aReceivable().withId(1).forCustomer(2).withBalance("10.00").build();

            assertRefused("receivable_of_another_customer", "customerId",
                    () -> Allocator.oldestDueFirst(usd("5.00"), CUSTOMER, List.of(theirs)));
        }

        @Test
        void refuses_another_customers_invoice_even_when_the_money_runs_out_before_it() {
            Receivable ours = aReceivable().withId(1).withBalance("100.00").dueOn(JAN_1.plusDays(1)).build();
            Receivable theirs = aReceivable().withId(2).forCustomer(2).withBalance("10.00").dueOn(JAN_1.plusDays(60))
                    .build();

            assertRefused("receivable_of_another_customer", "customerId",
                    () -> Allocator.oldestDueFirst(usd("5.00"), CUSTOMER, List.of(ours, theirs)));
        }

        @Test
        void refuses_a_payment_that_is_not_positive() {
            Receivable invoice = aReceivable().build();

            assertRefused("invalid_amount", "amount",
                    () -> Allocator.oldestDueFirst(usd("0"), CUSTOMER, List.of(invoice)));
            assertRefused("invalid_amount", "amount",
                    () -> Allocator.oldestDueFirst(usd("-1.00"), CUSTOMER, List.of(invoice)));
        }
    }

    @Nested
    class Explicit {

        private final Receivable first = aReceivable().withId(1).withBalance("100.00").build();
        private final Receivable second = aReceivable().withId(2).withAmount("80.00").withBalance("50.00").build();
        private final Receivable othersInvoice = aReceivable().withId(3).forCustomer(2).withBalance("10.00").build();
        private final Map<ReceivableId, Receivable> known = byId(first, second, othersInvoice);

        private AllocationPlan explicit(String amount, AllocationRequest... requests) {
            return Allocator.explicit(usd(amount), CUSTOMER, List.of(requests), known);
        }

        @Test
        void applies_exactly_the_amounts_asked_for_in_the_order_asked() {
            AllocationPlan plan = explicit("100.00", allocate(2, "50.00"), allocate(1, "20.00"));

            assertEquals(List.of(allocation(second, "50.00"), allocation(first, "20.00")), plan.allocations());
            assertEquals(usd("30.00"), plan.unapplied());
            assertEquals(usd("70.00"), plan.allocated());
        }

        @Test
        void may_apply_the_whole_payment_and_leave_nothing_unapplied() {
            AllocationPlan plan = explicit("150.00", allocate(1, "100.00"), allocate(2, "50.00"));

            assertEquals(usd("0"), plan.unapplied());
        }

        @Test
        void with_no_requests_leaves_the_whole_payment_unapplied() {
            AllocationPlan plan = explicit("40.00");

            assertTrue(plan.allocations().isEmpty());
            assertEquals(usd("40.00"), plan.unapplied());
        }

        @Test
        void only_plans_and_changes_no_balance() {
            explicit("100.00", allocate(1, "100.00"));

            assertEquals(usd("100.00"), first.openBalance());
        }

        @Test
        void refuses_an_invoice_it_does_not_know() {
            DomainException refused = assertRefused("receivable_not_found", "allocations[1].receivableId",
                    () -> explicit("100.00", allocate(1, "10.00"), allocate(99, "10.00")));

            assertTrue(refused.getMessage().contains("99"), refused.getMessage());
        }

        @Test
        void refuses_another_customers_invoice() {
            assertRefused("receivable_of_another_customer", "allocations[0].receivableId",
                    () -> explicit("100.00", allocate(3, "5.00")));
        }

        @Test
        void refuses_the_same_invoice_twice() {
            assertRefused("duplicate_allocation", "allocations[2].receivableId",
                    () -> explicit("100.00", allocate(1, "10.00"), allocate(2, "10.00"), allocate(1, "10.00")));
        }

        @Test
        void refuses_more_than_the_invoice_has_open() {
            DomainException refused = assertRefused("allocation_exceeds_balance", "allocations[1].amount",
                    () -> explicit("100.00", allocate(1, "10.00"), allocate(2, "50.01")));

            assertTrue(refused.getMessage().contains("50.00"), refused.getMessage());
        }

        @Test
        void refuses_allocations_that_add_up_to_more_than_the_payment() {
            assertRefused("allocations_exceed_payment", "allocations[1].amount",
                    () -> explicit("100.00", allocate(1, "60.00"), allocate(2, "40.01")));
        }

        @Test
        void refuses_an_allocation_that_is_not_positive() {
            assertRefused("invalid_amount", "allocations[1].amount",
                    () -> explicit("100.00", allocate(1, "10.00"), allocate(2, "0")));
            assertRefused("invalid_amount", "allocations[0].amount",
                    () -> explicit("100.00", allocate(1, "-10.00")));
        }

        @Test
        void refuses_an_allocation_in_another_currency() {
            assertRefused("currency_mismatch", "allocations[1].amount.currency",
                    () -> explicit("100.00", allocate(1, "10.00"), allocate(2, eur("10.00"))));
        }

        @Test
        void refuses_a_payment_that_is_not_positive() {
            assertRefused("invalid_amount", "amount", () -> explicit("0", allocate(1, "10.00")));
        }

        @Test
        void allocates_down_to_a_single_minor_unit() {
            Money smallest = Money.ofMinor(1, "USD");

            AllocationPlan plan = explicit("0.01", allocate(1, smallest));

            assertEquals(List.of(new Allocation(first.id(), first.number(), smallest)), plan.allocations());
            assertEquals(usd("0"), plan.unapplied());
        }
    }
}
