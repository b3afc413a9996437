package org.paydesk.domain.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.paydesk.domain.testdata.Amounts.eur;
import static org.paydesk.domain.testdata.Amounts.usd;
import static org.paydesk.domain.testdata.Receivables.aReceivable;
import static org.paydesk.domain.testdata.Receivables.byId;
import static org.paydesk.domain.testdata.Refusals.assertRefused;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.paydesk.domain.receivable.Receivable;
import org.paydesk.domain.receivable.ReceivableId;
import org.paydesk.domain.receivable.ReceivableStatus;

class AllocationPlanTest {

    private final Receivable first = aReceivable().withId(1).withBalance("100.00").build();
    private final Receivable second = aReceivable().withId(2).withBalance("50.00").build();
    private final Map<ReceivableId, Receivable> invoices = byId(first, second);

    private static Allocation to(long id, String amount) {
        return new Allocation(new ReceivableId(id), "INV-" + id, usd(amount));
    }

    @Test
    void accounts_for_the_whole_amount() {
        AllocationPlan plan = new AllocationPlan(usd("120.00"), List.of(to(1, "70.00"), to(2, "30.00")),
                usd("20.00"));

        assertEquals(usd("100.00"), plan.allocated());
        assertEquals(usd("20.00"), plan.unapplied());
    }

    @Test
    void refuses_parts_that_do_not_add_up_to_the_amount() {
        assertThrows(IllegalArgumentException.class,
                () -> new AllocationPlan(usd("100.00"), List.of(to(1, "70.00")), usd("20.00")));
        assertThrows(IllegalArgumentException.class,
                () -> new AllocationPlan(usd("100.00"), List.of(to(1, "70.00")), usd("40.00")));
    }

    @Test
    void refuses_a_negative_remainder_or_a_non_positive_amount() {
        assertThrows(IllegalArgumentException.class,
                () -> new AllocationPlan(usd("100.00"), List.of(to(1, "110.00")), usd("-10.00")));
        assertThrows(IllegalArgumentException.class, () -> new AllocationPlan(usd("0"), List.of(), usd("0")));
    }

    @Test
    void refuses_two_allocations_to_one_invoice() {
        assertThrows(IllegalArgumentException.class, () -> new AllocationPlan(usd("100.00"),
                List.of(to(1, "50.00"), to(1, "50.00")), usd("0")));
    }

    @Test
    void refuses_parts_in_another_currency() {
        assertRefused("currency_mismatch", "currency",
                () -> new AllocationPlan(usd("100.00"), List.of(to(1, "100.00")), eur("0")));
    }

    @Test
    void an_allocation_is_positive() {
        assertThrows(IllegalArgumentException.class, () -> to(1, "0"));
        assertThrows(IllegalArgumentException.class, () -> to(1, "-1.00"));
    }

    @Test
    void cannot_be_changed_through_the_list_it_was_given() {
        List<Allocation> allocations = new ArrayList<>(List.of(to(1, "10.00")));
        AllocationPlan plan = new AllocationPlan(usd("10.00"), allocations, usd("0"));

        allocations.add(to(2, "5.00"));

        assertEquals(1, plan.allocations().size());
        assertThrows(UnsupportedOperationException.class, () -> plan.allocations().add(to(2, "5.00")));
    }

    @Test
    void applying_lowers_each_named_invoice_and_reversing_restores_it() {
        AllocationPlan plan = new AllocationPlan(usd("120.00"), List.of(to(1, "100.00"), to(2, "20.00")), usd("0"));

        plan.applyTo(invoices);
        assertEquals(usd("0"), first.openBalance());
        assertEquals(usd("30.00"), second.openBalance());
        assertEquals(ReceivableStatus.PAID, first.status());

        plan.reverseOn(invoices);
        assertEquals(usd("100.00"), first.openBalance());
        assertEquals(usd("50.00"), second.openBalance());
    }

    @Test
    void refuses_to_apply_when_an_invoice_was_not_loaded() {
        AllocationPlan plan = new AllocationPlan(usd("10.00"), List.of(to(9, "10.00")), usd("0"));

        assertThrows(IllegalArgumentException.class, () -> plan.applyTo(invoices));
        assertThrows(IllegalArgumentException.class, () -> plan.reverseOn(invoices));
    }

    @Test
    void a_plan_that_no_longer_fits_is_refused_and_changes_no_invoice() {
        AllocationPlan plan = new AllocationPlan(usd("100.00"), List.of(to(1, "40.00"), to(2, "60.00")), usd("0"));

        assertRefused("allocation_exceeds_balance", "amount", () -> plan.applyTo(invoices));

        assertEquals(usd("100.00"), first.openBalance());
        assertEquals(usd("50.00"), second.openBalance());
    }

    @Test
    void a_plan_naming_an_unloaded_invoice_changes_no_invoice() {
        AllocationPlan plan = new AllocationPlan(usd("50.00"), List.of(to(1, "40.00"), to(9, "10.00")), usd("0"));

        assertThrows(IllegalArgumentException.class, () -> plan.applyTo(invoices));

        assertEquals(usd("100.00"), first.openBalance());
    }

    @Test
    void a_reversal_that_no_longer_fits_is_refused_and_changes_no_invoice() {
        AllocationPlan plan = new AllocationPlan(usd("30.00"), List.of(to(1, "10.00"), to(2, "20.00")), usd("0"));
        first.apply(usd("10.00"));

        assertThrows(IllegalStateException.class, () -> plan.reverseOn(invoices));

        assertEquals(usd("90.00"), first.openBalance());
        assertEquals(usd("50.00"), second.openBalance());
    }
}
