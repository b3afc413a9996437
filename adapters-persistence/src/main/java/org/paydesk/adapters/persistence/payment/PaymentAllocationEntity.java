package org.paydesk.adapters.persistence.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * A row of {@code payment_allocation}: part of a payment applied to one invoice. Written with its payment (or added
 * to it later, when unapplied money is applied) and never changed (every column is {@code updatable = false}, and
 * there is no way to change one), so it needs no version of its own: the payment's version guards the aggregate.
 */
@Entity
@Table(name = "payment_allocation")
class PaymentAllocationEntity {

    @Id
    @SequenceGenerator(name = "payment_allocation_seq", sequenceName = "payment_allocation_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "payment_allocation_seq")
    @Column(name = "id", nullable = false, updatable = false)
    private Long id;

    // The relationship (not a bare id) tells EclipseLink to insert the payment before its allocations.
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "payment_id", nullable = false, updatable = false)
    private PaymentEntity payment;

    @Column(name = "line_no", nullable = false, updatable = false)
    private int lineNo;

    @Column(name = "receivable_id", nullable = false, updatable = false)
    private long receivableId;

    @Column(name = "receivable_number", nullable = false, updatable = false, length = 40)
    private String receivableNumber;

    @Column(name = "currency", nullable = false, updatable = false, length = 3)
    private String currency;

    @Column(name = "amount_minor", nullable = false, updatable = false)
    private long amountMinor;

    protected PaymentAllocationEntity() {
    }

    PaymentAllocationEntity(PaymentEntity payment, int lineNo, long receivableId, String receivableNumber,
            String currency, long amountMinor) {
        this.payment = payment;
        this.lineNo = lineNo;
        this.receivableId = receivableId;
        this.receivableNumber = receivableNumber;
        this.currency = currency;
        this.amountMinor = amountMinor;
    }

    int lineNo() {
        return lineNo;
    }

    long receivableId() {
        return receivableId;
    }

    String receivableNumber() {
        return receivableNumber;
    }

    String currency() {
        return currency;
    }

    long amountMinor() {
        return amountMinor;
    }
}
