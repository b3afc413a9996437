package org.paydesk.application.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.paydesk.application.customer.port.out.CustomerRepository;
import org.paydesk.application.payment.port.in.AllocationInstruction;
import org.paydesk.application.payment.port.in.FindPaymentsQuery;
import org.paydesk.application.payment.port.in.PreviewAllocationUseCase;
import org.paydesk.application.payment.port.out.PaymentRepository;
import org.paydesk.application.shared.NotFoundException;
import org.paydesk.domain.customer.Customer;
import org.paydesk.domain.payment.AllocationPlan;
import org.paydesk.domain.payment.Payment;
import org.paydesk.domain.payment.PaymentId;
import org.paydesk.domain.shared.DomainException;

/** Reads payments and previews allocations; changes nothing. */
@ApplicationScoped
public class PaymentQueryService implements FindPaymentsQuery, PreviewAllocationUseCase {

    private final PaymentRepository payments;
    private final CustomerRepository customers;
    private final AllocationPlanner planner;

    @Inject
    public PaymentQueryService(PaymentRepository payments, CustomerRepository customers, AllocationPlanner planner) {
        this.payments = payments;
        this.customers = customers;
        this.planner = planner;
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Payment get(PaymentId id) {
        return payments.find(id).orElseThrow(() -> new NotFoundException("payment " + id));
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public AllocationPlan preview(AllocationInstruction instruction) {
        Customer customer = customers.find(instruction.customerId())
                .orElseThrow(() -> new DomainException("customer_not_found", "customerId",
                        "no customer " + instruction.customerId()));
        return planner.plan(customer, instruction).plan();
    }

    /** For CDI's proxy only. */
    protected PaymentQueryService() {
        this(null, null, null);
    }
}
