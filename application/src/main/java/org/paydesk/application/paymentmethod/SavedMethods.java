package org.paydesk.application.paymentmethod;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.paydesk.application.customer.port.out.CustomerRepository;
import org.paydesk.application.paymentmethod.port.out.PaymentMethodRepository;
import org.paydesk.application.shared.Actor;
import org.paydesk.application.shared.NotFoundException;
import org.paydesk.application.shared.port.out.AuditEntry;
import org.paydesk.application.shared.port.out.AuditTrail;
import org.paydesk.application.shared.port.out.TimeSource;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.payment.PaymentMethod;
import org.paydesk.domain.paymentmethod.DisplayFacts;
import org.paydesk.domain.paymentmethod.PaymentMethodToken;
import org.paydesk.domain.paymentmethod.PaymentMethodTokenId;

/**
 * The transactional steps on saved methods (the processor calls around them run outside any transaction). Each
 * takes the customer's row lock first, so racing saves of one token, or two methods made default at once, are
 * serialised: at most one method of a customer is the default and a token is saved once.
 */
@ApplicationScoped
public class SavedMethods {

    private final CustomerRepository customers;
    private final PaymentMethodRepository methods;
    private final AuditTrail audit;
    private final TimeSource time;

    @Inject
    public SavedMethods(CustomerRepository customers, PaymentMethodRepository methods, AuditTrail audit,
            TimeSource time) {
        this.customers = customers;
        this.methods = methods;
        this.audit = audit;
        this.time = time;
    }

    /** Stores an attached method; the same token again returns the one already saved. */
    @Transactional
    public PaymentMethodToken store(CustomerId customer, PaymentMethod method, DisplayFacts facts, boolean makeDefault,
            Actor actor) {
        lock(customer);
        Optional<PaymentMethodToken> existing = methods.findByToken(customer, method.token());
        if (existing.isPresent()) {
            return existing.get();
        }
        List<PaymentMethodToken> current = methods.findAll(customer);
        boolean isDefault = makeDefault || current.isEmpty();
        if (isDefault) {
            clearDefault(current);
        }
        PaymentMethodToken saved = PaymentMethodToken.save(methods.nextId(), customer, method, facts, time.now(),
                isDefault);
        methods.add(saved);
        audit.record(new AuditEntry(time.now(), actor, "payment_method.saved", "customer", customer.toString(), "ok",
                method.type() + " ending " + facts.last4() + " as method " + saved.id()));
        return saved;
    }

    @Transactional
    public PaymentMethodToken makeDefault(CustomerId customer, PaymentMethodTokenId id, Actor actor) {
        lock(customer);
        PaymentMethodToken chosen = owned(customer, id);
        clearDefault(methods.findAll(customer));
        PaymentMethodToken fresh = owned(customer, id);
        fresh.makeDefault();
        methods.update(fresh);
        audit.record(new AuditEntry(time.now(), actor, "payment_method.default", "customer", customer.toString(), "ok",
                "method " + chosen.id()));
        return fresh;
    }

    /** Deletes the method and returns it (so the caller can detach it at the processor after commit). */
    @Transactional
    public PaymentMethodToken delete(CustomerId customer, PaymentMethodTokenId id, Actor actor) {
        lock(customer);
        PaymentMethodToken removed = owned(customer, id);
        methods.delete(id);
        if (removed.isDefault()) {
            methods.findAll(customer).stream().findFirst().ifPresent(next -> {
                next.makeDefault();
                methods.update(next);
            });
        }
        audit.record(new AuditEntry(time.now(), actor, "payment_method.removed", "customer", customer.toString(), "ok",
                "method " + id));
        return removed;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PaymentMethodToken> list(CustomerId customer) {
        return methods.findAll(customer);
    }

    /** @throws NotFoundException when the method is not this customer's (the same answer as for no method) */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PaymentMethodToken owned(CustomerId customer, PaymentMethodTokenId id) {
        return methods.find(id).filter(method -> method.belongsTo(customer))
                .orElseThrow(() -> new NotFoundException("payment method " + id));
    }

    private void lock(CustomerId customer) {
        customers.lock(customer).orElseThrow(() -> new NotFoundException("customer " + customer));
    }

    private void clearDefault(List<PaymentMethodToken> current) {
        for (PaymentMethodToken method : current) {
            if (method.isDefault()) {
                method.clearDefault();
                methods.update(method);
            }
        }
    }

    /** For CDI's proxy only. */
    protected SavedMethods() {
        this(null, null, null, null);
    }
}
