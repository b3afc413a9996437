package org.paydesk.adapters.persistence.refund;

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
 * A row of {@code refund_allocation}: part of a refund taken back from one invoice, which it reopened. Written with
 * its refund and never changed (every column is {@code updatable = false}), so it needs no version of its own: the
 * refund's version guards the aggregate.
 */
@Entity
@Table(name = "refund_allocation")
class RefundAllocationEntity {

    @Id
    @SequenceGenerator(name = "refund_allocation_seq", sequenceName = "refund_allocation_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "refund_allocation_seq")
    @Column(name = "id", nullable = false, updatable = false)
    private Long id;

    // The relationship (not a bare id) tells EclipseLink to insert the refund before its allocations.
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "refund_id", nullable = false, updatable = false)
    private RefundEntity refund;

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

    protected RefundAllocationEntity() {
    }

    RefundAllocationEntity(RefundEntity refund, int lineNo, long receivableId, String receivableNumber,
            String currency, long amountMinor) {
        this.refund = refund;
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
