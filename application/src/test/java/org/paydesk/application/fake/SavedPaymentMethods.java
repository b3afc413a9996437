package org.paydesk.application.fake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.paydesk.application.paymentmethod.port.in.AddPaymentMethodCommand;
import org.paydesk.application.paymentmethod.port.in.ManagePaymentMethodsUseCase;
import org.paydesk.application.shared.Actor;
import org.paydesk.application.shared.NotFoundException;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.payment.PaymentMethod;
import org.paydesk.domain.payment.PaymentMethodType;
import org.paydesk.domain.paymentmethod.DisplayFacts;
import org.paydesk.domain.paymentmethod.PaymentMethodToken;
import org.paydesk.domain.paymentmethod.PaymentMethodTokenId;
import org.paydesk.domain.shared.DomainException;

/**
 * Customers' saved payment methods, kept in memory with the use case's rules: saving a token the customer already
 * has returns the saved one, the first saved becomes the default, and a method that is not the customer's is
 * refused. The payment services only use it; its own service is tested elsewhere. {@link #failNextAdd} makes the next
 * save fail, as the processor's attach call can.
 */
public final class SavedPaymentMethods implements ManagePaymentMethodsUseCase {

    private static final Instant SAVED_AT = Instant.parse("2024-01-01T00:00:00Z");

    private final Map<PaymentMethodTokenId, PaymentMethodToken> saved = new LinkedHashMap<>();
    private final List<AddPaymentMethodCommand> added = new ArrayList<>();
    private RuntimeException nextAddFailure;
    private long lastId;

    @Override
    public List<PaymentMethodToken> list(CustomerId customer) {
        return saved.values().stream().filter(token -> token.belongsTo(customer)).toList();
    }

    @Override
    public PaymentMethodToken add(AddPaymentMethodCommand command) {
        added.add(command);
        if (nextAddFailure != null) {
            RuntimeException failure = nextAddFailure;
            nextAddFailure = null;
            throw failure;
        }
        Optional<PaymentMethodToken> existing = list(command.customerId()).stream()
                .filter(token -> token.method().equals(command.method())).findFirst();
        if (existing.isPresent()) {
            return existing.get();
        }
        boolean first = list(command.customerId()).isEmpty();
        DisplayFacts facts = command.method().type() == PaymentMethodType.ACH
                ? DisplayFacts.bankAccount("STRIPE TEST BANK", "6789") : DisplayFacts.card("visa", "4242", 12, 2034);
        PaymentMethodToken token = PaymentMethodToken.save(new PaymentMethodTokenId(++lastId), command.customerId(),
                command.method(), facts, SAVED_AT, first || command.makeDefault());
        saved.put(token.id(), token);
        return token;
    }

    /** Saves a method directly, as if the customer had done it earlier. */
    public PaymentMethodToken saveFor(CustomerId customer, PaymentMethod method) {
        return add(new AddPaymentMethodCommand(customer, method, false, Actor.system("test")));
    }

    @Override
    public PaymentMethodToken makeDefault(CustomerId customer, PaymentMethodTokenId method, Actor actor) {
        PaymentMethodToken chosen = owned(customer, method);
        list(customer).forEach(PaymentMethodToken::clearDefault);
        chosen.makeDefault();
        return chosen;
    }

    @Override
    public void remove(CustomerId customer, PaymentMethodTokenId method, Actor actor) {
        saved.remove(owned(customer, method).id());
    }

    @Override
    public PaymentMethodToken savedMethod(CustomerId customer, PaymentMethodTokenId method) {
        try {
            return owned(customer, method);
        } catch (NotFoundException notTheirs) {
            throw new DomainException("payment_method_not_found", "paymentMethod.savedMethodId",
                    "the customer has no saved payment method " + method);
        }
    }

    public void failNextAdd(RuntimeException failure) {
        nextAddFailure = failure;
    }

    /** Every save asked for, in order, including those that failed. */
    public List<AddPaymentMethodCommand> added() {
        return List.copyOf(added);
    }

    private PaymentMethodToken owned(CustomerId customer, PaymentMethodTokenId method) {
        PaymentMethodToken token = saved.get(method);
        if (token == null || !token.belongsTo(customer)) {
            throw new NotFoundException("payment method " + method);
        }
        return token;
    }
}
