package org.paydesk.adapters.persistence.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A row of {@code customer}. Only the credit and the preferences change after registration; the version moves with
 * them. The preference flags are numbers (0 or 1) because neither script dialect may use BOOLEAN. State is
 * changed through methods, never by writing fields from outside, so EclipseLink's woven change tracking sees it.
 */
@Entity
@Table(name = "customer")
class CustomerEntity {

    @Id
    @SequenceGenerator(name = "customer_seq", sequenceName = "customer_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "customer_seq")
    @Column(name = "id", nullable = false, updatable = false)
    private Long id;

    @Column(name = "customer_number", nullable = false, updatable = false, length = 40)
    private String customerNumber;

    @Column(name = "name", nullable = false, updatable = false, length = 200)
    private String name;

    @Column(name = "email", updatable = false, length = 254)
    private String email;

    @Column(name = "currency", nullable = false, updatable = false, length = 3)
    private String currency;

    @Column(name = "credit_minor", nullable = false)
    private long creditMinor;

    @Column(name = "require_payment_on_confirm", nullable = false)
    private int requirePaymentOnConfirm;

    @Column(name = "payment_links_enabled", nullable = false)
    private int paymentLinksEnabled;

    @Column(name = "receipts_enabled", nullable = false)
    private int receiptsEnabled;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected CustomerEntity() {
    }

    CustomerEntity(long id, String customerNumber, String name, String email, String currency, long creditMinor,
            boolean requirePaymentOnConfirm, boolean paymentLinksEnabled, boolean receiptsEnabled) {
        this.id = id;
        this.customerNumber = customerNumber;
        this.name = name;
        this.email = email;
        this.currency = currency;
        this.creditMinor = creditMinor;
        changePreferences(requirePaymentOnConfirm, paymentLinksEnabled, receiptsEnabled);
    }

    void changeCredit(long creditMinor) {
        this.creditMinor = creditMinor;
    }

    void changePreferences(boolean requirePaymentOnConfirm, boolean paymentLinksEnabled, boolean receiptsEnabled) {
        this.requirePaymentOnConfirm = flag(requirePaymentOnConfirm);
        this.paymentLinksEnabled = flag(paymentLinksEnabled);
        this.receiptsEnabled = flag(receiptsEnabled);
    }

    private static int flag(boolean value) {
        return value ? 1 : 0;
    }

    long id() {
        return id;
    }

    String customerNumber() {
        return customerNumber;
    }

    String name() {
        return name;
    }

    String email() {
        return email;
    }

    String currency() {
        return currency;
    }

    long creditMinor() {
        return creditMinor;
    }

    boolean requirePaymentOnConfirm() {
        return requirePaymentOnConfirm == 1;
    }

    boolean paymentLinksEnabled() {
        return paymentLinksEnabled == 1;
    }

    boolean receiptsEnabled() {
        return receiptsEnabled == 1;
    }

    long version() {
        return version;
    }
}
