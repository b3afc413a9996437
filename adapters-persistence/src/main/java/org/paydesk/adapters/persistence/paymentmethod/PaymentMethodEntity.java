package org.paydesk.adapters.persistence.paymentmethod;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.paydesk.domain.payment.PaymentMethodType;

/**
 * A row of {@code payment_method}. Only the default flag changes after a method is saved; the version moves with
 * it. The flag is a number (0 or 1) because neither script dialect may use BOOLEAN. There is no column a card or
 * account number could fit in.
 */
@Entity
@Table(name = "payment_method")
class PaymentMethodEntity {

    @Id
    @SequenceGenerator(name = "payment_method_seq", sequenceName = "payment_method_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "payment_method_seq")
    @Column(name = "id", nullable = false, updatable = false)
    private Long id;

    @Column(name = "customer_id", nullable = false, updatable = false)
    private long customerId;

    @Enumerated(EnumType.STRING)
    @Column(name = "method_type", nullable = false, updatable = false, length = 20)
    private PaymentMethodType methodType;

    @Column(name = "processor_token", nullable = false, updatable = false, length = 255)
    private String processorToken;

    @Column(name = "brand", updatable = false, length = 50)
    private String brand;

    @Column(name = "last4", nullable = false, updatable = false, length = 4)
    private String last4;

    @Column(name = "exp_month", updatable = false)
    private Integer expMonth;

    @Column(name = "exp_year", updatable = false)
    private Integer expYear;

    @Column(name = "bank_name", updatable = false, length = 200)
    private String bankName;

    @Column(name = "is_default", nullable = false)
    private int isDefault;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected PaymentMethodEntity() {
    }

    PaymentMethodEntity(long id, long customerId, PaymentMethodType methodType, String processorToken, String brand,
            String last4, Integer expMonth, Integer expYear, String bankName, boolean isDefault, Instant createdAt) {
        this.id = id;
        this.customerId = customerId;
        this.methodType = methodType;
        this.processorToken = processorToken;
        this.brand = brand;
        this.last4 = last4;
        this.expMonth = expMonth;
        this.expYear = expYear;
        this.bankName = bankName;
        this.isDefault = isDefault ? 1 : 0;
        this.createdAt = createdAt;
    }

    void changeDefault(boolean isDefault) {
        this.isDefault = isDefault ? 1 : 0;
    }

    long id() {
        return id;
    }

    long customerId() {
        return customerId;
    }

    PaymentMethodType methodType() {
        return methodType;
    }

    String processorToken() {
        return processorToken;
    }

    String brand() {
        return brand;
    }

    String last4() {
        return last4;
    }

    Integer expMonth() {
        return expMonth;
    }

    Integer expYear() {
        return expYear;
    }

    String bankName() {
        return bankName;
    }

    boolean isDefault() {
        return isDefault == 1;
    }

    Instant createdAt() {
        return createdAt;
    }

    long version() {
        return version;
    }
}
