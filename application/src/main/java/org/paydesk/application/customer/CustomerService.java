package org.paydesk.application.customer;

import org.paydesk.application.customer.port.in.ChangeCustomerPreferencesUseCase;
import org.paydesk.domain.customer.CustomerPreferences;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.paydesk.application.customer.port.in.BuyerAccountsUseCase;
import org.paydesk.application.customer.port.in.FindCustomersQuery;
import org.paydesk.application.customer.port.in.RegisterCustomerCommand;
import org.paydesk.application.customer.port.in.RegisterCustomerUseCase;
import org.paydesk.application.customer.port.out.BuyerAccounts;
import org.paydesk.application.customer.port.out.CustomerRepository;
import org.paydesk.application.shared.Actor;
import org.paydesk.application.shared.ConflictException;
import org.paydesk.application.shared.NotFoundException;
import org.paydesk.application.shared.Page;
import org.paydesk.application.shared.PageRequest;
import org.paydesk.application.shared.port.out.AuditEntry;
import org.paydesk.application.shared.port.out.AuditTrail;
import org.paydesk.application.shared.port.out.TimeSource;
import org.paydesk.domain.customer.Customer;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.shared.Money;

/** Registers and finds customers. */
@ApplicationScoped
public class CustomerService implements RegisterCustomerUseCase, FindCustomersQuery, BuyerAccountsUseCase,
        ChangeCustomerPreferencesUseCase {

    private final CustomerRepository customers;
    private final BuyerAccounts buyers;
    private final AuditTrail audit;
    private final TimeSource time;

    @Inject
    public CustomerService(CustomerRepository customers, BuyerAccounts buyers, AuditTrail audit, TimeSource time) {
        this.customers = customers;
        this.buyers = buyers;
        this.audit = audit;
        this.time = time;
    }

    @Override
    @Transactional
    public void link(String login, CustomerId customer, Actor actor) {
        get(customer);
        String trimmed = org.paydesk.domain.shared.Text.required(login, "login", 100);
        buyers.link(trimmed, customer);
        audit.record(new AuditEntry(time.now(), actor, "buyer.linked", "customer", customer.toString(), "ok",
                "buyer login " + trimmed));
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<CustomerId> customerOf(String login) {
        return login == null ? Optional.empty() : buyers.customerOf(login);
    }

    @Override
    @Transactional
    public Customer register(RegisterCustomerCommand command) {
        Customer customer = Customer.register(customers.nextId(), command.number(), command.name(), command.email(),
                Money.currencyOf(command.currency()));
        if (customers.numberTaken(customer.number())) {
            throw new ConflictException("customer_number_taken", "number",
                    "a customer numbered " + customer.number() + " already exists");
        }
        customers.add(customer);
        audit.record(new AuditEntry(time.now(), command.actor(), "customer.registered", "customer",
                customer.id().toString(), "ok", customer.number()));
        return customer;
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Customer get(CustomerId id) {
        return customers.find(id).orElseThrow(() -> new NotFoundException("customer " + id));
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Customer> search(String text, PageRequest page) {
        return customers.search(text == null ? "" : text.strip(), page);
    }

    @Override
    @Transactional
    public Customer changePreferences(CustomerId id, CustomerPreferences preferences, Actor actor) {
        Customer customer = customers.lock(id).orElseThrow(() -> new NotFoundException("customer " + id));
        customer.changePreferences(preferences);
        customers.update(customer);
        audit.record(new AuditEntry(time.now(), actor, "customer.preferences_changed", "customer", id.toString(),
                "ok", preferences.toString()));
        return customer;
    }

    /** For CDI's proxy only. */
    protected CustomerService() {
        this(null, null, null, null);
    }
}
