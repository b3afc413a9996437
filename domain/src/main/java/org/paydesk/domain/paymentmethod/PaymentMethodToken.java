package org.paydesk.domain.paymentmethod;

import java.time.Instant;
import java.util.Objects;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.payment.PaymentMethod;
import org.paydesk.domain.payment.PaymentMethodType;

/**
 * A payment method saved on a customer for future payments: the processor's reference ({@code pm_...}) and the
 * facts that may be shown. Invariant: it holds a processor token, never a card or account number.
 */
public final class PaymentMethodToken {

    private final PaymentMethodTokenId id;
    private final CustomerId customerId;
    private final PaymentMethod method;
    private final DisplayFacts facts;
    private final Instant createdAt;
    private boolean isDefault;
    private final long version;

    private PaymentMethodToken(PaymentMethodTokenId id, CustomerId customerId, PaymentMethod method,
            DisplayFacts facts, Instant createdAt, boolean isDefault, long version) {
        this.id = Objects.requireNonNull(id, "id");
        this.customerId = Objects.requireNonNull(customerId, "customerId");
        this.method = Objects.requireNonNull(method, "method");
        this.facts = Objects.requireNonNull(facts, "facts");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.isDefault = isDefault;
        this.version = version;
    }

    public static PaymentMethodToken save(PaymentMethodTokenId id, CustomerId customerId, PaymentMethod method,
            DisplayFacts facts, Instant now, boolean isDefault) {
        return new PaymentMethodToken(id, customerId, method, facts, now, isDefault, 0);
    }

    public static PaymentMethodToken restore(PaymentMethodTokenId id, CustomerId customerId, PaymentMethod method,
            DisplayFacts facts, Instant createdAt, boolean isDefault, long version) {
        return new PaymentMethodToken(id, customerId, method, facts, createdAt, isDefault, version);
    }

    public void makeDefault() {
        isDefault = true;
    }

    public void clearDefault() {
        isDefault = false;
    }

    public boolean belongsTo(CustomerId customer) {
        return customerId.equals(customer);
    }

    public PaymentMethodTokenId id() {
        return id;
    }

    public CustomerId customerId() {
        return customerId;
    }

    /** The method as a payment uses it: type and processor token. */
    public PaymentMethod method() {
        return method;
    }

    public PaymentMethodType type() {
        return method.type();
    }

    public String processorToken() {
        return method.token();
    }

    public DisplayFacts facts() {
        return facts;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public boolean isDefault() {
        return isDefault;
    }

    public long version() {
        return version;
    }
}
