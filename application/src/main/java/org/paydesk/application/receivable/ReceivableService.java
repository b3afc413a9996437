package org.paydesk.application.receivable;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.paydesk.application.customer.port.out.CustomerRepository;
import org.paydesk.application.receivable.port.in.FindReceivablesQuery;
import org.paydesk.application.receivable.port.in.ImportReceivablesCommand;
import org.paydesk.application.receivable.port.in.ImportReceivablesUseCase;
import org.paydesk.application.receivable.port.out.ReceivableRepository;
import org.paydesk.application.shared.ConflictException;
import org.paydesk.application.shared.FieldViolation;
import org.paydesk.application.shared.InvalidRequestException;
import org.paydesk.application.shared.NotFoundException;
import org.paydesk.application.shared.Page;
import org.paydesk.application.shared.PageRequest;
import org.paydesk.application.shared.port.out.AuditEntry;
import org.paydesk.application.shared.port.out.AuditTrail;
import org.paydesk.application.shared.port.out.TimeSource;
import org.paydesk.domain.customer.Customer;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.receivable.Receivable;
import org.paydesk.domain.receivable.ReceivableId;
import org.paydesk.domain.shared.DomainException;

/** Imports and reads invoices. */
@ApplicationScoped
public class ReceivableService implements ImportReceivablesUseCase, FindReceivablesQuery {

    private final CustomerRepository customers;
    private final ReceivableRepository receivables;
    private final AuditTrail audit;
    private final TimeSource time;

    @Inject
    public ReceivableService(CustomerRepository customers, ReceivableRepository receivables, AuditTrail audit,
            TimeSource time) {
        this.customers = customers;
        this.receivables = receivables;
        this.audit = audit;
        this.time = time;
    }

    @Override
    @Transactional
    public List<Receivable> importReceivables(ImportReceivablesCommand command) {
        Customer customer = customers.lock(command.customerId())
                .orElseThrow(() -> new NotFoundException("customer " + command.customerId()));
        List<FieldViolation> violations = new ArrayList<>();
        List<Receivable> created = new ArrayList<>();
        Set<String> numbers = new HashSet<>();
        for (int i = 0; i < command.receivables().size(); i++) {
            ImportReceivablesCommand.Line line = command.receivables().get(i);
            String at = "receivables[" + i + "].";
            try {
                Receivable receivable = line.openBalance() == null
                        ? Receivable.open(receivables.nextId(), customer.id(), line.number(), line.issueDate(),
                                line.dueDate(), line.amount())
                        : Receivable.importWithBalance(receivables.nextId(), customer.id(), line.number(),
                                line.issueDate(), line.dueDate(), line.amount(), line.openBalance());
                if (!receivable.originalAmount().currency().equals(customer.currency())) {
                    violations.add(new FieldViolation(at + "amount.currency", "currency_mismatch",
                            "customer " + customer.number() + " is billed in " + customer.currency().getCurrencyCode()));
                } else if (!numbers.add(receivable.number())) {
                    violations.add(new FieldViolation(at + "number", "duplicate_number",
                            "invoice " + receivable.number() + " appears twice in this import"));
                } else {
                    created.add(receivable);
                }
            } catch (DomainException invalid) {
                violations.add(new FieldViolation(at + invalid.field(), invalid.code(), invalid.getMessage()));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        List<String> taken = receivables.existingNumbers(customer.id(), numbers);
        if (!taken.isEmpty()) {
            throw new ConflictException("receivable_number_taken", "receivables",
                    "customer " + customer.number() + " already has invoice(s) " + String.join(", ", taken));
        }
        created.forEach(receivables::add);
        audit.record(new AuditEntry(time.now(), command.actor(), "receivables.imported", "customer",
                customer.id().toString(), "ok", created.size() + " invoice(s)"));
        return created;
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Receivable get(ReceivableId id) {
        return receivables.find(id).orElseThrow(() -> new NotFoundException("receivable " + id));
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Receivable> openFor(CustomerId customer, PageRequest page) {
        customers.find(customer).orElseThrow(() -> new NotFoundException("customer " + customer));
        return receivables.openFor(customer, page);
    }

    /** For CDI's proxy only. */
    protected ReceivableService() {
        this(null, null, null, null);
    }
}
