package org.paydesk.adapters.persistence.receivable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;

/**
 * A row of {@code receivable}. Only the open balance changes after import. The customer is held by id, not as a
 * relationship: reading 10,000 invoices must not drag customers along, and another aggregate is referenced by
 * identity anyway.
 */
@Entity
@Table(name = "receivable")
class ReceivableEntity {

    @Id
    @SequenceGenerator(name = "receivable_seq", sequenceName = "receivable_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "receivable_seq")
    @Column(name = "id", nullable = false, updatable = false)
    private Long id;

    @Column(name = "customer_id", nullable = false, updatable = false)
    private long customerId;

    @Column(name = "invoice_number", nullable = false, updatable = false, length = 40)
    private String invoiceNumber;

    @Column(name = "issue_date", nullable = false, updatable = false)
    private LocalDate issueDate;

    @Column(name = "due_date", nullable = false, updatable = false)
    private LocalDate dueDate;

    @Column(name = "currency", nullable = false, updatable = false, length = 3)
    private String currency;

    @Column(name = "original_minor", nullable = false, updatable = false)
    private long originalMinor;

    @Column(name = "open_minor", nullable = false)
    private long openMinor;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected ReceivableEntity() {
    }

    ReceivableEntity(long id, long customerId, String invoiceNumber, LocalDate issueDate, LocalDate dueDate,
            String currency, long originalMinor, long openMinor) {
        this.id = id;
        this.customerId = customerId;
        this.invoiceNumber = invoiceNumber;
        this.issueDate = issueDate;
        this.dueDate = dueDate;
        this.currency = currency;
        this.originalMinor = originalMinor;
        this.openMinor = openMinor;
    }

    void changeOpenBalance(long openMinor) {
        this.openMinor = openMinor;
    }

    long id() {
        return id;
    }

    long customerId() {
        return customerId;
    }

    String invoiceNumber() {
        return invoiceNumber;
    }

    LocalDate issueDate() {
        return issueDate;
    }

    LocalDate dueDate() {
        return dueDate;
    }

    String currency() {
        return currency;
    }

    long originalMinor() {
        return originalMinor;
    }

    long openMinor() {
        return openMinor;
    }

    long version() {
        return version;
    }
}
