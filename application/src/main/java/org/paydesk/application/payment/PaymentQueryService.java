package org.paydesk.application.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.paydesk.application.customer.port.out.CustomerRepository;
import org.paydesk.application.payment.port.in.AllocationInstruction;
import org.paydesk.application.payment.port.in.FindPaymentsQuery;
import org.paydesk.application.payment.port.in.PreviewAllocationUseCase;
import java.util.List;
import org.paydesk.application.payment.port.in.FindProcessorChargesQuery;
import org.paydesk.application.payment.port.out.PaymentProcessor;
import org.paydesk.application.payment.port.out.PaymentRepository;
import org.paydesk.application.payment.port.out.ProcessorCharge;
import org.paydesk.application.shared.NotFoundException;
import org.paydesk.domain.customer.Customer;
import org.paydesk.domain.payment.AllocationPlan;
import org.paydesk.domain.payment.Payment;
import org.paydesk.domain.payment.PaymentId;
import org.paydesk.domain.shared.DomainException;

/** Reads payments and previews allocations; changes nothing. */
@ApplicationScoped
public class PaymentQueryService implements FindPaymentsQuery, PreviewAllocationUseCase, FindProcessorChargesQuery {

    private final PaymentRepository payments;
    private final CustomerRepository customers;
    private final AllocationPlanner planner;
    private final PaymentProcessor processor;

    @Inject
    public PaymentQueryService(PaymentRepository payments, CustomerRepository customers, AllocationPlanner planner,
            PaymentProcessor processor) {
        this.payments = payments;
        this.customers = customers;
        this.planner = planner;
        this.processor = processor;
    }

    @Override
    @Transactional(Transactional.TxType.NEVER)
    public List<ProcessorCharge> chargesFor(PaymentId payment) {
        get(payment);
        return processor.chargesFor(payment);
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
        this(null, null, null, null);
    }
}
