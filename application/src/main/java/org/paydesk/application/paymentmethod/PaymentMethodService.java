package org.paydesk.application.paymentmethod;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import org.paydesk.application.customer.port.out.CustomerRepository;
import org.paydesk.application.paymentmethod.port.in.AddPaymentMethodCommand;
import org.paydesk.application.paymentmethod.port.in.ManagePaymentMethodsUseCase;
import org.paydesk.application.paymentmethod.port.out.PaymentMethodVault;
import org.paydesk.application.shared.Actor;
import org.paydesk.application.shared.NotFoundException;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.paymentmethod.DisplayFacts;
import org.paydesk.domain.paymentmethod.PaymentMethodToken;
import org.paydesk.domain.paymentmethod.PaymentMethodTokenId;
import org.paydesk.domain.shared.DomainException;

/** Saved payment methods: attach at the processor (no transaction open), then store (one short transaction). */
@ApplicationScoped
public class PaymentMethodService implements ManagePaymentMethodsUseCase {

    private final CustomerRepository customers;
    private final SavedMethods saved;
    private final PaymentMethodVault vault;

    @Inject
    public PaymentMethodService(CustomerRepository customers, SavedMethods saved, PaymentMethodVault vault) {
        this.customers = customers;
        this.saved = saved;
        this.vault = vault;
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PaymentMethodToken> list(CustomerId customer) {
        requireCustomer(customer);
        return saved.list(customer);
    }

    @Override
    @Transactional(Transactional.TxType.NEVER)
    public PaymentMethodToken add(AddPaymentMethodCommand command) {
        requireCustomer(command.customerId());
        DisplayFacts facts = vault.attach(command.method(), command.customerId());
        return saved.store(command.customerId(), command.method(), facts, command.makeDefault(), command.actor());
    }

    @Override
    @Transactional(Transactional.TxType.NEVER)
    public PaymentMethodToken makeDefault(CustomerId customer, PaymentMethodTokenId method, Actor actor) {
        return saved.makeDefault(customer, method, actor);
    }

    @Override
    @Transactional(Transactional.TxType.NEVER)
    public void remove(CustomerId customer, PaymentMethodTokenId method, Actor actor) {
        PaymentMethodToken removed = saved.delete(customer, method, actor);
        vault.detach(removed.method());
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public PaymentMethodToken savedMethod(CustomerId customer, PaymentMethodTokenId method) {
        try {
            return saved.owned(customer, method);
        } catch (NotFoundException notTheirs) {
            throw new DomainException("payment_method_not_found", "paymentMethod.savedMethodId",
                    "the customer has no saved payment method " + method);
        }
    }

    private void requireCustomer(CustomerId customer) {
        customers.find(customer).orElseThrow(() -> new NotFoundException("customer " + customer));
    }

    /** For CDI's proxy only. */
    protected PaymentMethodService() {
        this(null, null, null);
    }
}
