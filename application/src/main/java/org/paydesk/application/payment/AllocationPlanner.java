package org.paydesk.application.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.paydesk.application.payment.port.in.AllocationInstruction;
import org.paydesk.application.receivable.port.out.ReceivableRepository;
import org.paydesk.domain.customer.Customer;
import org.paydesk.domain.payment.AllocationPlan;
import org.paydesk.domain.payment.AllocationRequest;
import org.paydesk.domain.payment.Allocator;
import org.paydesk.domain.receivable.Receivable;
import org.paydesk.domain.receivable.ReceivableId;
import org.paydesk.domain.shared.DomainException;

/**
 * Turns an allocation instruction into a plan against the invoices as they stand now. Used by the preview and,
 * under the customer's lock, by the payment itself, so both compute the same thing.
 */
@ApplicationScoped
public class AllocationPlanner {

    private final ReceivableRepository receivables;

    @Inject
    public AllocationPlanner(ReceivableRepository receivables) {
        this.receivables = receivables;
    }

    /** The plan, and the invoices it touches (loaded, by id) so the caller can apply it. */
    public Planned plan(Customer customer, AllocationInstruction instruction) {
        if (!instruction.amount().currency().equals(customer.currency())) {
            throw new DomainException("currency_mismatch", "amount.currency", "customer " + customer.number()
                    + " is billed in " + customer.currency().getCurrencyCode());
        }
        if (instruction.allocations() == null) {
            List<Receivable> open = receivables.allOpenFor(customer.id());
            AllocationPlan plan = Allocator.oldestDueFirst(instruction.amount(), customer.id(), open);
            Map<ReceivableId, Receivable> byId = new HashMap<>();
            open.forEach(receivable -> byId.put(receivable.id(), receivable));
            return new Planned(plan, touched(plan, byId));
        }
        List<ReceivableId> ids = instruction.allocations().stream().map(AllocationRequest::receivableId).toList();
        Map<ReceivableId, Receivable> known = receivables.findAll(ids);
        AllocationPlan plan = Allocator.explicit(instruction.amount(), customer.id(), instruction.allocations(), known);
        return new Planned(plan, touched(plan, known));
    }

    private static Map<ReceivableId, Receivable> touched(AllocationPlan plan, Map<ReceivableId, Receivable> loaded) {
        Map<ReceivableId, Receivable> touched = new HashMap<>();
        plan.allocations().forEach(allocation -> touched.put(allocation.receivableId(),
                loaded.get(allocation.receivableId())));
        return touched;
    }

    /** A plan and the loaded invoices it names. */
    public record Planned(AllocationPlan plan, Map<ReceivableId, Receivable> receivables) {
    }

    /** For CDI's proxy only. */
    protected AllocationPlanner() {
        this(null);
    }
}
